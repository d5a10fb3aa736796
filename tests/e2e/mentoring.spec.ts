import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, signIn } from "./utils.ts";

// (b) publishes from the pool the mentee in (a) has just left, so the two run in order.
test.describe.configure({ mode: "serial" });

const MENTEE = { email: "hannah.weiss@frontline.test", name: "Hannah Weiss" };
const MENTOR = { email: "aisha.bello@frontline.test", name: "Aisha Bello" };
const POOL_MENTEE = { email: "liam.oconnor@frontline.test", name: "Liam O'Connor" };

test("a mentee asks a suggested mentor, who accepts; a meeting is logged and the fit check answered", async ({ browser }) => {
  const menteeContext = await browser.newContext();
  const mentee = await menteeContext.newPage();
  await signIn(mentee, MENTEE.email);
  await mentee.goto("/mentoring");
  await expect(mentee.getByRole("heading", { name: "Mentoring", level: 1 })).toBeVisible();
  await expectAccessible(mentee);

  await mentee.getByRole("link", { name: "Ask for a mentor" }).click();
  await expect(mentee).toHaveURL(/\/mentoring\/request$/);
  await expectAccessible(mentee);
  await expect(mentee.getByLabel("Level you're working towards")).toHaveValue("senior-agent");
  await mentee.getByLabel("What do you want from mentoring?").fill("Too short");
  await mentee.getByRole("button", { name: "Save and see suggested mentors" }).click();
  await expect(mentee.getByText("Write at least 20 characters")).toBeVisible();
  await mentee
    .getByLabel("What do you want from mentoring?")
    .fill("Take on the hardest delivery escalations calmly and grow towards Senior Agent this year.");
  const focus = mentee.getByRole("group", { name: "Competencies to focus on" });
  if ((await focus.getByRole("checkbox", { checked: true }).count()) === 0) await focus.getByLabel("Empathy").check();
  await mentee.getByRole("button", { name: "Save and see suggested mentors" }).click();

  await expect(mentee).toHaveURL(/\/mentoring\?notice=request-saved$/);
  await expect(mentee.getByText("Your request is saved.")).toBeVisible();
  const suggestions = mentee.getByRole("region", { name: "Suggested mentors" });
  await expect(suggestions.getByRole("heading", { level: 3 }).first()).toBeVisible();
  await expect(suggestions.getByText(/^Match score [\d.]+ of 100$/).first()).toBeVisible();
  await expect(suggestions.getByText(/Working days \(09:00–17:00\)/).first()).toBeVisible();
  await expectAccessible(mentee);

  const aisha = suggestions.getByRole("listitem").filter({ has: mentee.getByRole("heading", { name: new RegExp(MENTOR.name) }) });
  await expect(aisha).toContainText("Senior Agent · Africa/Lagos · Remote");
  await expect(aisha.getByText(/^Career relevance ·/)).toBeVisible();
  await aisha
    .getByLabel(`Message to ${MENTOR.name} (optional)`)
    .fill("Your escalation calls are the ones I learn most from. Could we work on difficult deliveries?");
  await aisha.getByRole("button", { name: `Request ${MENTOR.name}` }).click();
  await expect(mentee.getByText("Request sent.")).toBeVisible();
  await expect(mentee.getByText(`Your request to ${MENTOR.name} is waiting for an answer.`)).toBeVisible();

  const mentorContext = await browser.newContext();
  const mentor = await mentorContext.newPage();
  await signIn(mentor, MENTOR.email);
  await expect(mentor.getByRole("link", { name: "1 mentoring request waiting for your answer" })).toBeVisible();
  await mentor.goto("/mentoring/profile");
  await expect(mentor.getByRole("heading", { name: "Your mentor profile" })).toBeVisible();
  await expectAccessible(mentor);
  await mentor.goto("/mentoring");
  const asMentor = mentor.getByRole("table", { name: "Your pairings as a mentor" });
  await asMentor
    .getByRole("row", { name: new RegExp(MENTEE.name) })
    .getByRole("link", { name: /Accept or decline/ })
    .click();
  await expect(mentor.getByRole("heading", { name: `Mentoring ${MENTEE.name}` })).toBeVisible();
  await expect(mentor.getByText("Could we work on difficult deliveries?")).toBeVisible();
  await expectAccessible(mentor);
  await mentor.getByRole("button", { name: "Accept and start mentoring" }).click();
  await expect(mentor.getByText("You've accepted")).toBeVisible();

  await mentor.getByLabel("What you talked about").fill("Listened to two escalation calls together and agreed on a calmer opening line.");
  await mentor.getByLabel("3 — useful").check();
  await mentor.getByRole("button", { name: "Log the meeting" }).click();
  await expect(mentor.getByText("Meeting logged.")).toBeVisible();
  const meetings = mentor.getByRole("list", { name: "Meetings, newest first" });
  await expect(meetings).toContainText("3 — useful");
  await expect(meetings).toContainText(`Logged by ${MENTOR.name}`);
  await expectAccessible(mentor);

  await mentee.goto("/mentoring");
  await mentee.getByRole("link", { name: `Open your mentoring with ${MENTOR.name}` }).click();
  await expect(mentee.getByRole("heading", { name: `Mentored by ${MENTOR.name}` })).toBeVisible();
  await mentee.getByRole("group", { name: "Is this mentor a good fit for you?" }).getByLabel("A good fit").check();
  await mentee.getByRole("button", { name: "Save your answer" }).click();
  await expect(mentee.getByText("Thanks, your answer is saved.")).toBeVisible();
  await expect(mentee.getByRole("region", { name: "The pair", exact: true })).toContainText("A good fit");
  await expectAccessible(mentee);

  await menteeContext.close();
  await mentorContext.close();
});

test("an admin previews the pool match, changes a mentor, re-scores and publishes; the mentee sees the proposal", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, DEMO.admin);
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "Match the mentoring pool" }).click();
  await expect(admin).toHaveURL(/\/admin\/mentoring$/);
  await expectAccessible(admin);

  await admin.getByRole("button", { name: "Find the best matches" }).click();
  const table = admin.getByRole("table", { name: "Proposed mentoring pairs" });
  await expect(table).toBeVisible();
  await expect(admin.getByText(/^Total score [\d.]+$/)).toBeVisible();
  await expectAccessible(admin);

  // Sofia leads Billing, not Liam's team, and nobody in the seeded pool is matched with her: a sound change.
  const mentorName = "Sofia Lindqvist";
  const choice = admin.getByLabel(`Mentor for ${POOL_MENTEE.name}`);
  await expect(choice.locator("option:checked")).not.toHaveText(new RegExp(`^${mentorName}`));
  const label = (
    await choice
      .locator("option")
      .filter({ hasText: new RegExp(`^${mentorName} — `) })
      .innerText()
  ).trim();
  await choice.selectOption({ label });
  await admin.getByRole("button", { name: "Re-score" }).click();
  await expect(admin.getByLabel(`Mentor for ${POOL_MENTEE.name}`).locator("option:checked")).toHaveText(label);
  await expect(admin.getByText(/needs? a change/)).toHaveCount(0);

  await admin.getByRole("button", { name: /^Publish \d+ pairs?$/ }).click();
  await expect(admin).toHaveURL(/\/admin\/mentoring\?published=\d+$/);
  await expect(admin.getByText(/^Published \d+ pairs?\./)).toBeVisible();
  const current = admin.getByRole("table", { name: "Proposed and active pairings" });
  await expect(current.getByRole("row").filter({ hasText: POOL_MENTEE.name }).filter({ hasText: mentorName })).toContainText("Proposed");
  await expectAccessible(admin);

  const menteeContext = await browser.newContext();
  const mentee = await menteeContext.newPage();
  await signIn(mentee, POOL_MENTEE.email);
  await mentee.goto("/mentoring");
  await expect(mentee.getByText(`You've been matched with ${mentorName}.`)).toBeVisible();
  await mentee.getByRole("link", { name: "See the request" }).click();
  await expect(mentee.getByRole("heading", { name: `Mentored by ${mentorName}` })).toBeVisible();
  await expect(mentee.getByText("Proposed", { exact: true })).toBeVisible();
  await expect(mentee.getByText(`Waiting for ${mentorName} to accept.`, { exact: false })).toBeVisible();
  await expectAccessible(mentee);

  await adminContext.close();
  await menteeContext.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a new hire asks for a mentor with plain forms, and the mentor declines with a reason", async ({ browser }) => {
    const NEW_HIRE = { email: "nora.lindahl@frontline.test", name: "Nora Lindahl" };
    const menteeContext = await browser.newContext({ javaScriptEnabled: false });
    const mentee = await menteeContext.newPage();
    await signIn(mentee, NEW_HIRE.email);
    await mentee.goto("/mentoring");
    await expect(mentee.getByText("Mentoring opens after your first 90 days")).toBeVisible();

    await mentee.getByRole("link", { name: "Ask for a mentor" }).click();
    await mentee
      .getByLabel("What do you want from mentoring?")
      .fill("Settle in and learn to handle refund chats on my own before my first review.");
    const focus = mentee.getByRole("group", { name: "Competencies to focus on" });
    if ((await focus.getByRole("checkbox", { checked: true }).count()) === 0) await focus.getByLabel("Empathy").check();
    await mentee.getByRole("button", { name: "Save and see suggested mentors" }).click();
    await expect(mentee.getByText("Your request is saved.")).toBeVisible();

    // The best suggestion whose sign-in follows the first.last pattern (Sofia signs in as lead.billing).
    const suggestions = mentee.getByRole("region", { name: "Suggested mentors" });
    const names = (await suggestions.getByRole("heading", { level: 3 }).allInnerTexts()).map((heading) =>
      heading.replace(/^\d+\.\s*/, "").trim(),
    );
    const mentorName = names.find((name) => name !== "Sofia Lindqvist")!;
    await suggestions.getByRole("button", { name: `Request ${mentorName}` }).click();
    await expect(mentee.getByText(`Your request to ${mentorName} is waiting for an answer.`)).toBeVisible();

    const mentorEmail = `${mentorName
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z ]/g, "")
      .trim()
      .replace(/\s+/g, ".")}@frontline.test`;
    const mentorContext = await browser.newContext({ javaScriptEnabled: false });
    const mentor = await mentorContext.newPage();
    await signIn(mentor, mentorEmail);
    await mentor.goto("/mentoring");
    await mentor
      .getByRole("table", { name: "Your pairings as a mentor" })
      .getByRole("row", { name: new RegExp(NEW_HIRE.name) })
      .getByRole("link", { name: /Accept or decline/ })
      .click();
    await mentor.getByRole("button", { name: "Decline" }).click();
    await expect(mentor.getByText("Tell them why, so they can choose someone else")).toBeVisible();
    await mentor
      .getByLabel("Why you're declining")
      .fill("My places are promised to this quarter's escalation trainees — Aisha would suit you well.");
    await mentor.getByRole("button", { name: "Decline" }).click();
    await expect(mentor.getByRole("heading", { name: "Declined" })).toBeVisible();

    await mentee.goto("/mentoring");
    await expect(
      mentee.getByRole("region", { name: "Suggested mentors" }).getByRole("heading", { name: new RegExp(mentorName) }),
    ).toHaveCount(0);
    await expect(mentee.getByRole("region", { name: "Suggested mentors" }).getByRole("heading", { level: 3 }).first()).toBeVisible();
    await menteeContext.close();
    await mentorContext.close();
  });
});
