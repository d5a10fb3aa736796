import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { createPerson, createTeamWithLead } from "./people.ts";
import { DEMO, expectAccessible, signIn, unique } from "./utils.ts";

/** A Zendesk export of two tickets answered by `agentEmail` and one by someone Frontline doesn't know. */
function zendeskExport(agentEmail: string): string {
  const base = Math.floor(Math.random() * 1e9);
  const comment = (author: number, minutes: number, body: string) => ({
    author_id: author,
    public: true,
    created_at: new Date(Date.now() - 2 * 86_400_000 + minutes * 60_000).toISOString(),
    body,
  });
  return JSON.stringify({
    tickets: [
      {
        id: base + 1,
        subject: "Parcel marked delivered but not here",
        via: { channel: "chat" },
        requester_id: 1,
        assignee_id: 2,
        comments: [
          comment(1, 0, "Tracking says delivered but nothing came. Call me on +44 7700 900123."),
          comment(2, 1, "Sorry about that, Dana. Can you check with your neighbours first?"),
          comment(1, 3, "They have nothing."),
          comment(2, 4, "I've sent a replacement by next-day delivery, arriving by Wednesday. Does that work for you?"),
        ],
      },
      {
        id: base + 2,
        subject: "Discount code rejected",
        via: { channel: "chat" },
        requester_id: 1,
        assignee_id: 2,
        comments: [comment(1, 10, "My code SAVE10 says expired."), comment(2, 12, "That's not my problem, read the terms.")],
      },
      {
        id: base + 3,
        subject: "Someone else's ticket",
        via: { channel: "chat" },
        requester_id: 1,
        assignee_id: 3,
        comments: [comment(1, 20, "Hello?"), comment(3, 21, "Hi there.")],
      },
    ],
    users: [
      { id: 1, name: "Dana Whitfield", email: "dana@example.com", role: "end-user" },
      { id: 2, name: "Agent", email: agentEmail, role: "agent" },
      { id: 3, name: "Stranger", email: `stranger.${base}@elsewhere.example`, role: "agent" },
    ],
  });
}

async function upload(page: Page, name: string, content: string) {
  await page.getByLabel("Conversations file").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(content) });
  await page.getByRole("button", { name: "Import and grade" }).click();
}

test("a lead imports a Zendesk export, reviews a real conversation and overrides a criterion; the agent sees it", async ({ browser }) => {
  const { lead: teamLead, team } = await createTeamWithLead("Rosa Imports");
  const agentPerson = await createPerson({ name: "Theo Ticket", teamId: team.id });
  const leadPage = await (await browser.newContext()).newPage();
  await signIn(leadPage, teamLead.email);
  await leadPage.goto("/coaching/reviews");
  await leadPage.getByRole("link", { name: "Import conversations" }).click();
  await expect(leadPage.getByRole("heading", { name: "Import real conversations" })).toBeVisible();
  await expectAccessible(leadPage);

  // A file of the wrong kind is refused on the field, and nothing is lost.
  await upload(leadPage, "tickets.txt", "hello");
  await expect(leadPage.getByText("Choose a .json, .ndjson, .jsonl, .csv file.")).toBeVisible();

  const file = zendeskExport(agentPerson.email);
  await upload(leadPage, "zendesk.json", file);
  const report = leadPage.getByRole("region", { name: "Import report" });
  await expect(report).toContainText("Zendesk: 3 conversations read. 2 added, 0 updated, 0 unchanged.");
  await expect(report.getByRole("heading", { name: "Agents not found" })).toBeVisible();
  await expect(report).toContainText("@elsewhere.example: 1 conversation");
  await expectAccessible(leadPage);

  // The same file again changes nothing.
  await upload(leadPage, "zendesk.json", file);
  await expect(report).toContainText("0 added, 0 updated, 2 unchanged.");

  await report.getByRole("link", { name: "Review them" }).click();
  await expect(leadPage).toHaveURL(/source=real/);
  const row = leadPage.getByRole("row", { name: /Discount code rejected/ });
  await expect(row).toContainText("Real · Zendesk");
  await row.getByRole("link").first().click();

  await expect(leadPage.getByRole("heading", { name: "Discount code rejected" })).toBeVisible();
  await expect(leadPage.getByRole("complementary", { name: "Real conversation" })).toContainText(/Zendesk #\d+/);
  await expect(leadPage.getByRole("region", { name: "Conversation" })).toContainText("not my problem");
  await expect(leadPage.getByRole("link", { name: /what if/i })).toHaveCount(0);
  const tool = leadPage.locator("summary", { hasText: "Override the level of Positive language" }).locator("xpath=..");
  if (!(await tool.isVisible())) await leadPage.locator("summary", { hasText: /^Every criterion/ }).click();
  await tool.locator("summary").click();
  await tool.getByLabel("New level").selectOption("0");
  await tool.getByLabel("Reason").fill("Telling a customer to read the terms is never positive, even when the code has expired.");
  await tool.getByRole("button", { name: "Save override" }).click();
  await expect(leadPage.getByText("Automatic:").first()).toBeVisible();
  await expectAccessible(leadPage);
  const conversationUrl = leadPage.url().replace(/#.*$/, "");

  // Team insights say what each competency rests on: here, the agent's two real conversations.
  await leadPage.goto("/coaching/insights");
  const evidence = leadPage.getByRole("table", { name: "Graded conversations behind each competency, by source" });
  await expect(evidence.getByRole("row", { name: /^Empathy/ })).toContainText("None yet");
  await expect(evidence.getByRole("row", { name: /^Empathy/ })).toContainText("over 2 conversations");
  await expectAccessible(leadPage);

  // The rude reply failed a critical rule, so the suggested sample lists it and says why.
  await leadPage.goto("/coaching/reviews?show=sample&source=real");
  await expect(leadPage.getByRole("row", { name: /Discount code rejected/ })).toContainText("Critical failure");
  await expectAccessible(leadPage);

  const agentPage = await (await browser.newContext()).newPage();
  await signIn(agentPage, agentPerson.email);
  await agentPage.goto(conversationUrl);
  await expect(agentPage.getByRole("heading", { name: "Discount code rejected" })).toBeVisible();
  await expect(agentPage.getByText("Automatic:").first()).toBeVisible();
  await expect(agentPage.getByRole("textbox", { name: "Your reply" })).toHaveCount(0);

  // Under Career the real conversations count, and say where the evidence came from.
  await agentPage.goto("/career");
  const senior = agentPage.getByRole("region", { name: /Next on the individual contributor track/ });
  await expect(senior.getByText(/0 practice conversations and 2 real conversations; 1 reviewed by a person/).first()).toBeVisible();
  await expect(senior.getByRole("link", { name: /^Real conversation — / }).first()).toBeVisible();
  await expectAccessible(agentPage);
});

test("an admin adds a red line, and practice warns before a reply that crosses it is sent", async ({ browser }) => {
  const phrase = `read the manual ${unique()}`;
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, DEMO.admin);
  await adminPage.goto("/admin/grader");
  const card = adminPage
    .getByRole("region", { name: "Red-line phrases" })
    .or(adminPage.locator("section", { hasText: "Red-line phrases" }))
    .first();
  await adminPage.getByRole("button", { name: "Add phrase" }).click();
  await expect(adminPage.getByText("Write the phrase (at least 2 characters).")).toBeVisible();
  await adminPage.getByLabel("Phrase", { exact: true }).fill(phrase);
  await adminPage.getByLabel("What it breaks").selectOption({ label: "Blames the customer" });
  await adminPage.getByLabel("Why it is never sent").fill("It blames the customer. Offer to walk them through the step instead.");
  await adminPage.getByRole("button", { name: "Add phrase" }).click();
  await expect(adminPage.getByText("Red line added. New replies are graded against it.")).toBeVisible();
  await expect(card).toContainText(phrase);
  await expectAccessible(adminPage);

  const agent = await createPerson({ name: "Wren Warning" });
  const agentPage = await (await browser.newContext()).newPage();
  await signIn(agentPage, agent.email);
  await agentPage.goto("/practice/scenarios/damaged-item-deadline");
  await agentPage.getByRole("button", { name: /^Start/ }).click();
  const reply = agentPage.getByRole("textbox", { name: "Your reply" });
  await reply.fill(`I'm sorry it arrived broken, but you should ${phrase} before assembling it.`);
  await agentPage.getByRole("button", { name: "Send reply" }).click();
  const warning = agentPage.getByRole("alert").filter({ hasText: "This reply crosses a red line" });
  await expect(warning).toContainText("It blames the customer.");
  await expectAccessible(agentPage);
  await warning.getByRole("button", { name: "Edit reply" }).click();
  await expect(reply).toBeFocused();
  await agentPage.getByRole("button", { name: "Send reply" }).click();
  await agentPage
    .getByRole("alert")
    .filter({ hasText: "This reply crosses a red line" })
    .getByRole("button", { name: "Send anyway" })
    .click();
  await expect(agentPage.getByRole("region", { name: "Conversation" })).toContainText(phrase);

  // Removing it asks first.
  await adminPage.getByRole("link", { name: `Remove “${phrase}”` }).click();
  await adminPage.getByRole("button", { name: "Remove it" }).click();
  await expect(adminPage.getByText("Red line removed.")).toBeVisible();
});

test("a lead drafts a practice scenario from an imported conversation, and an agent practises it", async ({ browser }) => {
  const { lead: teamLead, team } = await createTeamWithLead("Rosa Drafts");
  const agentPerson = await createPerson({ name: "Ida Import", teamId: team.id });
  const leadPage = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await signIn(leadPage, teamLead.email);
  await leadPage.goto("/coaching/conversations/import");
  await upload(leadPage, "zendesk.json", zendeskExport(agentPerson.email));
  await leadPage.getByRole("region", { name: "Import report" }).getByRole("link", { name: "Review them" }).click();
  await leadPage
    .getByRole("row", { name: /Parcel marked delivered/ })
    .getByRole("link")
    .first()
    .click();
  await leadPage.getByRole("link", { name: "Draft a scenario from this conversation" }).click();

  // The draft starts from the masked transcript: the opening, the agent's question as a fact, the fix as an offer.
  await expect(leadPage.getByRole("heading", { name: "Draft a practice scenario" })).toBeVisible();
  await expect(leadPage.getByLabel("Title")).toHaveValue("Parcel marked delivered but not here");
  await expect(leadPage.getByLabel("Opening message")).toHaveValue(/Tracking says delivered but nothing came\. Call me on \[phone\]\./);
  await expect(leadPage.getByLabel("Opening message")).not.toHaveValue(/7700/);
  await expect(leadPage.getByLabel("The customer's answer").first()).toHaveValue("They have nothing.");
  await expect(leadPage.getByLabel("What the offer is").first()).toHaveValue(/sent a replacement by next-day delivery/);
  await expect(leadPage.getByLabel("Customer's name")).not.toHaveValue("Dana Whitfield");
  await expectAccessible(leadPage);

  // A field left invalid is refused with its reason, and everything typed stays.
  const slug = `parcel-not-here-${Date.now().toString(36)}`;
  await leadPage.getByLabel("Name in links and files").fill(slug);
  await leadPage.getByLabel("Title").fill("P");
  await leadPage.getByRole("button", { name: "Save for practice" }).click();
  await expect(leadPage.getByText("Write at least 3 characters.")).toBeVisible();
  await expect(leadPage.getByLabel("Name in links and files")).toHaveValue(slug);

  await leadPage.getByLabel("Title").fill("Parcel delivered but missing");
  await leadPage
    .getByLabel("Brief for the agent")
    .fill(
      "The tracking says the parcel was delivered but the customer has nothing. Policy: once they have checked with neighbours, send a free replacement by next-day delivery and open a courier claim. Don't refund and replace both.",
    );
  const download = leadPage.waitForEvent("download");
  await leadPage.getByRole("button", { name: "Download YAML" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${slug}.yml`);
  const yaml = fs.readFileSync((await file.path())!, "utf8");
  expect(yaml).toContain("title: Parcel delivered but missing");
  expect(yaml).not.toContain("7700");

  await leadPage.getByRole("button", { name: "Save for practice" }).click();
  await expect(leadPage).toHaveURL(new RegExp(`/practice/scenarios/${slug}`));
  await expect(leadPage.getByText("Scenario saved as version 1. Your team can practise it now.")).toBeVisible();
  await expect(leadPage.getByText("Your organisation's scenario")).toBeVisible();

  // Edited from its own page, it becomes version 2.
  await leadPage.getByRole("link", { name: "Edit this scenario" }).click();
  await expect(leadPage.getByRole("heading", { name: "Edit “Parcel delivered but missing”" })).toBeVisible();
  await leadPage.getByLabel("Summary").fill("Tracking says delivered, the customer has nothing: check, then replace.");
  await leadPage.getByRole("button", { name: "Save for practice" }).click();
  await expect(leadPage.getByText("Scenario saved as version 2. Your team can practise it now.")).toBeVisible();
  await expectAccessible(leadPage);

  const agentPage = await (await browser.newContext()).newPage();
  await signIn(agentPage, agentPerson.email);
  await agentPage.goto(`/practice/scenarios/${slug}`);
  await expect(agentPage.getByRole("heading", { name: "Parcel delivered but missing" })).toBeVisible();
  await agentPage.getByRole("button", { name: /^Start/ }).click();
  const conversation = agentPage.getByRole("region", { name: "Conversation" });
  await expect(conversation).toContainText("Tracking says delivered but nothing came.");
  await agentPage
    .getByRole("textbox", { name: "Your reply" })
    .fill("I'm so sorry it hasn't arrived. Can you check with your neighbours first?");
  await agentPage.getByRole("button", { name: "Send reply" }).click();
  await expect(conversation.getByRole("listitem")).toHaveCount(3);
  await expect(conversation.getByRole("listitem").last()).toContainText("They have nothing.");
  await agentPage.getByRole("button", { name: "End the conversation" }).click();
  await expect(agentPage.getByRole("region", { name: "Your grade" })).toBeVisible();
  await expectAccessible(agentPage);
});
