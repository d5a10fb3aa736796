import { expect, test, type Page } from "@playwright/test";
import { createPerson, createTeamWithLead } from "./people.ts";
import { DEMO, expectAccessible, signIn } from "./utils.ts";

/** A dashboard card by its heading, and where its first link must lead. */
type CardLink = [card: string, target: RegExp];

const ERROR_HEADING = /Page not found|don't have access|went wrong/i;

/** Opens the home page afresh for each card, follows the card's first link and checks it lands on a working page. */
async function followEachCard(page: Page, cards: CardLink[]) {
  for (const [name, target] of cards) {
    await page.goto("/");
    const card = page.getByRole("region", { name, exact: true });
    await expect(card).toBeVisible();
    const link = card.getByRole("link").first();
    expect(await link.getAttribute("href"), `the first link in "${name}"`).toMatch(target);
    await link.click();
    await expect(page).toHaveURL(target);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: ERROR_HEADING })).toHaveCount(0);
  }
}

/** The dashboard fits a phone: nothing wider than the screen, and axe finds nothing to fix. */
async function expectFitsAPhone(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(page);
}

test("an agent's dashboard cards lead to what is due, practice, coaching and grades", async ({ page }) => {
  await signIn(page, DEMO.agent);
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Alex" })).toBeVisible();
  await expectAccessible(page);
  await followEachCard(page, [
    ["What's due", /\/(learn|practice)(\/|$)/],
    ["Practise next", /\/(practice|learn)(\/|$)/],
    ["Your coaching", /\/coaching\/(sessions\/|my$)/],
    ["Latest grades", /\/practice(\/attempts\/|$)/],
  ]);
  await expectFitsAPhone(page);
});

test("a new hire's dashboard leads into onboarding", async ({ page }) => {
  await signIn(page, DEMO.newHire);
  await expect(page.getByRole("heading", { level: 1, name: "Welcome aboard, Jamie" })).toBeVisible();
  await followEachCard(page, [["Your onboarding", /\/learn\/modules\//]]);
});

test("someone with nothing yet is told what to do next, and the suggestions work", async ({ page }) => {
  const { team } = await createTeamWithLead("Lin Okafor");
  const newcomer = await createPerson({ name: "Sam Rivera", teamId: team.id, hiredDaysAgo: 200 });
  await signIn(page, newcomer.email);
  const due = page.getByRole("region", { name: "What's due", exact: true });
  await expect(due).toContainText("Nothing due — browse Learn");
  await expect(page.getByRole("region", { name: "Latest grades", exact: true })).toContainText("No graded conversations yet");
  await expect(page.getByRole("region", { name: "Your coaching", exact: true })).toContainText("Your lead is Lin Okafor");
  await due.getByRole("link", { name: "Learn" }).click();
  await expect(page).toHaveURL(/\/learn$/);
  await page.goto("/");
  await page.getByRole("region", { name: "Practise next", exact: true }).getByRole("link", { name: "Start with any scenario" }).click();
  await expect(page).toHaveURL(/\/practice$/);
});

test("a lead's dashboard cards lead to reviews, disputes, overdue work, people and 1:1s", async ({ page }) => {
  await signIn(page, DEMO.lead);
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Marcus" })).toBeVisible();
  await expectAccessible(page);
  await followEachCard(page, [
    ["Reviews waiting", /\/(practice\/attempts\/|coaching\/reviews)/],
    ["Disputes waiting", /\/(practice\/attempts\/|coaching\/reviews)/],
    ["Overdue work", /\/coaching\/assignments/],
    ["Below pass or slipping", /\/coaching\/(people\/|insights)/],
    ["This week's 1:1s", /\/coaching\/(sessions\/|people)/],
  ]);
  await expectFitsAPhone(page);
});

test("an admin's dashboard cards lead to onboarding, overdue work, promotions, mentoring and content", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Priya" })).toBeVisible();
  await expectAccessible(page);
  await followEachCard(page, [
    ["Onboarding", /\/(admin\/people\/new|learn\/people)$/],
    ["Overdue assignments", /\/coaching\/assignments/],
    ["Promotion queue", /\/admin\/promotions/],
    ["Mentoring requests", /\/admin\/mentoring$/],
    ["Catalog", /\/(learn|practice)(\/|$)/],
  ]);
  await expectFitsAPhone(page);
});
