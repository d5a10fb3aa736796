import { expect, test, type Locator } from "@playwright/test";
import { askForMentoring, createPerson, offerMentoring, type Person } from "./people.ts";
import { DEMO, expectAccessible, signIn } from "./utils.ts";

// The admin in (b) publishes every open request in the pool, and the mentees in (a) and (c) are in
// it while they wait for an answer, so the three run in order.
test.describe.configure({ mode: "serial" });

/** A senior agent who mentors: suggested to every mentee with a place free. */
async function createMentor(name: string, fields: Pick<Person, "timeZone" | "workMode">) {
  const mentor = await createPerson({ name, level: "senior-agent", hiredDaysAgo: 1460, ...fields });
  await offerMentoring(mentor, {
    capacity: 3,
    strengths: ["empathy", "de-escalation", "resolution"],
    bio: "Four years on the escalations queue. I like helping people find words for angry customers that are honest and still kind.",
    languages: ["English"],
    availability: "Tuesdays and Thursdays, 13:00–15:00",
  });
  return mentor;
}

/** A suggested mentor's card, opening "Show more" when they are ranked below the first few. */
async function suggestionFor(suggestions: Locator, name: string): Promise<Locator> {
  const card = suggestions.getByRole("listitem").filter({ has: suggestions.page().getByRole("heading", { name: new RegExp(name) }) });
  const more = suggestions.getByText(/^Show \d+ more mentors?$/);
  if (!(await card.isVisible()) && (await more.isVisible())) await more.click();
  return card;
}

test("a mentee asks a suggested mentor, who accepts; a meeting is logged and the fit check answered", async ({ browser }) => {
  const greta = await createPerson({ name: "Greta Lind", level: "agent-2", timeZone: "Europe/Berlin", workMode: "hybrid" });
  const adaeze = await createMentor("Adaeze Okonkwo", { timeZone: "Africa/Lagos", workMode: "remote" });
  const menteeContext = await browser.newContext();
  const mentee = await menteeContext.newPage();
  await signIn(mentee, greta.email);
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
  // Written for the mentee: whole-number scores, the reasons folded until asked for, in the second person.
  const firstScore = suggestions.getByText(/^Match score \d+ of 100: why$/).first();
  await expect(firstScore).toBeVisible();
  await expect(suggestions.getByText(/of the working day|no working hours in common/).first()).toBeHidden();
  await firstScore.click();
  await expect(suggestions.getByText(/^You and .+ (share .+ of the working day|have no working hours in common)/).first()).toBeVisible();
  await expectAccessible(mentee);

  const card = await suggestionFor(suggestions, adaeze.name);
  await expect(card).toContainText("Senior Agent · Africa/Lagos · Remote");
  await card.getByText(/^Match score \d+ of 100: why$/).click();
  await expect(card.getByText(/^Career relevance ·/)).toBeVisible();
  await card
    .getByLabel(`Message to ${adaeze.name} (optional)`)
    .fill("Your escalation calls are the ones I learn most from. Could we work on difficult deliveries?");
  await card.getByRole("button", { name: `Request ${adaeze.name}` }).click();
  await expect(mentee.getByText("Request sent.")).toBeVisible();
  await expect(mentee.getByText(`Your request to ${adaeze.name} is waiting for an answer.`)).toBeVisible();

  const mentorContext = await browser.newContext();
  const mentor = await mentorContext.newPage();
  await signIn(mentor, adaeze.email);
  await expect(mentor.getByRole("link", { name: "1 mentoring request waiting for your answer" })).toBeVisible();
  await mentor.goto("/mentoring/profile");
  await expect(mentor.getByRole("heading", { name: "Your mentor profile" })).toBeVisible();
  await expectAccessible(mentor);
  await mentor.goto("/mentoring");
  const asMentor = mentor.getByRole("table", { name: "Your pairings as a mentor" });
  await asMentor
    .getByRole("row", { name: new RegExp(greta.name) })
    .getByRole("link", { name: /Accept or decline/ })
    .click();
  await expect(mentor.getByRole("heading", { name: `Mentoring ${greta.name}` })).toBeVisible();
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
  await expect(meetings).toContainText(`Logged by ${adaeze.name}`);
  await expectAccessible(mentor);

  await mentee.goto("/mentoring");
  await mentee.getByRole("link", { name: `Open your mentoring with ${adaeze.name}` }).click();
  await expect(mentee.getByRole("heading", { name: `Mentored by ${adaeze.name}` })).toBeVisible();
  await mentee.getByRole("group", { name: "Is this mentor a good fit for you?" }).getByLabel("A good fit").check();
  await mentee.getByRole("button", { name: "Save your answer" }).click();
  await expect(mentee.getByText("Thanks, your answer is saved.")).toBeVisible();
  await expect(mentee.getByRole("region", { name: "The pair", exact: true })).toContainText("A good fit");
  await expectAccessible(mentee);

  await menteeContext.close();
  await mentorContext.close();
});

test("an admin previews the pool match, changes a mentor, re-scores and publishes; the mentee sees the proposal", async ({ browser }) => {
  const declan = await createPerson({
    name: "Declan Byrne",
    level: "agent-1",
    hiredDaysAgo: 95,
    timeZone: "Europe/Dublin",
    workMode: "remote",
  });
  await askForMentoring(declan, {
    goals: "Write clearer troubleshooting steps and close chats in fewer turns.",
    targetLevel: "agent-2",
    focus: ["communication", "efficiency"],
    preferences: "",
  });
  // Hemi's working days never overlap Declan's, he works in the office and offers nothing Declan asked
  // for, so the best matches don't give him Declan and he has places left: choosing him is a sound change.
  const hemi = await createMentor("Hemi Walker", { timeZone: "Pacific/Auckland", workMode: "office" });
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

  const choice = admin.getByLabel(`Mentor for ${declan.name}`);
  await expect(choice.locator("option:checked")).not.toHaveText(new RegExp(`^${hemi.name}`));
  const label = (
    await choice
      .locator("option")
      .filter({ hasText: new RegExp(`^${hemi.name} — `) })
      .innerText()
  ).trim();
  await choice.selectOption({ label });
  await admin.getByRole("button", { name: "Re-score" }).click();
  await expect(admin.getByLabel(`Mentor for ${declan.name}`).locator("option:checked")).toHaveText(label);
  await expect(admin.getByText(/needs? a change/)).toHaveCount(0);

  await admin.getByRole("button", { name: /^Publish \d+ pairs?$/ }).click();
  await expect(admin).toHaveURL(/\/admin\/mentoring\?notice=pool-published&count=\d+$/);
  await expect(admin.getByText(/^Published \d+ pairs?\./)).toBeVisible();
  const current = admin.getByRole("table", { name: "Proposed and active pairings" });
  await expect(current.getByRole("row").filter({ hasText: declan.name }).filter({ hasText: hemi.name })).toContainText("Proposed");
  await expectAccessible(admin);

  const menteeContext = await browser.newContext();
  const mentee = await menteeContext.newPage();
  await signIn(mentee, declan.email);
  await mentee.goto("/mentoring");
  await expect(mentee.getByText(`You've been matched with ${hemi.name}.`)).toBeVisible();
  await mentee.getByRole("link", { name: "See the request" }).click();
  await expect(mentee.getByRole("heading", { name: `Mentored by ${hemi.name}` })).toBeVisible();
  await expect(mentee.getByText("Proposed", { exact: true })).toBeVisible();
  await expect(mentee.getByText(`Waiting for ${hemi.name} to accept.`, { exact: false })).toBeVisible();
  await expectAccessible(mentee);

  await adminContext.close();
  await menteeContext.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a new hire asks for a mentor with plain forms, and the mentor declines with a reason", async ({ browser }) => {
    const freya = await createPerson({
      name: "Freya Olsen",
      level: "agent-1",
      hiredDaysAgo: 22,
      timeZone: "Europe/Stockholm",
      workMode: "remote",
    });
    const kenji = await createMentor("Kenji Mori", { timeZone: "Asia/Tokyo", workMode: "hybrid" });
    const menteeContext = await browser.newContext({ javaScriptEnabled: false });
    const mentee = await menteeContext.newPage();
    await signIn(mentee, freya.email);
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

    const suggestions = mentee.getByRole("region", { name: "Suggested mentors" });
    await (await suggestionFor(suggestions, kenji.name)).getByRole("button", { name: `Request ${kenji.name}` }).click();
    await expect(mentee.getByText(`Your request to ${kenji.name} is waiting for an answer.`)).toBeVisible();

    const mentorContext = await browser.newContext({ javaScriptEnabled: false });
    const mentor = await mentorContext.newPage();
    await signIn(mentor, kenji.email);
    await mentor.goto("/mentoring");
    await mentor
      .getByRole("table", { name: "Your pairings as a mentor" })
      .getByRole("row", { name: new RegExp(freya.name) })
      .getByRole("link", { name: /Accept or decline/ })
      .click();
    await mentor.getByRole("button", { name: "Decline" }).click();
    await expect(mentor.getByText("Tell them why, so they can choose someone else")).toBeVisible();
    await mentor
      .getByLabel("Why you're declining")
      .fill("My places are promised to this quarter's escalation trainees — the next mentor on your list would suit you well.");
    await mentor.getByRole("button", { name: "Decline" }).click();
    await expect(mentor.getByRole("heading", { name: "Declined" })).toBeVisible();

    await mentee.goto("/mentoring");
    await expect(
      mentee.getByRole("region", { name: "Suggested mentors" }).getByRole("heading", { name: new RegExp(kenji.name) }),
    ).toHaveCount(0);
    await expect(mentee.getByRole("region", { name: "Suggested mentors" }).getByRole("heading", { level: 3 }).first()).toBeVisible();
    await menteeContext.close();
    await mentorContext.close();
  });
});
