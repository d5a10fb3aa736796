import { expect, test } from "@playwright/test";
import { createPerson } from "./people.ts";
import { DEMO, expectAccessible, signIn, signOut, submitSignIn } from "./utils.ts";

test("an agent signs in and sees their dashboard, their team and their lead", async ({ page }) => {
  await signIn(page, DEMO.agent);
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Alex" })).toBeVisible();
  await expect(page.getByText(/^Orders & Delivery · /)).toBeVisible();
  await expect(page.getByRole("region", { name: "Your coaching" })).toContainText("Marcus Oyelaran");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const area of ["Learn", "Practice", "Career", "Mentoring"]) await expect(nav.getByRole("link", { name: area })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Coaching" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Admin" })).toHaveCount(0);
  await expectAccessible(page);
  await signOut(page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});

test("a new hire is welcomed and pointed at onboarding", async ({ page }) => {
  await signIn(page, DEMO.newHire);
  await expect(page.getByRole("heading", { level: 1, name: "Welcome aboard, Jamie" })).toBeVisible();
  const onboarding = page.getByRole("region", { name: "Your onboarding" });
  await expect(onboarding.getByRole("progressbar", { name: "Onboarding path complete" })).toBeVisible();
  await expect(onboarding.getByRole("link", { name: /^Next: / })).toBeVisible();
  await page
    .getByRole("region", { name: "Also for you" })
    .getByRole("link", { name: /^\d+% ready for Agent II$/ })
    .click();
  await expect(page.getByRole("progressbar", { name: "Ready for Agent II" })).toBeVisible();
  await page.goBack();
  await expectAccessible(page);
});

test("a lead sees what their own team needs and the Coaching area", async ({ page }) => {
  await signIn(page, DEMO.lead);
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Marcus" })).toBeVisible();
  await expect(page.getByText(/^Orders & Delivery · /)).toBeVisible();
  await expect(page.getByRole("region", { name: "Reviews waiting" })).toBeVisible();
  await expect(page.getByText("Grace Kim")).toHaveCount(0);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Coaching" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Coaching" })).toBeVisible();
  await expectAccessible(page);
});

test("an admin sees the organisation at a glance", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Priya" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Onboarding" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Promotion queue" }).getByRole("link", { name: /^See all/ })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toBeVisible();
  await expectAccessible(page);
});

test("a wrong password gets one clear message and keeps the email", async ({ page }) => {
  // A failed sign-in counts against the account, so it is made on one of the test's own.
  const agent = await createPerson({ name: "Rosa Delgado", level: "agent-2" });
  await submitSignIn(page, agent.email, "not-the-password");
  await expect(page.getByRole("alert")).toHaveText("That email and password don't match an active account.");
  await expect(page.getByLabel("Email")).toHaveValue(agent.email);
  await expectAccessible(page);
});

test("an agent opening an admin page gets the 403 page inside the app", async ({ page }) => {
  await signIn(page, DEMO.agent);
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Alex" })).toBeVisible();
  const response = await page.goto("/admin/people");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expectAccessible(page);
});

test("an unknown address is a 404 page inside the app", async ({ page }) => {
  await signIn(page, DEMO.agent);
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Alex" })).toBeVisible();
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});

test("signing in returns to the page that asked for it", async ({ page }) => {
  await page.goto("/career");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcareer$/);
  await page.getByLabel("Email").fill(DEMO.agent);
  await page.getByLabel("Password").fill("frontline-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/career$/);
  await expect(page.getByRole("heading", { level: 1, name: "Career" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sign in, see validation errors and sign out all work", async ({ page }) => {
    const lead = await createPerson({ name: "Elena Petrova", role: "lead" });
    await page.goto("/login");
    await page.getByLabel("Email").fill(lead.email);
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toHaveText("That email and password don't match an active account.");
    await expect(page.getByLabel("Email")).toHaveValue(lead.email);
    await page.getByLabel("Password").fill("frontline-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Hello, Elena" })).toBeVisible();
    await signOut(page);
  });
});

test("a request from another origin is refused", async ({ request }) => {
  const response = await request.post("/login", {
    form: { email: DEMO.agent, password: "frontline-demo" },
    headers: { Origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});
