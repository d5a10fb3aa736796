import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { createPerson, createTeamWithLead } from "./people.ts";
import { DEMO, expectAccessible, signIn } from "./utils.ts";

const SLUG = "damaged-item-deadline";
const TITLE = "Damaged item before a deadline";
const scripts = JSON.parse(fs.readFileSync(`tests/fixtures/scenario-scripts/${SLUG}.json`, "utf8")) as { competent: string[] };

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function playToTheEnd(page: Page) {
  await page.getByRole("button", { name: /^Start/ }).click();
  await expect(page).toHaveURL(/\/practice\/attempts\//);
  await expect(page.getByRole("textbox", { name: "Your reply" })).toBeVisible();
  for (const message of scripts.competent) {
    const reply = page.getByRole("textbox", { name: "Your reply" });
    if (!(await reply.isVisible())) break;
    const turns = await page.getByRole("region", { name: "Conversation" }).getByRole("listitem").count();
    await reply.fill(message);
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect(page.getByRole("region", { name: "Conversation" }).getByRole("listitem").first()).toBeVisible();
    await expect.poll(() => page.getByRole("region", { name: "Conversation" }).getByRole("listitem").count()).toBeGreaterThan(turns);
  }
  await expect(page.getByRole("heading", { name: "Your grade", exact: true })).toBeVisible();
  return page.url().replace(/#.*$/, "");
}

/** The <details> review tool for one criterion: the disclosure its own summary opens, not the report's fold around it. */
function tool(page: Page, summary: string) {
  return page.locator("summary", { hasText: summary }).locator("xpath=..");
}

test("a lead assigns a scenario, the agent completes it, and review, override, acknowledgement and dispute follow", async ({ browser }) => {
  const { lead: teamLead, team } = await createTeamWithLead();
  const assignee = await createPerson({ name: "Chiara Bianchi", level: "senior-agent", teamId: team.id });
  const leadContext = await browser.newContext();
  const lead = await leadContext.newPage();
  await signIn(lead, teamLead.email);
  await lead.goto("/coaching/assignments/new");
  await expectAccessible(lead);
  await lead.getByLabel(/A practice conversation/).check();
  await lead.getByLabel("What to assign").selectOption({ label: TITLE });
  await lead.getByLabel(assignee.name).check();
  await lead.getByLabel("Due date").fill(inDays(-1));
  await lead.getByRole("button", { name: "Assign" }).click();
  await expect(lead.getByText(/today or later/i).first()).toBeVisible();
  await lead.getByLabel("Due date").fill(inDays(5));
  await lead.getByLabel("Minimum score").fill("60");
  await lead.getByRole("button", { name: "Assign" }).click();
  await expect(lead).toHaveURL(/\/coaching\/assignments/);
  const board = lead.getByRole("table").first();
  await expect(board.getByRole("row", { name: new RegExp(`${assignee.name}.*${TITLE}`) }).first()).toContainText("Not started");
  await expectAccessible(lead);

  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, assignee.email);
  const assignments = agent.getByRole("region", { name: "What's due" });
  await expect(assignments).toContainText(TITLE);
  await expect(agent.getByRole("link", { name: /Notifications/ })).toContainText(/\d/);
  await assignments.getByRole("link", { name: TITLE }).first().click();
  const attemptUrl = await playToTheEnd(agent);

  await lead.reload();
  await expect(
    lead
      .getByRole("table")
      .first()
      .getByRole("row", { name: new RegExp(`${assignee.name}.*${TITLE}`) })
      .first(),
  ).toContainText("Completed");

  // The lead reviews: overrides one criterion with a reason, then marks the review done.
  await lead.goto(attemptUrl);
  await expect(lead.getByRole("heading", { name: /'s grade$/ })).toBeVisible();
  const override = tool(lead, "Override the level of Interpretation");
  // The full rubric sits folded below the top fixes until someone opens it.
  if (!(await override.isVisible())) await lead.locator("summary", { hasText: /^Every criterion/ }).click();
  await override.locator("summary").click();
  await override.getByLabel("New level").selectOption("1");
  await override.getByRole("button", { name: "Save override" }).click();
  await expect(override.getByText(/reason/i).first()).toBeVisible();
  await override
    .getByLabel("Reason")
    .fill("She named the deadline back to the customer in her second reply, which shows some understanding.");
  await override.getByRole("button", { name: "Save override" }).click();
  await expect(lead.getByText("Automatic:").first()).toBeVisible();
  await lead.getByRole("button", { name: "Mark reviewed" }).click();
  await expect(lead.getByRole("button", { name: "Mark reviewed" })).toHaveCount(0);
  await expectAccessible(lead);

  // The agent sees both levels, acknowledges, and disputes another criterion.
  await agent.goto(attemptUrl);
  await expect(agent.getByText("Automatic:").first()).toBeVisible();
  await agent.getByRole("button", { name: "Acknowledge review" }).click();
  await expect(agent.getByRole("button", { name: "Acknowledge review" })).toHaveCount(0);
  // A grade changed in review shows every criterion; the dispute starts from the criterion's own button.
  await agent.getByRole("link", { name: "Dispute this level of Clarity" }).click();
  const dispute = agent.getByRole("form", { name: "Dispute the level of Clarity" });
  await dispute.getByLabel("What did the grader miss?").fill("Every sentence in my replies was short and led with the answer, see turn 3.");
  await dispute.getByRole("button", { name: "Send dispute" }).click();
  await expect(agent.getByText(/dispute is waiting for an answer/)).toBeVisible();

  // The lead answers the dispute.
  await lead.goto(attemptUrl);
  const reject = lead.getByRole("form", { name: "Reject the dispute of Clarity" });
  await reject.getByLabel("Reason").fill("Clarity is already at the top level; nothing to change.");
  await reject.getByRole("button", { name: "Reject the dispute" }).click();
  await expect(lead.getByRole("form", { name: "Reject the dispute of Clarity" })).toHaveCount(0);

  await agent.goto("/notifications");
  await expect(agent.getByRole("main")).toContainText(/dispute/i);
  await expectAccessible(agent);
  await leadContext.close();
  await agentContext.close();
});

test("a lead runs a 1:1 with an action item that the agent completes", async ({ browser }) => {
  const { lead: teamLead, team } = await createTeamWithLead();
  const kofi = await createPerson({ name: "Kofi Mensah", level: "agent-2", teamId: team.id });
  const leadContext = await browser.newContext();
  const lead = await leadContext.newPage();
  await signIn(lead, teamLead.email);
  await lead.goto("/coaching/sessions/new");
  const person = await lead.getByLabel("Person").locator("option", { hasText: kofi.name }).getAttribute("value");
  await lead.getByLabel("Person").selectOption(person!);
  await lead.getByRole("button", { name: "Continue" }).click();
  await lead.getByLabel("Date and time").fill(`${inDays(1)}T10:00`);
  await lead.getByRole("group", { name: /Focus/ }).getByLabel("Empathy").check();
  await lead.getByLabel("Shared notes").fill("Open each reply with one specific line about the customer's situation.");
  await lead.getByLabel("Private notes").fill("Kofi is ready to mentor new hires on billing questions.");
  await lead.getByLabel("Action item 1").fill("Practise the late delivery scenario and aim for strong interpretation");
  await lead.getByLabel("Due date for item 1").fill(inDays(4));
  await lead.getByRole("button", { name: "Save the session" }).click();
  await expect(lead).toHaveURL(/\/coaching\/sessions\/(?!new)/);
  await expect(lead.getByText("Kofi is ready to mentor").first()).toBeVisible();
  await expectAccessible(lead);
  const sessionUrl = lead.url();

  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, kofi.email);
  await agent.goto(sessionUrl);
  await expect(agent.getByText("Open each reply with one specific line")).toBeVisible();
  await expect(agent.getByText("Kofi is ready to mentor")).toHaveCount(0);
  await agent.getByRole("button", { name: /^Mark as done: Practise the late delivery scenario/ }).click();
  await expect(agent.getByRole("button", { name: /^Mark as not done: Practise the late delivery scenario/ })).toBeVisible();
  await expectAccessible(agent);
  await agent.goto("/coaching/my");
  await expect(agent.getByText("Nothing open.")).toBeVisible();
  await leadContext.close();
  await agentContext.close();
});

test("team insights show accessible charts and the CSV export matches the table", async ({ page }) => {
  await signIn(page, DEMO.lead);
  await page.goto("/coaching/insights");
  await expect(page.getByRole("img").first()).toBeVisible();
  await expectAccessible(page);
  const table = page.getByRole("table", { name: /Insights per agent/ });
  const rows = await table.locator("tbody tr").count();
  const firstName = (await table.locator("tbody tr").first().locator("th, td").first().innerText()).trim();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the table as CSV" }).click();
  const file = await (await download).path();
  const lines = fs.readFileSync(file!, "utf8").trim().split(/\r?\n/);
  expect(lines.length - 1).toBe(rows);
  expect(lines[1]).toContain(firstName);
});

test("a lead extends, raises the bar on and then withdraws an assignment, and the agent sees each change", async ({ browser }) => {
  const { lead: teamLead, team } = await createTeamWithLead();
  const assignee = await createPerson({ name: "Tomás Ortega", teamId: team.id });
  const leadContext = await browser.newContext();
  const lead = await leadContext.newPage();
  await signIn(lead, teamLead.email);
  await lead.goto("/coaching/assignments/new");
  await lead.getByLabel(/A practice conversation/).check();
  await lead.getByLabel("What to assign").selectOption({ label: TITLE });
  await lead.getByLabel(assignee.name).check();
  await lead.getByLabel("Due date").fill(inDays(3));
  await lead.getByRole("button", { name: "Assign" }).click();
  await expect(lead).toHaveURL(/\/coaching\/assignments/);

  // Extend it and raise the bar, with a note.
  await lead.getByRole("link", { name: `Change or withdraw ${TITLE} for ${assignee.name}` }).click();
  await expect(lead.getByRole("heading", { name: `${assignee.name}: ${TITLE}` })).toBeVisible();
  await expectAccessible(lead);
  await lead.getByLabel("Due date").fill(inDays(10));
  await lead.getByLabel("Minimum score").fill("85");
  await lead.getByLabel(/A note for/).fill("Take another week, and aim higher.");
  await lead.getByRole("button", { name: /^Save and tell/ }).click();
  await expect(lead.getByText("Assignment changed. They've been notified.")).toBeVisible();
  // The note is sent once: the form starts empty again.
  await expect(lead.getByLabel(/A note for/)).toHaveValue("");
  await expect(lead.getByLabel("Minimum score")).toHaveValue("85");

  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, assignee.email);
  await agent.goto("/practice");
  const mine = agent.getByRole("region", { name: "Your assignments" });
  await expect(mine).toContainText(TITLE);
  await expect(mine).toContainText("Your lead's bar: score 85 or more");
  await mine.getByRole("link", { name: TITLE }).click();
  await expect(agent.getByRole("region", { name: "Your assignment" })).toContainText("Your lead's bar: score 85 or more");
  await agent.goto("/notifications");
  await expect(agent.getByRole("list", { name: "Notifications, newest first" })).toContainText("now due");
  await expect(agent.getByText(`Times in ${assignee.timeZone}.`, { exact: false })).toBeVisible();
  await expectAccessible(agent);

  // Withdraw it, after confirming.
  await lead.getByRole("link", { name: "Withdraw this assignment…" }).click();
  await expect(lead.getByRole("alertdialog", { name: `Withdraw “${TITLE}”?` })).toBeVisible();
  await expectAccessible(lead);
  await lead.getByRole("button", { name: "Yes, withdraw it" }).click();
  await expect(lead).toHaveURL(/\/coaching\/assignments\?notice=assignment-withdrawn/);
  await expect(lead.getByText("Assignment withdrawn. They've been notified.")).toBeVisible();
  await expect(lead.getByRole("link", { name: `Change or withdraw ${TITLE} for ${assignee.name}` })).toHaveCount(0);

  await agent.goto("/practice");
  await expect(agent.getByRole("region", { name: "Your assignments" })).toHaveCount(0);
  await agent.goto("/notifications");
  await expect(agent.getByRole("list", { name: "Notifications, newest first" })).toContainText(`“${TITLE}” is no longer assigned to you`);
  await leadContext.close();
  await agentContext.close();
});
