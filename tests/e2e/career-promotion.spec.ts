import { expect, test, type Page } from "@playwright/test";
import { createPerson, createTeamWithLead } from "./people.ts";
import { DEMO, expectAccessible, signIn } from "./utils.ts";

const COMPETENCIES = ["Empathy", "Resolution", "Communication", "Efficiency", "Omnichannel", "De-escalation", "Privacy and security"];

/** Rates every competency in a check-in form; `overrides` by competency name. */
async function rateAll(page: Page, rating: string, overrides: Record<string, string> = {}) {
  for (const competency of COMPETENCIES) {
    await page
      .getByRole("group", { name: competency, exact: true })
      .getByLabel(overrides[competency] ?? rating, { exact: true })
      .check();
  }
}

function checkInRow(page: Page, competency: string) {
  return page.getByRole("table", { name: /Measured competencies/ }).getByRole("row", { name: new RegExp(`^${competency}`) });
}

test("a lead checks in and nominates, an admin approves, and the agent sees their new level", async ({ browser }) => {
  const { lead: teamLead, team } = await createTeamWithLead();
  const tomasz = await createPerson({ name: "Tomasz Nowak", level: "agent-2", teamId: team.id });
  const lead = await (await browser.newContext()).newPage();
  await signIn(lead, teamLead.email);
  await lead.goto("/coaching");
  await lead.getByRole("link", { name: "See team readiness" }).click();
  await expect(lead.getByRole("heading", { name: "Team readiness", exact: true })).toBeVisible();
  await expect(lead.getByRole("table")).toContainText("readiness for the next level, most ready first");
  await expectAccessible(lead);

  await lead.getByRole("link", { name: tomasz.name, exact: true }).click();
  await expect(lead.getByRole("heading", { name: `${tomasz.name}'s career`, exact: true })).toBeVisible();
  await expect(lead.getByRole("region", { name: `Where ${tomasz.name} is` })).toContainText("Agent II");
  await expectAccessible(lead);

  // Submitting with nothing rated names every competency still to rate.
  await lead.getByRole("button", { name: "Save check-in" }).click();
  await expect(lead.getByText("Rate Empathy: working towards, meeting or exceeding")).toBeVisible();
  await rateAll(lead, "Meeting", { "De-escalation": "Exceeding" });
  await lead.getByLabel("Note (optional)").fill("Calm and clear on the escalations queue; keep working on short openings.");
  await lead.getByRole("button", { name: "Save check-in" }).click();
  await expect(lead.getByRole("status").filter({ hasText: "Check-in saved" })).toBeVisible();
  await expect(checkInRow(lead, "De-escalation")).toContainText("Exceeding");
  await expect(lead.getByRole("columnheader", { name: new RegExp(`Lead's rating ${teamLead.name}`) })).toBeVisible();

  const nominations = lead.getByRole("region", { name: "Nominations" });
  await nominations.getByLabel("Level").selectOption({ label: "Senior Agent" });
  await nominations.getByLabel("Why they are ready").fill("Too short.");
  await nominations.getByRole("button", { name: `Nominate ${tomasz.name}` }).click();
  await expect(nominations.getByText(/Write at least 30 characters/)).toBeVisible();
  await nominations
    .getByLabel("Why they are ready")
    .fill("Tomasz has taken the escalations queue on his own for two months, and his reviewed conversations are among the team's best.");
  await nominations.getByRole("button", { name: `Nominate ${tomasz.name}` }).click();
  await expect(lead.getByRole("status").filter({ hasText: "Nomination sent" })).toBeVisible();
  await expect(lead.getByRole("region", { name: "Nominations" })).toContainText("Waiting for a decision");
  await expectAccessible(lead);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, DEMO.admin);
  await admin.goto("/admin");
  await admin.getByRole("link", { name: /nominations? waiting for a decision/ }).click();
  await expect(admin.getByRole("heading", { name: "Promotions", exact: true })).toBeVisible();
  await expectAccessible(admin);
  await admin.getByRole("link", { name: tomasz.name, exact: true }).click();
  await expect(admin.getByRole("heading", { name: `${tomasz.name} for Senior Agent`, exact: true })).toBeVisible();
  await expect(admin.getByRole("region", { name: "The nomination" })).toContainText("escalations queue on his own");
  await expect(admin.getByRole("progressbar", { name: "Ready for Senior Agent" })).toBeVisible();
  await expectAccessible(admin);
  await admin.getByLabel("Reason").fill("The escalation reviews and the lead's sign-off make this clear.");
  await admin.getByRole("button", { name: "Approve promotion" }).click();
  await expect(admin.getByText("Tick the box to confirm the promotion, then approve")).toBeVisible();
  await expect(admin.getByLabel("Reason")).toHaveValue("The escalation reviews and the lead's sign-off make this clear.");
  await admin.getByRole("checkbox", { name: `Yes, promote ${tomasz.name} to Senior Agent` }).check();
  await admin.getByRole("button", { name: "Approve promotion" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Decision recorded" })).toBeVisible();
  await expect(admin.getByRole("region", { name: "Decision" })).toContainText("Approved by Priya Raman");

  const agent = await (await browser.newContext()).newPage();
  await signIn(agent, tomasz.email);
  await agent.goto("/career");
  await expect(agent.getByRole("region", { name: "Where you are" })).toContainText("Senior Agent");
  await expect(agent.getByRole("region", { name: "Level history" })).toContainText("Agent II → Senior Agent");
  await expect(agent.getByRole("link", { name: /Notifications, \d+ unread/ })).toBeVisible();
  await agent.goto("/notifications");
  await expect(agent.getByRole("link", { name: "Congratulations — you are now Senior Agent" })).toBeVisible();
});

test("an agent rates themself and sees it beside the measured evidence", async ({ page }) => {
  await signIn(page, (await createPerson({ name: "Anil Kapoor", level: "agent-1", hiredDaysAgo: 130 })).email);
  await page.goto("/career");
  await expect(page.getByRole("heading", { name: "Check-in", exact: true })).toBeVisible();
  await expectAccessible(page);

  // The radios in a group are one tab stop; arrow keys move the choice.
  const empathy = page.getByRole("group", { name: "Empathy", exact: true });
  await empathy.getByLabel("Working towards", { exact: true }).check();
  await page.keyboard.press("ArrowRight");
  await expect(empathy.getByLabel("Meeting", { exact: true })).toBeChecked();

  await rateAll(page, "Working towards", { Empathy: "Meeting", Resolution: "Exceeding" });
  await page.getByLabel("Note (optional)").fill("Refund chats feel easier now; phone calls still make me nervous.");
  await page.getByRole("button", { name: "Save check-in" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check-in saved" })).toBeVisible();
  await expect(checkInRow(page, "Resolution")).toContainText("Exceeding");
  await expect(checkInRow(page, "Empathy")).toContainText("Meeting");
  await expect(page.getByText("phone calls still make me nervous")).toBeVisible();
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a check-in posts as a plain form: a missing rating comes back with its message, a full one is saved", async ({ page }) => {
    await signIn(page, (await createPerson({ name: "Lucia Romano", level: "agent-1", hiredDaysAgo: 45 })).email);
    await page.goto("/career");
    await rateAll(page, "Meeting");
    await page
      .getByRole("group", { name: "Efficiency", exact: true })
      .getByLabel("Meeting", { exact: true })
      .evaluate((radio: HTMLInputElement) => (radio.checked = false));
    await page.getByRole("button", { name: "Save check-in" }).click();
    await expect(page.getByText("Rate Efficiency: working towards, meeting or exceeding")).toBeVisible();
    // The ratings already chosen survive the round trip.
    await expect(page.getByRole("group", { name: "Empathy", exact: true }).getByLabel("Meeting", { exact: true })).toBeChecked();

    await page.getByRole("group", { name: "Efficiency", exact: true }).getByLabel("Working towards", { exact: true }).check();
    await page.getByRole("button", { name: "Save check-in" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Check-in saved" })).toBeVisible();
    await expect(checkInRow(page, "Efficiency")).toContainText("Working towards");
  });
});
