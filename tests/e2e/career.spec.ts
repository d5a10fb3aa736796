import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, signIn } from "./utils.ts";

test("an agent sees how ready they are for the next level, with evidence and next steps", async ({ page }) => {
  await signIn(page, DEMO.agent);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Career" }).click();
  await expect(page.getByRole("region", { name: "Where you are" })).toContainText("Agent II");
  const senior = page.getByRole("region", { name: /Next on the individual contributor track: Senior Agent/ });
  await expect(senior.getByRole("progressbar", { name: "Ready for Senior Agent" })).toBeVisible();
  await expect(senior.getByRole("heading", { name: "Your next steps" })).toBeVisible();
  // Evidence links back to the work behind each requirement.
  await expect(senior.locator('a[href^="/learn/modules/"], a[href^="/practice/attempts/"]').first()).toBeVisible();
  await expect(page.getByRole("region", { name: /Next on the management track: Team Lead/ })).toContainText("It comes after Senior Agent");
  await expectAccessible(page);
});

test("a new hire sees the steps to Agent II", async ({ page }) => {
  await signIn(page, DEMO.newHire);
  await page.goto("/career");
  const next = page.getByRole("region", { name: /Senior|Agent II/ }).first();
  await expect(next).toContainText("Agent II");
  await expect(next.getByRole("progressbar")).toHaveAttribute("aria-valuenow", /^\d+$/);
  await expect(next.getByRole("listitem").first()).toBeVisible();
});
