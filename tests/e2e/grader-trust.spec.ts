// Runs after every other journey (its own Playwright project): the trust rule is organisation-wide,
// so flagging a criterion here must not change what other journeys see while they run.
import { expect, test } from "@playwright/test";
import { E2E_DATABASE } from "../../playwright.config.ts";
import { createPerson, createTeamWithLead, recordPractice, type Person } from "./people.ts";
import { DEMO, expectAccessible, signIn } from "./utils.ts";

const SLUG = "damaged-item-deadline";

/** A closed calibration session over the agents' conversations, scored by the organiser and one more lead. */
async function closedSession(organiser: Person, raters: Person[], title: string): Promise<string> {
  process.env.DATABASE_URL = `file:./${E2E_DATABASE}`;
  const { prisma } = await import("~/utils/db.server.ts");
  const attempts = await prisma.practiceAttempt.findMany({
    where: { user: { team: { leadId: organiser.id } }, grade: { isNot: null } },
    select: { id: true },
  });
  const session = await prisma.calibrationSession.create({
    data: {
      title,
      rubricId: "empathy",
      dueAt: new Date(Date.now() - 86_400_000),
      closedAt: new Date(),
      organiserId: organiser.id,
      items: { create: attempts.map((attempt, position) => ({ attemptId: attempt.id, position })) },
      raters: { create: raters.map((rater) => ({ userId: rater.id, submittedAt: new Date() })) },
    },
    select: { id: true },
  });
  return session.id;
}

test("agreed levels that contradict the grader make a criterion need human review, and its conversations wait for a person", async ({
  browser,
}) => {
  const { lead: organiser, team } = await createTeamWithLead("Vera Holm");
  const other = await createPerson({ name: "Tariq Nasser", role: "lead" });
  const agent = await createPerson({ name: "Elif Kaya", teamId: team.id });
  recordPractice(agent, SLUG, "competent");
  const sessionId = await closedSession(organiser, [organiser, other], "Trust check");

  // The organiser records agreed levels a step away from the grader's on emotional reaction.
  const leadPage = await (await browser.newContext()).newPage();
  await signIn(leadPage, organiser.email);
  await leadPage.goto(`/calibration/${sessionId}/results`);
  const conversation = leadPage
    .locator("section.card")
    .filter({ has: leadPage.getByRole("heading", { level: 3 }) })
    .first();
  const automatic = await conversation
    .getByRole("row", { name: /Emotional reaction/ })
    .getByRole("cell")
    .first()
    .innerText();
  const graderLevel = Number(automatic.trim().charAt(0));
  await conversation.getByText("Record the agreed levels").click();
  const criterion = (name: string) => conversation.getByRole("group", { name, exact: true });
  await criterion("Emotional reaction")
    .getByRole("radio", { name: new RegExp(`^${graderLevel === 0 ? 2 : 0} ·`) })
    .check();
  await criterion("Interpretation").getByRole("radio").first().check();
  await criterion("Exploration").getByRole("radio").first().check();
  await conversation.getByRole("button", { name: "Save the agreed levels" }).click();
  await expect(leadPage.getByText(/Agreed levels saved/)).toBeVisible();

  // An admin sets a strict rule: every criterion people disagreed with needs review.
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, DEMO.admin);
  await adminPage.goto("/admin/grader");
  await expectAccessible(adminPage);
  await adminPage.getByLabel("Lowest kappa to trust").fill("1");
  await adminPage.getByLabel("Judged conversations needed").fill("1");
  await adminPage.getByRole("button", { name: "Save the rule" }).click();
  await expect(adminPage.getByText(/Trust rule saved/)).toBeVisible();
  await expect(adminPage.getByRole("row", { name: /Emotional reaction/ })).toContainText("Needs human review");

  try {
    // The lead finds the conversation among provisional grades, and the report says the level is provisional.
    await leadPage.goto("/coaching/reviews?show=provisional");
    await expect(leadPage.getByRole("row", { name: new RegExp(agent.name) })).toContainText("Provisional grade");
    await leadPage
      .getByRole("row", { name: new RegExp(agent.name) })
      .getByRole("link")
      .first()
      .click();
    await expect(leadPage.getByText(/Provisional/).first()).toBeVisible();
  } finally {
    await adminPage.getByLabel("Lowest kappa to trust").fill("0.4");
    await adminPage.getByLabel("Judged conversations needed").fill("20");
    await adminPage.getByRole("button", { name: "Save the rule" }).click();
    await expect(adminPage.getByText(/Trust rule saved/)).toBeVisible();
  }
});
