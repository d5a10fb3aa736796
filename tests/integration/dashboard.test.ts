// The home page's role dashboards through the route: what an agent, a new hire, a lead and an
// admin each see, and that a lead never sees another team's people.
import { beforeAll, describe, expect, test } from "vitest";
import { weekBounds } from "~/engine/coaching/dashboard-signals.ts";
import { loadContentIndex } from "~/models/content-index.server.ts";
import * as home from "~/routes/_index.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createTeamWithLead, createUser, DAY_MS } from "../factories/index.ts";
import { inEnglish } from "../support/english.ts";
import { gradedAttempt } from "./career-fixtures.ts";
import { callRoute, get, loginRedirectTarget, sessionCookieFor } from "./request.ts";

type HomeData = Awaited<ReturnType<typeof home.loader>>;
type Person = { id: string; name: string; cookie: string };

const SCENARIO = "late-delivery";
const ago = (days: number) => new Date(Date.now() - days * DAY_MS);

/** A graded conversation at `score`, with criteria at the given competency levels (out of 2). */
const graded = (userId: string, score: number, daysAgo: number, levels: Record<string, number> = { resolution: 1 }) =>
  gradedAttempt(userId, { levels, score, passed: score >= 70, daysAgo, scenarioSlug: SCENARIO });

async function dashboard(person: Person) {
  const outcome = await callRoute<HomeData>(home.loader, { request: get("/", person.cookie) });
  expect(outcome.status).toBe(200);
  return outcome.body!;
}

let lead: Person;
let agent: Person;
let struggler: Person;
let newHire: Person;
let otherLead: Person;
let outsider: Person;
let admin: Person;
let activeAttemptId: string;
let weekSessionId: string;
let nominationId: string;
let minLevelCriterion: { id: string; title: string; maxLevel: number };

beforeAll(async () => {
  const mine = await createTeamWithLead({ memberCount: 2 });
  const theirs = await createTeamWithLead({ memberCount: 1 });
  const hire = await createUser({ teamId: mine.team.id, hireDate: ago(10), name: "Nadia New" });
  const adminUser = await createUser({ role: "admin", name: "Ada Admin" });
  const person = async (user: { id: string; name: string }) => ({ id: user.id, name: user.name, cookie: await sessionCookieFor(user.id) });
  lead = await person(mine.lead);
  agent = await person(mine.members[0]);
  struggler = await person(mine.members[1]);
  newHire = await person(hire);
  otherLead = await person(theirs.lead);
  outsider = await person(theirs.members[0]);
  admin = await person(adminUser);

  const index = await loadContentIndex();
  minLevelCriterion = index.scenarios.get(SCENARIO)!.criteria[0];

  // The agent: improving scores, weak on empathy, one conversation left half-way.
  for (const [n, score] of [72, 74, 75, 77, 78].entries()) await graded(agent.id, score, 10 - n, { empathy: 0, resolution: 2 });
  activeAttemptId = (
    await prisma.practiceAttempt.create({
      data: { userId: agent.id, scenarioSlug: SCENARIO, scenarioVersion: 1, seed: 2, status: "active", customerState: "{}" },
    })
  ).id;
  await prisma.assignment.createMany({
    data: [
      {
        userId: agent.id,
        kind: "scenario",
        contentSlug: SCENARIO,
        dueAt: new Date(Date.now() + 3 * DAY_MS),
        minScore: 80,
        minLevels: JSON.stringify({ [minLevelCriterion.id]: minLevelCriterion.maxLevel }),
        assignedById: lead.id,
      },
      { userId: agent.id, kind: "module", contentSlug: "how-support-works", dueAt: ago(2), createdAt: ago(9), assignedById: lead.id },
      { userId: outsider.id, kind: "module", contentSlug: "how-support-works", dueAt: ago(2), createdAt: ago(9) },
    ],
  });
  await prisma.coachingSession.create({
    data: {
      leadId: lead.id,
      agentId: agent.id,
      scheduledAt: new Date(Date.now() + 2 * DAY_MS),
      actionItems: {
        create: [{ text: "Ask how the delay affected them", dueAt: new Date(`${ago(-5).toISOString().slice(0, 10)}T00:00:00Z`) }],
      },
    },
  });
  weekSessionId = (
    await prisma.coachingSession.create({
      data: {
        leadId: lead.id,
        agentId: struggler.id,
        scheduledAt: new Date(weekBounds(new Date(), "Europe/London").start.getTime() + 3_600_000),
      },
    })
  ).id;
  await prisma.coachingSession.create({
    data: {
      leadId: otherLead.id,
      agentId: outsider.id,
      scheduledAt: new Date(weekBounds(new Date(), "Europe/London").start.getTime() + 7_200_000),
    },
  });

  // The struggler: strong earlier, under the pass mark lately, and disputing a level.
  for (let n = 0; n < 5; n++) await graded(struggler.id, 90, 30 - n);
  let latest = null;
  for (let n = 0; n < 5; n++) latest = await graded(struggler.id, 55, 5 - n);
  await prisma.dispute.create({
    data: { gradeCriterionId: latest!.grade!.criteria[0].id, agentId: struggler.id, comment: "I did acknowledge the delay." },
  });

  // Another team's agent, under the pass mark too: their lead's business, not ours.
  for (let n = 0; n < 3; n++) await graded(outsider.id, 40, 3 - n);

  nominationId = (
    await prisma.nomination.create({
      data: { agentId: agent.id, nominatedById: lead.id, level: "agent-2", justification: "Consistently resolves the hard ones." },
    })
  ).id;
  await prisma.menteeRequest.create({ data: { menteeId: outsider.id, goals: "Learn to calm angry callers", targetLevel: "agent-2" } });
});

test("anyone signed out is sent to log in", async () => {
  const outcome = await callRoute(home.loader, { request: get("/") });
  expect(outcome.status).toBe(302);
  expect(loginRedirectTarget(outcome.location).pathname).toBe("/login");
});

describe("an agent", () => {
  test("sees what's due soonest first, the overdue marked, with the lead's pass criteria", async () => {
    const data = await dashboard(agent);
    if (data.role !== "agent") throw new Error("expected the agent dashboard");
    expect(data.agent.due.total).toBe(2);
    const [overdue, scenario] = data.agent.due.items;
    expect(overdue).toMatchObject({ kind: "module", overdue: true, status: "past-due", passBar: null });
    expect({ ...scenario, passBar: inEnglish(scenario.passBar) }).toMatchObject({
      kind: "scenario",
      overdue: false,
      link: `/practice/scenarios/${SCENARIO}`,
      automatic: false,
      passBar: `score 80 or more and at least level ${minLevelCriterion.maxLevel} of ${minLevelCriterion.maxLevel} in ${minLevelCriterion.title}`,
    });
  });

  test("can resume the unfinished conversation and sees the next 1:1 and open action items", async () => {
    const data = await dashboard(agent);
    if (data.role !== "agent") throw new Error("expected the agent dashboard");
    expect(data.agent.active?.id).toBe(activeAttemptId);
    expect(data.agent.nextSession?.lead).toBe(lead.name);
    expect(data.me.timeZone).toBe("Europe/London");
    expect(data.agent.actionItems.total).toBe(1);
    expect(data.agent.actionItems.items[0]).toMatchObject({ text: "Ask how the delay affected them", overdue: false });
  });

  test("sees the last five grades newest first with their trend, and the skill to practise next", async () => {
    const data = await dashboard(agent);
    if (data.role !== "agent") throw new Error("expected the agent dashboard");
    expect(data.agent.grades.items.map((item) => item.score)).toEqual([78, 77, 75, 74, 72]);
    expect(data.agent.grades.trend).toEqual({ direction: "up", points: 6, over: 5 });
    expect(data.agent.nextSkill).toMatchObject({ name: "Empathy", percent: 0 });
    expect(data.agent.nextSkill?.scenario?.link).toMatch(/^\/practice\/scenarios\//);
    expect(data.agent.onboarding).toBeNull();
  });

  test("a new hire also sees onboarding progress and the next module, and nothing of anyone else", async () => {
    const data = await dashboard(newHire);
    if (data.role !== "agent") throw new Error("expected the agent dashboard");
    expect(data.me.newHire).toBe(true);
    expect(data.agent.onboarding).toMatchObject({ completed: 0 });
    expect(data.agent.onboarding!.total).toBeGreaterThan(0);
    expect(data.agent.onboarding!.next?.link).toMatch(/^\/learn\/modules\//);
    expect(data.agent.due.total).toBe(0);
    expect(data.agent.grades.items).toEqual([]);
    expect(data.agent.active).toBeNull();
    expect(data.agent.nextSession).toBeNull();
    expect(data.agent.nextSkill).toBeNull();
  });
});

describe("a lead", () => {
  test("sees reviews and disputes waiting from their own teams only", async () => {
    const data = await dashboard(lead);
    if (data.role !== "lead") throw new Error("expected the lead dashboard");
    expect(data.lead.reviews.total).toBe(15);
    expect(data.lead.reviews.items).toHaveLength(5);
    expect(data.lead.reviews.items.every((item) => [agent.name, struggler.name].includes(item.agent))).toBe(true);
    expect(data.lead.disputes.total).toBe(1);
    expect(data.lead.disputes.items[0]).toMatchObject({ agent: struggler.name, openDisputes: 1 });
  });

  test("sees overdue work by person, who is below pass, and this week's 1:1s", async () => {
    const data = await dashboard(lead);
    if (data.role !== "lead") throw new Error("expected the lead dashboard");
    expect(data.lead.overdue.total).toBe(1);
    expect(data.lead.overdue.people).toEqual([expect.objectContaining({ id: agent.id, count: 1 })]);
    expect(data.lead.struggling.people).toEqual([
      expect.objectContaining({ id: struggler.id, standing: { kind: "below-pass", recentAverage: 55, passScore: 70 } }),
    ]);
    expect(data.lead.sessions.items.map((session) => session.id)).toContain(weekSessionId);
    expect(data.lead.sessions.items.every((session) => session.agent !== outsider.name)).toBe(true);
  });

  test("another team's lead sees their own person and none of ours", async () => {
    const data = await dashboard(otherLead);
    if (data.role !== "lead") throw new Error("expected the lead dashboard");
    const names = JSON.stringify(data);
    for (const name of [agent.name, struggler.name, newHire.name]) expect(names).not.toContain(name);
    expect(data.lead.struggling.people.map((person) => person.id)).toEqual([outsider.id]);
    expect(data.lead.overdue.people.map((person) => person.id)).toEqual([outsider.id]);
    expect(data.lead.reviews.total).toBe(3);
    expect(data.lead.disputes.total).toBe(0);
  });
});

describe("an admin", () => {
  test("sees organisation health: onboarding, overdue work, promotion and mentoring queues", async () => {
    const data = await dashboard(admin);
    if (data.role !== "admin") throw new Error("expected the admin dashboard");
    expect(data.admin.onboarding).toMatchObject({ newHires: 1, finished: 0, percent: 0 });
    expect(data.admin.overdue).toEqual({ total: 2, peopleCount: 2 });
    expect(data.admin.promotions.total).toBe(1);
    const [promotion] = data.admin.promotions.items;
    expect({ ...promotion, level: inEnglish(promotion.level) }).toMatchObject({ id: nominationId, agent: agent.name, level: "Agent II" });
    expect(data.admin.mentoringRequests).toBe(1);
  });

  test("sees content health: the catalog's size and what nobody used in 90 days", async () => {
    const data = await dashboard(admin);
    if (data.role !== "admin") throw new Error("expected the admin dashboard");
    const index = await loadContentIndex();
    expect(data.admin.content.modules).toBe(index.modules.size);
    expect(data.admin.content.scenarios).toBe(index.scenarios.size);
    // Every module is unused here, and every scenario but the one practised above.
    expect(data.admin.content.unused.total).toBe(index.modules.size + index.scenarios.size - 1);
    expect(data.admin.content.unused.items.length).toBeLessThanOrEqual(5);
    expect(data.admin.content.unused.items.map((item) => item.link)).not.toContain(`/practice/scenarios/${SCENARIO}`);
  });
});
