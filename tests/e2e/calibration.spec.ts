import { expect, test, type Page } from "@playwright/test";
import { createPerson, createTeamWithLead, recordPractice } from "./people.ts";
import { expectAccessible, signIn } from "./utils.ts";

const SLUG = "damaged-item-deadline";

/** Scores the open conversation: one level per criterion, in the rubric's order. */
async function score(page: Page, levels: string[]) {
  const groups = page.getByRole("group").filter({ has: page.getByRole("radio") });
  for (const [index, level] of levels.entries())
    await groups
      .nth(index)
      .getByRole("radio", { name: new RegExp(`^${level} ·`) })
      .check();
  await page.getByRole("button", { name: /^Save/ }).click();
  await expect(page.getByText("Scores saved.")).toBeVisible();
}

test("a lead runs a calibration session: two raters score blind, then the results show disagreements first with kappa", async ({
  browser,
}) => {
  const { lead: organiser, team } = await createTeamWithLead("Rosa Calder");
  const secondLead = await createPerson({ name: "Ivo Brandt", role: "lead" });
  const agents = [
    await createPerson({ name: "Lena Fischer", teamId: team.id }),
    await createPerson({ name: "Omar Idris", teamId: team.id }),
  ];
  recordPractice(agents[0], SLUG, "competent");
  recordPractice(agents[1], SLUG, "poor", 2);

  const organiserPage = await (await browser.newContext()).newPage();
  await signIn(organiserPage, organiser.email);
  await organiserPage.goto("/calibration");
  await expect(organiserPage.getByRole("heading", { name: "No calibration sessions yet" })).toBeVisible();
  await organiserPage.getByRole("link", { name: "Start the first session" }).click();
  await expectAccessible(organiserPage);
  await organiserPage.getByLabel("Title").fill("Empathy check, this week");
  await organiserPage.getByLabel("Choose the conversations").check();
  const chosen = organiserPage.getByRole("group", { name: "Chosen conversations" });
  if (!(await chosen.isVisible())) await organiserPage.getByText(/^Pick from the latest/).click();
  for (const agent of agents) await chosen.getByLabel(new RegExp(agent.name)).check();
  await organiserPage.getByRole("button", { name: "Create the session and invite" }).click();
  await expect(organiserPage.getByText("Invite at least 2 people")).toBeVisible();
  const raters = organiserPage.getByRole("group", { name: "Who scores" });
  await raters.getByLabel(organiser.name).check();
  await raters.getByLabel(secondLead.name).check();
  await organiserPage.getByRole("button", { name: "Create the session and invite" }).click();
  await expect(organiserPage.getByRole("heading", { name: "Empathy check, this week" })).toBeVisible();
  await expect(organiserPage.getByText("0 of 2 scored")).toBeVisible();

  // The organiser scores both blind: nothing on the page gives the automatic grade away.
  await organiserPage.getByRole("link", { name: "Start scoring" }).click();
  await expect(organiserPage.getByRole("heading", { name: "Conversation 1 of 2" })).toBeVisible();
  await expect(organiserPage.getByText("Your grade")).toHaveCount(0);
  await expect(organiserPage.locator("mark")).toHaveCount(0);
  await expectAccessible(organiserPage);
  await score(organiserPage, ["2", "2", "2"]);
  await score(organiserPage, ["0", "0", "0"]);
  await expect(organiserPage.getByText("2 of 2 scored")).toBeVisible();
  await organiserPage.getByRole("button", { name: "Submit my scores" }).click();
  await expect(organiserPage.getByText(/Your scores are submitted/)).toBeVisible();

  // The second rater is invited by notification and scores the other way round on the first conversation.
  const raterPage = await (await browser.newContext()).newPage();
  await signIn(raterPage, secondLead.email);
  await raterPage.goto("/notifications");
  await raterPage.getByRole("link", { name: /invited to calibrate “Empathy check, this week”/ }).click();
  await expect(raterPage.getByText("0 of 2 scored")).toBeVisible();
  await raterPage.getByRole("link", { name: "Start scoring" }).click();
  await score(raterPage, ["0", "1", "0"]);
  await score(raterPage, ["0", "0", "0"]);
  await expect(raterPage.getByText("2 of 2 scored")).toBeVisible();

  // Results stay closed until the organiser closes the session, after confirming.
  await organiserPage.reload();
  await organiserPage.getByRole("link", { name: /Close the session/ }).click();
  await organiserPage.getByRole("button", { name: "Yes, close it" }).click();
  await expect(organiserPage.getByRole("heading", { name: "Results: Empathy check, this week" })).toBeVisible();
  await expectAccessible(organiserPage);
  const agreement = organiserPage.getByRole("table", { name: "Agreement per criterion" });
  await expect(agreement.getByRole("row", { name: /Emotional reaction/ })).toContainText(/kappa|\d\.\d\d/);
  await expect(agreement).toContainText(secondLead.name);
  // The first conversation listed is the one people disagreed on.
  const first = organiserPage
    .locator("section.card")
    .filter({ has: organiserPage.getByRole("heading", { level: 3 }) })
    .first();
  await expect(first).toContainText(/criteri(on|a) with disagreement/);
  await expect(first.getByText("Disagreement").first()).toBeVisible();

  await raterPage.goto("/notifications");
  await expect(raterPage.getByRole("link", { name: /Calibration results are ready/ })).toBeVisible();
});
