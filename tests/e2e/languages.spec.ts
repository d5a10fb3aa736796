// Frontline in Traditional and Simplified Chinese: the language a person reads in, switching it
// without losing what they typed, and the training and grading in Chinese. Labels are read from the
// message catalogs and the content files, so the test follows the translations rather than copying them.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { parse as parseYaml } from "yaml";
import type { Catalog } from "~/content/modules.server.ts";
import type { Scenario } from "~/content/practice-schemas.ts";
import { createPerson } from "./people.ts";
import { expectAccessible, signIn } from "./utils.ts";

/** A scenario as its translation is written. */
function practiceCatalog(slug: string, locale: "zh-Hant" | "zh-Hans"): Scenario {
  return parseYaml(fs.readFileSync(`content/scenarios/${slug}.${locale}.yml`, "utf8")) as Scenario;
}

type Messages = { [key: string]: string | Messages };

/** A message from a catalog, as the interface shows it when it has no placeholders. */
function say(locale: "en" | "zh-Hant" | "zh-Hans", key: string): string {
  const [namespace, path] = key.split(":");
  const catalog = JSON.parse(fs.readFileSync(`locales/${locale}/${namespace}.json`, "utf8")) as Messages;
  const value = path
    .split(".")
    .reduce<string | Messages | undefined>((node, part) => (typeof node === "object" ? node[part] : undefined), catalog);
  if (typeof value !== "string") throw new Error(`No message ${key} in ${locale}`);
  return value;
}

test.describe("signed out", () => {
  test.use({ locale: "zh-TW" });

  test("a visitor whose browser asks for Chinese gets the sign-in page in Traditional Chinese, and axe is clean", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant");
    await expect(page.getByRole("heading", { level: 1, name: say("zh-Hant", "auth:login.heading") })).toBeVisible();
    await expect(page).toHaveTitle(`${say("zh-Hant", "auth:login.title")} · Frontline`);
    await expectAccessible(page);
  });

  test("switching language keeps the page and what was typed into its form", async ({ page }) => {
    await page.goto("/login");
    const email = page.getByLabel(say("zh-Hant", "auth:login.email"));
    await email.fill("mei.lin@frontline.test");
    await page.getByLabel(say("zh-Hant", "common:language.label")).selectOption("zh-Hans");
    await expect(page.getByRole("heading", { level: 1, name: say("zh-Hans", "auth:login.heading") })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByLabel(say("zh-Hans", "auth:login.email"))).toHaveValue("mei.lin@frontline.test");
    await expectAccessible(page);

    await page.getByLabel(say("zh-Hans", "common:language.label")).selectOption("en");
    await expect(page.getByRole("heading", { level: 1, name: say("en", "auth:login.heading") })).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue("mei.lin@frontline.test");
    // The choice is kept for the next visit.
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});

test("a zh-Hans agent plays a Chinese scenario to resolved and reads a Chinese grade report with its evidence", async ({ page }) => {
  const agent = await createPerson({ name: "Wang Fang", locale: "zh-Hans" });
  const scripts = JSON.parse(fs.readFileSync("tests/fixtures/scenario-scripts/late-delivery.zh-Hans.json", "utf8")) as {
    competent: string[];
  };
  const scenario = practiceCatalog("late-delivery", "zh-Hans");
  await signIn(page, agent.email);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");

  await page.goto("/practice/scenarios/late-delivery");
  await expect(page.getByRole("heading", { level: 1, name: scenario.title })).toBeVisible();
  await expect(page.getByRole("heading", { name: say("zh-Hans", "practice:brief.title") })).toBeVisible();
  await page.getByRole("button", { name: say("zh-Hans", "practice:scenario.start") }).click();
  const conversation = page.getByRole("region", { name: say("zh-Hans", "practice:conversation.label") });
  await expect(conversation.getByRole("listitem").first()).toContainText(/\p{Script=Han}/u);
  const reply = page.getByRole("textbox", { name: say("zh-Hans", "practice:replyBox.emailLabel") });
  // The customer is satisfied as soon as the case is resolved, which may be before the script runs out.
  for (const message of scripts.competent) {
    if (!(await reply.isVisible())) break;
    const turns = await conversation.getByRole("listitem").count();
    await reply.fill(message);
    await page.getByRole("button", { name: say("zh-Hans", "practice:replyBox.send") }).click();
    await expect(conversation.getByRole("listitem")).toHaveCount(turns + 2);
  }
  await expect(page.getByText(say("zh-Hans", "practice:status.resolved")).first()).toBeVisible();

  const report = page.getByRole("region", { name: say("zh-Hans", "practice:report.title") });
  await expect(report).toBeVisible();
  await expect(report.getByText(say("zh-Hans", "practice:report.passed")).first()).toBeVisible();
  // The rubric speaks Chinese too, and its evidence is highlighted in the conversation.
  await page.getByText(say("zh-Hans", "practice:report.everyCriterion")).click();
  await expect(report.getByRole("rowheader", { name: "情感回应" })).toBeVisible();
  await expect(conversation.locator("mark").first()).toBeVisible();
  await expect(report.getByRole("link", { name: /^“/ }).first()).toHaveAttribute("href", /#turn-\d+$/);
  await expectAccessible(page);
});

test("a reply in English to a Chinese customer is met with a request for Chinese", async ({ page }) => {
  const agent = await createPerson({ name: "Li Na", locale: "zh-Hans" });
  await signIn(page, agent.email);
  await page.goto("/practice/scenarios/late-delivery");
  await page.getByRole("button", { name: say("zh-Hans", "practice:scenario.start") }).click();
  await page
    .getByRole("textbox", { name: say("zh-Hans", "practice:replyBox.emailLabel") })
    .fill("Hi Chris, sorry your chair is late. What's your order number?");
  await page.getByRole("button", { name: say("zh-Hans", "practice:replyBox.send") }).click();
  const conversation = page.getByRole("region", { name: say("zh-Hans", "practice:conversation.label") });
  const lines = practiceCatalog("late-delivery", "zh-Hans").lines.wrongLanguage;
  await expect(conversation.getByRole("listitem").last()).toContainText(
    new RegExp(lines.map((line) => line.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")),
  );
});

test("a zh-Hant new hire completes the first onboarding module and its knowledge check in Traditional Chinese", async ({ page }) => {
  // The compiled catalog the server reads: the Traditional Chinese variant knows its answers, so the test can too.
  const catalog = JSON.parse(fs.readFileSync("build/content/catalog.json", "utf8")) as Catalog;
  const inHant = (slug: string) => catalog.modules.find((module) => module.slug === slug)!.variants["zh-Hant"]!;
  const first = inHant("how-support-works");
  const quiz = first.quizzes[0];
  const newHire = await createPerson({ name: "Chen Yi", level: "agent-1", hiredDaysAgo: 3, locale: "zh-Hant" });
  await signIn(page, newHire.email);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant");

  const nav = page.getByRole("navigation", { name: say("zh-Hant", "common:nav.label") });
  await nav.getByRole("link", { name: say("zh-Hant", "common:nav.learn") }).click();
  await expect(page.getByRole("heading", { level: 1, name: say("zh-Hant", "learn:title") })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: say("zh-Hant", "learn:index.pathComplete") })).toHaveAttribute("aria-valuenow", "0");
  await page.getByRole("link", { name: `${say("zh-Hant", "learn:card.start")} ${first.frontmatter.title}` }).click();

  await expect(page.getByRole("heading", { level: 1, name: first.frontmatter.title })).toBeVisible();
  await expect(page).toHaveTitle(`${first.frontmatter.title} · ${say("zh-Hant", "learn:title")} · Frontline`);
  const region = page.getByRole("region", { name: quiz.title });
  for (const question of quiz.questions) {
    const group = region.getByRole("group", { name: question.prompt });
    for (const choice of question.choices.filter((candidate) => candidate.correct))
      await group.getByRole(question.multiple ? "checkbox" : "radio", { name: choice.text }).check();
  }
  await region.getByRole("button", { name: say("zh-Hant", "learn:quiz.submit") }).click();
  await expect(region.getByRole("status")).toContainText(say("zh-Hant", "learn:quiz.scorePassed").replace("{score}", "100"));
  await expect(region.getByText(say("zh-Hant", "learn:quiz.correct"))).toHaveCount(quiz.questions.length);

  // With JavaScript the reading tracker marks the end as reached; the button covers a report still on its way.
  const finish = page.getByRole("button", { name: say("zh-Hant", "learn:module.finishReading") });
  if (await finish.isVisible()) await finish.click();
  const end = page.getByRole("region", { name: say("zh-Hant", "learn:module.completeTitle") });
  await expect(end).toBeVisible();
  await expect(end.getByRole("link", { name: inHant("channels-and-handoffs").frontmatter.title })).toBeVisible();
  await expectAccessible(page);

  await nav.getByRole("link", { name: say("zh-Hant", "common:nav.learn") }).click();
  await expect(page.getByRole("progressbar", { name: say("zh-Hant", "learn:index.pathComplete") })).toHaveAttribute("aria-valuenow", "13");
  await expect(page.getByText(say("zh-Hant", "learn:modulesComplete").replace("{completed}", "1").replace("{total}", "8"))).toBeVisible();
  const path = page.getByRole("region", { name: say("zh-Hant", "learn:onboardingPath") });
  const card = path.getByRole("listitem").filter({ has: page.getByRole("heading", { name: first.frontmatter.title }) });
  await expect(card).toContainText(say("zh-Hant", "learn:moduleStatus.completed"));
  await expectAccessible(page);
});
