import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "frontline-demo";

export const DEMO = {
  admin: "admin@frontline.test",
  lead: "lead@frontline.test",
  agent: "agent@frontline.test",
  newHire: "newhire@frontline.test",
  /** Agents who read the interface in Traditional and in Simplified Chinese. */
  agentHant: "agent.hant@frontline.test",
  agentHans: "agent.hans@frontline.test",
} as const;

/** Fills in and submits the sign-in form without waiting for the outcome. */
export async function submitSignIn(page: Page, email: string, password = DEMO_PASSWORD, path = "/login") {
  await page.goto(path);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in and waits until the app has left the sign-in page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, path = "/login") {
  await submitSignIn(page, email, password, path);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
}

/** Fails with the list of rules broken when the page has any axe violation. */
export async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
}

/** A unique suffix so tests running in parallel never collide on names or emails. */
export function unique(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}
