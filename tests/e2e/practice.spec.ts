import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { createPerson } from "./people.ts";
import { DEMO, expectAccessible, signIn } from "./utils.ts";

const SLUG = "damaged-item-deadline";
const scripts = JSON.parse(fs.readFileSync(`tests/fixtures/scenario-scripts/${SLUG}.json`, "utf8")) as { competent: string[] };

/** An agent past onboarding with no practice yet, signed in on `page`. */
async function signInAsNewAgent(page: Page, name: string) {
  await signIn(page, (await createPerson({ name, level: "agent-2" })).email);
}

/** Sends the competent script's replies until the customer is satisfied, then returns the attempt URL. */
async function playCompetently(page: Page) {
  await page.goto(`/practice/scenarios/${SLUG}`);
  await expect(page.getByRole("heading", { name: "The brief" })).toBeVisible();
  await page.getByRole("button", { name: /^Start/ }).click();
  await expect(page.getByRole("region", { name: "Conversation" })).toContainText("Dana Whitfield");
  for (const message of scripts.competent) {
    const reply = page.getByRole("textbox", { name: "Your reply" });
    if (!(await reply.isVisible())) break;
    const turns = await page.getByRole("region", { name: "Conversation" }).getByRole("listitem").count();
    await reply.fill(message);
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect(page.getByRole("region", { name: "Conversation" }).getByRole("listitem")).toHaveCount(turns + 2);
  }
  await expect(page.getByRole("heading", { name: "Your grade", exact: true })).toBeVisible();
  return page.url().replace(/#.*$/, "");
}

async function expectPassingReport(page: Page) {
  const report = page.getByRole("region", { name: "Your grade" });
  await expect(report.getByText("Passed", { exact: true }).first()).toBeVisible();
  await expect(report.getByText("Not passed")).toHaveCount(0);
  await expect(report.getByText("Resolved — the customer is satisfied")).toBeVisible();
  await expect(report.getByRole("heading", { name: "Fix these first" })).toBeVisible();
  // The full rubric is folded below the fixes.
  await expect(report.getByRole("rowheader", { name: "Emotional reaction" })).toBeHidden();
  await report.getByText("Every criterion").click();
  await expect(report.getByRole("rowheader", { name: "Emotional reaction" })).toBeVisible();
  // Evidence is highlighted in the transcript and quoted in the report with a link to its turn.
  await expect(page.getByRole("region", { name: "Conversation" }).locator("mark").first()).toBeVisible();
  await expect(report.getByRole("link", { name: /^“/ }).first()).toHaveAttribute("href", /#turn-\d+$/);
}

/** From a finished conversation: rewrite the first message rudely, replay, and read what would have changed. */
async function tryWhatIf(page: Page) {
  await page.getByRole("link", { name: "What if you had said something else?" }).click();
  await expect(page.getByRole("heading", { name: "What if…" })).toBeVisible();
  const rewrite = page.getByRole("textbox", { name: "Message 1, rewritten" });
  await expect(rewrite).not.toHaveValue("");
  await rewrite.fill("Calm down, it's just a toy. Whatever.");
  await page.getByRole("button", { name: "Replay from here" }).click();
  await expect(page.getByRole("heading", { name: "What would have changed" })).toBeVisible();
  const summary = page.getByRole("table", { name: "The conversation as it went and with your rewrite" });
  await expect(summary.getByRole("row", { name: /^Result/ })).toContainText("Passed");
  await expect(summary.getByRole("row", { name: /^Result/ })).toContainText("Not passed");
  const criteria = page.getByRole("table", { name: "Each criterion, as it went and with your rewrite" });
  await expect(criteria.getByRole("row", { name: /No rudeness/ })).toContainText("worse");
  await expect(page.getByRole("region", { name: "What if, from your rewrite" })).toContainText("Calm down, it's just a toy.");
  // Nothing is stored: the conversation page still shows the original grade and transcript.
  await page.getByRole("link", { name: "Damaged item before a deadline" }).click();
  await expectPassingReport(page);
  await expect(page.getByRole("region", { name: "Conversation" })).not.toContainText("Calm down, it's just a toy.");
}

test("an agent practises a chat scenario and reads the grade with its evidence", async ({ page }) => {
  await signInAsNewAgent(page, "Lena Vogel");
  await page.goto("/practice?channel=chat");
  // Scenario cards are headed by their titles; the filter keeps only chat ones.
  await expect(page.getByRole("heading", { name: "Damaged item before a deadline" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Parcel two days late" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("heading", { name: "Damaged item before a deadline" }).getByRole("link").click();
  await expectAccessible(page);
  const attemptUrl = await playCompetently(page);
  await expectPassingReport(page);
  await expect(page.getByText(/First \d+ → best \d+ → latest \d+/)).toBeVisible();
  await expectAccessible(page);

  // The conversation is over: another reply is refused with a friendly page, not stored.
  const response = await page.request.post(attemptUrl, {
    form: { intent: "reply", expectedIndex: "99", text: "One more thing" },
    headers: { Origin: new URL(attemptUrl).origin },
  });
  expect(response.status()).toBe(409);
  expect(await response.text()).toContain("This conversation has already ended");
});

test("an agent replays a finished conversation with one message rewritten", async ({ page }) => {
  await signInAsNewAgent(page, "Tariq Nasser");
  await playCompetently(page);
  await tryWhatIf(page);
  await page.getByRole("link", { name: "What if you had said something else?" }).click();
  await expectAccessible(page);
});

test("Enter sends a reply, Shift+Enter starts a new line, and an unfinished conversation resumes from Practice", async ({ page }) => {
  await signInAsNewAgent(page, "Ines Moreau");
  await page.goto(`/practice/scenarios/${SLUG}`);
  await page.getByRole("button", { name: /^Start/ }).click();
  await expect(page).toHaveURL(/\/practice\/attempts\//);
  const attemptUrl = page.url();
  const conversation = page.getByRole("region", { name: "Conversation" });
  await expect(conversation.getByRole("listitem")).toHaveCount(1);
  // The brief stays beside the conversation once it has started.
  await expect(page.getByRole("complementary", { name: "The brief" })).toContainText("Dana");

  const reply = page.getByRole("textbox", { name: "Your reply" });
  await expect(page.getByText("Enter sends; Shift+Enter starts a new line.")).toBeVisible();
  await reply.fill("I'm so sorry your daughter's present arrived broken.");
  await reply.press("Shift+Enter");
  await reply.pressSequentially("Could you send me your order number?");
  await expect(reply).toHaveValue("I'm so sorry your daughter's present arrived broken.\nCould you send me your order number?");
  await expect(conversation.getByRole("listitem")).toHaveCount(1);
  await reply.press("Enter");
  await expect(conversation.getByRole("listitem")).toHaveCount(3);
  await expect(conversation.getByRole("listitem").nth(1)).toContainText("Could you send me your order number?");
  await expect(page.getByRole("status").filter({ hasText: "Customer mood" })).toContainText(/Patience: \d+ of \d+ left/);

  await page.goto("/practice");
  await page.getByRole("link", { name: "Continue conversation in Damaged item before a deadline" }).click();
  await expect(page).toHaveURL(attemptUrl);
  await expect(page.getByRole("region", { name: "Conversation" }).getByRole("listitem")).toHaveCount(3);
  await expect(page.getByRole("textbox", { name: "Your reply" })).toBeVisible();
  await expectAccessible(page);
});

test("the report leads with the fixes that matter most, and a criterion is disputed from its own button", async ({ page }) => {
  await signInAsNewAgent(page, "Tariq Haddad");
  await page.goto(`/practice/scenarios/${SLUG}`);
  await page.getByRole("button", { name: /^Start/ }).click();
  await page.getByRole("textbox", { name: "Your reply" }).fill("What's the problem?");
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByRole("region", { name: "Conversation" }).getByRole("listitem")).toHaveCount(3);
  await page.getByRole("button", { name: "End the conversation" }).click();

  const report = page.getByRole("region", { name: "Your grade" });
  await expect(report.getByRole("heading", { name: "Fix these first" })).toBeVisible();
  const fixes = report.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 4 }) });
  expect(await fixes.count()).toBeGreaterThanOrEqual(2);
  expect(await fixes.count()).toBeLessThanOrEqual(3);
  const first = fixes.first();
  await expect(first.getByText("Next time:")).toBeVisible();
  await expect(first.getByRole("link", { name: /^“/ })).toHaveAttribute("href", /#turn-\d+$/);
  await expect(report.getByText("A better reply").first()).toBeVisible();
  await expect(page.getByText("Highlights in the conversation:")).toBeVisible();
  // No dispute form until one is asked for, and then only the one.
  await expect(page.getByRole("textbox", { name: "What did the grader miss?" })).toHaveCount(0);
  // The fix's heading starts with the criterion's title, then its level.
  const criterion = await first.getByRole("heading").evaluate((heading) => heading.firstChild?.textContent?.trim() ?? "");
  expect(criterion).not.toBe("");
  await first.getByRole("link", { name: `Dispute this level of ${criterion}` }).click();
  const dispute = page.getByRole("form", { name: `Dispute the level of ${criterion}` });
  await expect(dispute).toBeVisible();
  await expect(page.getByRole("textbox", { name: "What did the grader miss?" })).toHaveCount(1);
  await expectAccessible(page);
  await dispute.getByLabel("What did the grader miss?").fill("My question asked what went wrong, which is how I pinned the problem down.");
  await dispute.getByRole("button", { name: "Send dispute" }).click();
  await expect(page.getByText("Your dispute is waiting for an answer.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "What did the grader miss?" })).toHaveCount(0);
  await expect(page.getByText("You disputed this level")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the whole conversation, the report and a what-if replay work with plain forms", async ({ page }) => {
    await signInAsNewAgent(page, "Owen Price");
    await playCompetently(page);
    await expectPassingReport(page);
    await tryWhatIf(page);
  });

  test("an empty reply is refused with a message and nothing is stored", async ({ page }) => {
    await signInAsNewAgent(page, "Megan Doyle");
    await page.goto(`/practice/scenarios/${SLUG}`);
    await page.getByRole("button", { name: /^Start/ }).click();
    const url = page.url();
    const response = await page.request.post(url, {
      form: { intent: "reply", expectedIndex: "1", text: "   " },
      headers: { Origin: new URL(url).origin },
    });
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain("Write a reply before sending.");
    await page.reload();
    await expect(page.getByRole("region", { name: "Conversation" }).getByRole("listitem")).toHaveCount(1);
  });
});

test("a lead opens a graded conversation from their team, and another team's is hidden", async ({ page }) => {
  await signIn(page, DEMO.lead);
  await page.goto("/practice");
  await page.getByRole("link", { name: "Your team's practice" }).click();
  const table = page.getByRole("table", { name: "Graded practice conversations" });
  await expect(table).toBeVisible();
  await expect(table.getByText("Grace Kim")).toHaveCount(0);
  await expectAccessible(page);
  await table.getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: /'s grade$/ })).toBeVisible();
  await expect(page.getByText(/practised by/)).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Your reply" })).toHaveCount(0);
  await expectAccessible(page);
});
