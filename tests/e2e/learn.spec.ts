import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import type { Catalog } from "~/content/modules.server.ts";
import { createPerson, createTeamWithLead } from "./people.ts";
import { DEMO, expectAccessible, signIn } from "./utils.ts";

// The compiled catalog the server under test reads: it knows the answers, so the tests can too.
const catalog = JSON.parse(fs.readFileSync("build/content/catalog.json", "utf8")) as Catalog;
const moduleBySlug = (slug: string) => catalog.modules.find((module) => module.slug === slug)!;
const FIRST = moduleBySlug("how-support-works");
// A seeded new hire who has not started onboarding; the tests only look.
const NEW_HIRE_WITHOUT_JS = "leah.morgan@frontline.test";

/** Ticks each question's right (or, with `wrong`, a wrong) answer by its visible text. */
async function answerQuiz(page: Page, slug: string, { wrong = [] as string[] } = {}) {
  for (const question of moduleBySlug(slug).quizzes[0].questions) {
    const group = page.getByRole("group", { name: question.prompt });
    const choices = wrong.includes(question.id)
      ? [question.choices.find((choice) => !choice.correct)!]
      : question.choices.filter((choice) => choice.correct);
    for (const choice of choices) await group.getByRole(question.multiple ? "checkbox" : "radio", { name: choice.text }).check();
  }
}

async function expectModuleCompleted(page: Page) {
  const end = page.getByRole("region", { name: /Module complete|You've read to the end|Finished reading/ });
  if (await page.getByRole("button", { name: "I've read this module" }).isVisible()) {
    await page.getByRole("button", { name: "I've read this module" }).click();
  }
  await expect(end).toHaveAccessibleName("Module complete");
  await expect(end.getByRole("link", { name: "Channels and handing a conversation across them" })).toBeVisible();
}

/** A new hire in their first week, with nothing read yet. */
function createNewHire(name: string) {
  return createPerson({ name, level: "agent-1", hiredDaysAgo: 3 });
}

test("a new hire completes the first onboarding module and its knowledge check", async ({ page }) => {
  await signIn(page, (await createNewHire("Noah Fischer")).email);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Learn" }).click();
  await expect(page.getByRole("progressbar", { name: "Onboarding path complete" })).toHaveAttribute("aria-valuenow", "0");
  await expect(page.getByText("Up next")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: `Start ${FIRST.frontmatter.title}` }).click();

  await expect(page.getByRole("heading", { level: 1, name: FIRST.frontmatter.title })).toBeVisible();
  await expect(page.getByText(`${FIRST.frontmatter.minutes} min read`)).toBeVisible();
  const sections = page.getByRole("navigation", { name: "Sections" });
  await expect(sections.getByRole("link")).toHaveCount(FIRST.sections.length);
  // With JavaScript the tracker reports reading time, so the finish form adds none of its own.
  await expect(page.locator('input[name="openedAt"]')).toHaveCount(0);
  await expectAccessible(page);

  // Reading into the third section is remembered: coming back offers to resume there.
  const third = FIRST.sections[2];
  const reported = page.waitForResponse((response) => response.request().postData()?.includes(`section=${third.id}`) ?? false);
  await page.locator(`#${third.id}`).scrollIntoViewIfNeeded();
  expect((await reported).status()).toBe(200);
  await page.goto("/learn");
  await page.getByRole("link", { name: `Continue ${FIRST.frontmatter.title}` }).click();
  await expect(page.getByText("Continue where you left off")).toBeVisible();
  await expect(page.getByRole("link", { name: third.title }).first()).toBeVisible();

  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByText("Your answers weren't submitted")).toBeVisible();

  await answerQuiz(page, FIRST.slug, { wrong: FIRST.quizzes[0].questions.slice(0, 2).map((question) => question.id) });
  await page.getByRole("button", { name: "Submit answers" }).click();
  const quiz = page.getByRole("region", { name: "Knowledge check" });
  await expect(quiz.getByRole("status")).toContainText("not passed yet");
  // The retake is a test, not copying: wrong questions get a hint, never their answer or explanation.
  await expect(quiz.getByRole("status")).toContainText("The answers are shown once you pass, or after 2 more tries.");
  await expect(quiz.getByText("Not quite.")).toHaveCount(2);
  await expect(quiz.getByText(FIRST.quizzes[0].questions[0].explanation)).toHaveCount(0);
  const missed = quiz.getByRole("group", { name: FIRST.quizzes[0].questions[0].prompt });
  await expect(
    missed.getByText("That isn't the best answer. Look back over the module, then think about which choice fits it best."),
  ).toBeVisible();
  await expect(missed.getByText("(right answer)")).toHaveCount(0);
  await expect(quiz.getByText(FIRST.quizzes[0].questions[2].explanation)).toBeVisible();

  await answerQuiz(page, FIRST.slug);
  await page.getByRole("button", { name: "Submit new answers" }).click();
  await expect(quiz.getByRole("status")).toContainText("You scored 100% — passed");
  await expectModuleCompleted(page);
  await expectAccessible(page);

  await page.goto("/learn");
  await expect(page.getByRole("progressbar", { name: "Onboarding path complete" })).toHaveAttribute("aria-valuenow", "13");
  await expect(page.getByText("1 of 8 modules complete")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a new hire reads, answers and completes the first module with plain forms", async ({ page }) => {
    await signIn(page, (await createNewHire("Zara Ahmed")).email);
    await page.goto(`/learn/modules/${FIRST.slug}`);
    // No reading tracker runs, so the finish form carries when the page was served.
    await expect(page.locator('input[name="openedAt"]')).toHaveCount(1);
    await page.getByRole("button", { name: "I've read this module" }).click();
    await expect(page.getByRole("region", { name: "You've read to the end" })).toBeVisible();
    await answerQuiz(page, FIRST.slug);
    await page.getByRole("button", { name: "Submit answers" }).click();
    await expect(page.getByRole("region", { name: "Knowledge check" }).getByRole("status")).toContainText("passed");
    await expectModuleCompleted(page);
  });

  test("a locked module says which module to finish first, and refuses quiz answers", async ({ page }) => {
    await signIn(page, NEW_HIRE_WITHOUT_JS);
    await page.goto("/learn/modules/privacy-and-security");
    await expect(page.getByRole("heading", { name: "This module is locked" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Troubleshooting, triage and escalation" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Submit answers" })).toHaveCount(0);
    const response = await page.request.post("/learn/modules/privacy-and-security", {
      form: { intent: "quiz", quizId: "knowledge-check", submissionKey: "locked-attempt-key" },
      headers: { Origin: new URL(page.url()).origin },
    });
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain("This module is locked");
  });
});

test("answer keys and explanations never reach the browser before submitting", async ({ page }) => {
  const module = moduleBySlug("thriving-remote-hybrid");
  await signIn(page, NEW_HIRE_WITHOUT_JS);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const response = await page.goto(`/learn/modules/${module.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: module.frontmatter.title })).toBeVisible();
  const html = (await response!.text())
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

  const scriptUrls = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>("script[src], link[rel=modulepreload]")].map((element) =>
      element instanceof HTMLScriptElement ? element.src : element.href,
    ),
  );
  expect(scriptUrls.some((url) => url.includes("/build/content/"))).toBe(true);
  const bundles = await Promise.all(scriptUrls.map(async (url) => (await page.request.get(url)).text()));
  const loaderData = await (await page.request.get(`/learn/modules/${module.slug}.data`)).text();

  // The page and its data carry no revealed answers: the quiz code that shows them after a
  // submission may name the field, but only a graded response fills it.
  for (const [name, body] of [
    ["page", html],
    ["loader data", loaderData],
  ] as const) {
    expect(body.includes("correctChoiceIds"), `${name} reveals correct choices`).toBe(false);
  }
  for (const [name, body] of [
    ["page", html],
    ["loader data", loaderData],
    ...bundles.map((bundle, i) => [scriptUrls[i], bundle]),
  ] as const) {
    for (const question of module.quizzes[0].questions) {
      expect(body.includes(question.explanation), `${name} contains the explanation of "${question.id}"`).toBe(false);
    }
    expect(/\bcorrect\s*:\s*(true|!0)/.test(body), `${name} marks correct choices`).toBe(false);
  }
  // The question itself is there, so the check is meaningful.
  expect(html).toContain(module.quizzes[0].questions[0].prompt);
});

test("the library filters by competency and track and searches titles and summaries", async ({ page }) => {
  await signIn(page, DEMO.agent);
  await page.goto("/learn");
  await expect(page.getByRole("progressbar", { name: "Onboarding path complete" })).toHaveAttribute("aria-valuenow", "100");
  const library = page.getByRole("region", { name: "Library" });
  await library.getByRole("searchbox", { name: "Search" }).fill("social media");
  await library.getByRole("button", { name: "Apply filters" }).click();
  await expect(library.getByRole("heading", { level: 3 })).toHaveText(["Replying in public on social media"]);

  await page.goto("/learn?competency=de-escalation");
  await expect(page.getByRole("region", { name: "Library" }).getByRole("heading", { level: 3 })).toHaveText([
    "De-escalating an angry customer",
  ]);

  await page.goto("/learn?track=onboarding");
  const cards = page.getByRole("region", { name: "Library" }).getByRole("listitem");
  await expect(cards).toHaveCount(8);
  await expect(cards.first()).toContainText("Completed");
  await page.goto("/learn?q=zzzz");
  await expect(page.getByRole("heading", { name: "No modules match" })).toBeVisible();
  await expectAccessible(page);
});

test("a reflection is saved for the agent and visible to their lead", async ({ page, browser }) => {
  const module = moduleBySlug("feedback-loop-to-product");
  const reflection = module.reflections[0];
  const answer = `Tagging billing-portal tickets the same way every time would show product how often it happens (${Date.now()}).`;
  const { lead: teamLead, team } = await createTeamWithLead();
  const agent = await createPerson({ name: "Ines Costa", level: "agent-2", teamId: team.id });
  await signIn(page, agent.email);
  await page.goto(`/learn/modules/${module.slug}`);
  await page.getByLabel(reflection.prompt).fill(answer);
  await page.getByRole("button", { name: "Save reflection" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(reflection.prompt)).toHaveValue(answer);

  const leadContext = await browser.newContext();
  const lead = await leadContext.newPage();
  await signIn(lead, teamLead.email);
  await lead.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Learn" }).click();
  await lead.getByRole("link", { name: "Your people's progress" }).click();
  await expect(lead.getByRole("table", { name: "Learning progress by person" })).toBeVisible();
  await expect(lead.getByText("Grace Kim")).toHaveCount(0);
  await expectAccessible(lead);
  await lead.getByRole("link", { name: agent.name }).click();
  await expect(lead.getByRole("heading", { level: 1, name: `${agent.name}'s learning` })).toBeVisible();
  await expect(lead.getByText(answer)).toBeVisible();
  await expectAccessible(lead);
  await leadContext.close();
});

test("a missing module is a 404 page", async ({ page }) => {
  await signIn(page, DEMO.agent);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const response = await page.goto("/learn/modules/no-such-module");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});
