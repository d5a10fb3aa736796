// Assignments and notifications end to end on a real database: creating them
// through the form's action (one person, several, a whole team), what the form
// refuses, who may see the board, the statuses the board computes from real
// module progress and graded practice, the agent's own lists, notifications
// and reminders, and automatic practice after repeated misses.
import fs from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import { getCatalog, versionRef, type CompiledModule } from "~/content/modules.server.ts";
import { rubricsFor, type PracticeCatalog } from "~/content/practice.server.ts";
import { gradeQuiz, type QuizAnswers } from "~/engine/learning/quiz.ts";
import { refreshReminders } from "~/models/assignment-reminder.server.ts";
import { createAssignments } from "~/models/assignment.server.ts";
import { runAutoPractice } from "~/models/auto-practice.server.ts";
import { recordQuizAttempt, recordReading } from "~/models/learning.server.ts";
import { notify, unreadCount } from "~/models/notification.server.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";
import { recordScriptedAttempt, startAttempt } from "~/models/practice.server.ts";
import * as root from "~/root.tsx";
import * as assignmentPage from "~/routes/coaching+/assignments.$assignmentId.tsx";
import * as board from "~/routes/coaching+/assignments._index.tsx";
import * as newAssignment from "~/routes/coaching+/assignments.new.tsx";
import * as learnIndex from "~/routes/learn+/_index.tsx";
import * as notificationsPage from "~/routes/notifications.tsx";
import * as practiceIndex from "~/routes/practice+/_index.tsx";
import * as scenarioPage from "~/routes/practice+/scenarios.$slug.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createTeamWithLead, createUser, DAY_MS } from "../factories/index.ts";
import { inEnglish } from "../support/english.ts";
import { BASE_URL, callRoute, get, loginRedirectTarget, post, sessionCookieFor } from "./request.ts";

type BoardData = Awaited<ReturnType<typeof board.loader>>;
type NewData = Awaited<ReturnType<typeof newAssignment.loader>>;
type FormReply = {
  intent: string;
  result: { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
};
type NotificationsData = Awaited<ReturnType<typeof notificationsPage.loader>>;
type Item = { title: string; kind: string; status: string; link: string; automatic: boolean; dueAt: string };

const SCENARIO = "late-delivery";

let practice: PracticeCatalog;
let modules: CompiledModule[];
let scripts: { competent: string[]; poor: string[] };

beforeAll(async () => {
  practice = await getPracticeCatalog();
  modules = (await getCatalog()).modules;
  scripts = JSON.parse(fs.readFileSync(`tests/fixtures/scenario-scripts/${SCENARIO}.json`, "utf8"));
});

/** YYYY-MM-DD, `days` from today (UTC). */
function dateIn(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
}

/** A form post with repeated fields (checkbox lists), as a browser sends it. */
function postForm(url: string, fields: [string, string][], cookie: string): Request {
  return new Request(new URL(url, BASE_URL), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: BASE_URL, Cookie: cookie },
    body: new URLSearchParams(fields).toString(),
  });
}

async function world({ memberCount = 3 } = {}) {
  const own = await createTeamWithLead({ memberCount });
  const other = await createTeamWithLead({ memberCount: 1 });
  return {
    own,
    other,
    lead: { user: own.lead, cookie: await sessionCookieFor(own.lead.id) },
    agents: await Promise.all(own.members.map(async (user) => ({ user, cookie: await sessionCookieFor(user.id) }))),
  };
}

function submit(cookie: string, fields: [string, string][]) {
  return callRoute<FormReply>(newAssignment.action, {
    request: postForm("/coaching/assignments/new", [["intent", "create"], ...fields], cookie),
  });
}

function loadBoard(cookie: string, query = "") {
  return callRoute<BoardData>(board.loader, { request: get(`/coaching/assignments${query}`, cookie) });
}

const moduleSlug = () => modules[0].slug;
const moduleFields = (extra: [string, string][] = []): [string, string][] => [
  ["kind", "module"],
  ["contentSlug", moduleSlug()],
  ["dueDate", dateIn(5)],
  ...extra,
];

async function completeModule(userId: string, module: CompiledModule, at = new Date()) {
  const ref = versionRef(module);
  await recordReading(userId, ref, { section: module.sections.at(-1)?.id, seconds: 60, reachedEnd: true }, at);
  for (const quiz of module.quizzes) {
    const answers: QuizAnswers = Object.fromEntries(
      quiz.questions.map((question) => [question.id, question.choices.filter((choice) => choice.correct).map((choice) => choice.id)]),
    );
    await recordQuizAttempt(
      userId,
      ref,
      { quizId: quiz.id, answers, grade: gradeQuiz(quiz, answers), submissionKey: `test-${module.slug}-${quiz.id}-${at.getTime()}` },
      at,
    );
  }
}

let seed = 1;
async function playScenario(userId: string, script: "competent" | "poor", startedAt = new Date(Date.now() + 1000), slug = SCENARIO) {
  const scenario = practice.scenarios.find((candidate) => candidate.slug === slug)!;
  const messages =
    slug === SCENARIO ? scripts[script] : JSON.parse(fs.readFileSync(`tests/fixtures/scenario-scripts/${slug}.json`, "utf8"))[script];
  await recordScriptedAttempt(userId, scenario, rubricsFor(practice, scenario), { messages, seed: seed++, startedAt, replySeconds: 30 });
}

describe("who may assign", () => {
  test("anonymous visitors are sent to sign in", async () => {
    const outcome = await callRoute(board.loader, { request: get("/coaching/assignments") });
    expect(outcome.status).toBe(302);
    expect(loginRedirectTarget(outcome.location).pathname).toBe("/login");
  });

  test("an agent can open neither the board nor the form, nor post to it", async () => {
    const { agents } = await world({ memberCount: 1 });
    const cookie = agents[0].cookie;
    expect((await loadBoard(cookie)).status).toBe(403);
    expect((await callRoute(newAssignment.loader, { request: get("/coaching/assignments/new", cookie) })).status).toBe(403);
    expect((await submit(cookie, moduleFields([["assignees", agents[0].user.id]]))).status).toBe(403);
    expect(await prisma.assignment.count({ where: { userId: agents[0].user.id } })).toBe(0);
  });

  test("the form lists the lead's own team's active agents and the content to choose from", async () => {
    const { lead, own } = await world({ memberCount: 2 });
    await createUser({ teamId: own.team.id, deactivatedAt: new Date() });
    const outcome = await callRoute<NewData>(newAssignment.loader, { request: get("/coaching/assignments/new", lead.cookie) });
    expect(outcome.status).toBe(200);
    const body = outcome.body!;
    expect(body.team?.id).toBe(own.team.id);
    expect(body.team?.members.map((member) => member.id).sort()).toEqual(own.members.map((member) => member.id).sort());
    expect(body.modules.length).toBe(modules.length);
    expect(body.scenarios.length).toBe(practice.scenarios.length);
    expect(body.rubrics[0].id).toBe("empathy");
    expect(body.rubrics[0].criteria.map((criterion) => criterion.id)).toEqual([
      "empathy.emotional-reaction",
      "empathy.interpretation",
      "empathy.exploration",
    ]);
  });

  test("a lead cannot open the form for another team", async () => {
    const { lead, other } = await world({ memberCount: 1 });
    const outcome = await callRoute(newAssignment.loader, { request: get(`/coaching/assignments/new?team=${other.team.id}`, lead.cookie) });
    expect(outcome.status).toBe(404);
  });
});

describe("creating assignments", () => {
  test("one agent: a module, due at the end of the chosen day, with a notification and an audit event", async () => {
    const { lead, agents } = await world();
    const outcome = await submit(lead.cookie, moduleFields([["assignees", agents[0].user.id]]));
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/coaching/assignments?assigned=1&skipped=0");
    const rows = await prisma.assignment.findMany({ where: { userId: { in: agents.map((agent) => agent.user.id) } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      userId: agents[0].user.id,
      kind: "module",
      contentSlug: moduleSlug(),
      source: "manual",
      assignedById: lead.user.id,
      minScore: null,
      minLevels: "{}",
    });
    expect(rows[0].dueAt.toISOString()).toBe(`${dateIn(5)}T23:59:59.999Z`);
    const notes = await prisma.notification.findMany({ where: { userId: agents[0].user.id } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: "assigned", link: `/learn/modules/${moduleSlug()}`, readAt: null });
    expect(notes[0].title).toContain(modules[0].frontmatter.title);
    const audit = await prisma.auditEvent.findMany({ where: { action: "assignment.created", actorId: lead.user.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ targetType: "assignment", targetId: rows[0].id });
  });

  test("several agents: a scenario with a minimum score and empathy minimums", async () => {
    const { lead, agents } = await world();
    const outcome = await submit(lead.cookie, [
      ["kind", "scenario"],
      ["contentSlug", SCENARIO],
      ["dueDate", dateIn(3)],
      ["assignees", agents[0].user.id],
      ["assignees", agents[1].user.id],
      ["minScore", "80"],
      ["minLevels[0].criterionId", "empathy.exploration"],
      ["minLevels[0].level", "2"],
      ["minLevels[1].criterionId", "empathy.interpretation"],
      ["minLevels[1].level", ""],
    ]);
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/coaching/assignments?assigned=2&skipped=0");
    const rows = await prisma.assignment.findMany({ where: { assignedById: lead.user.id }, orderBy: { userId: "asc" } });
    expect(rows.map((row) => row.userId).sort()).toEqual([agents[0].user.id, agents[1].user.id].sort());
    for (const row of rows) {
      expect(row).toMatchObject({ kind: "scenario", contentSlug: SCENARIO, minScore: 80 });
      expect(JSON.parse(row.minLevels)).toEqual({ "empathy.exploration": 2 });
    }
    expect(await prisma.notification.count({ where: { userId: agents[2].user.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: "assignment.created", actorId: lead.user.id } })).toBe(1);
  });

  test("a scenario without a minimum score takes the scenario's pass score", async () => {
    const { lead, agents } = await world({ memberCount: 1 });
    expect(
      (
        await submit(lead.cookie, [
          ["kind", "scenario"],
          ["contentSlug", SCENARIO],
          ["dueDate", dateIn(2)],
          ["assignees", agents[0].user.id],
        ])
      ).status,
    ).toBe(302);
    const row = await prisma.assignment.findFirstOrThrow({ where: { userId: agents[0].user.id } });
    expect(row.minScore).toBe(practice.scenarios.find((scenario) => scenario.slug === SCENARIO)!.passScore);
  });

  test("the whole team: every active agent on it, nobody else", async () => {
    const { lead, own, other } = await world();
    const gone = await createUser({ teamId: own.team.id, deactivatedAt: new Date() });
    const outcome = await submit(
      lead.cookie,
      moduleFields([
        ["teamId", own.team.id],
        ["everyone", "on"],
      ]),
    );
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/coaching/assignments?assigned=3&skipped=0");
    const assigned = (await prisma.assignment.findMany({ where: { assignedById: lead.user.id }, select: { userId: true } }))
      .map((row) => row.userId)
      .sort();
    expect(assigned).toEqual(own.members.map((member) => member.id).sort());
    expect(assigned).not.toContain(gone.id);
    expect(assigned).not.toContain(other.members[0].id);
    expect(await prisma.notification.count({ where: { userId: { in: assigned }, kind: "assigned" } })).toBe(3);
  });

  test("a due date in the past is refused with a field message and the form comes back filled", async () => {
    const { lead, agents } = await world({ memberCount: 1 });
    const outcome = await submit(lead.cookie, [
      ["kind", "module"],
      ["contentSlug", moduleSlug()],
      ["dueDate", dateIn(-1)],
      ["assignees", agents[0].user.id],
    ]);
    expect(outcome.status).toBe(400);
    expect(outcome.body?.result.error?.dueDate?.map(inEnglish)).toEqual(["Choose today or a later date"]);
    expect(outcome.body?.result.initialValue).toMatchObject({
      kind: "module",
      contentSlug: moduleSlug(),
      dueDate: dateIn(-1),
      assignees: agents[0].user.id,
    });
    expect(await prisma.assignment.count({ where: { userId: agents[0].user.id } })).toBe(0);
  });

  test("today is accepted: due at the end of today", async () => {
    const { lead, agents } = await world({ memberCount: 1 });
    expect(
      (
        await submit(
          lead.cookie,
          moduleFields([["assignees", agents[0].user.id]]).map(([key, value]): [string, string] => [
            key,
            key === "dueDate" ? dateIn(0) : value,
          ]),
        )
      ).status,
    ).toBe(302);
  });

  test.each([
    ["no kind, no content, no date, nobody", [] as [string, string][], ["kind", "contentSlug", "dueDate", "assignees"]],
    [
      "an impossible date",
      [
        ["kind", "module"],
        ["contentSlug", "x"],
        ["dueDate", "2030-02-31"],
        ["everyone", "on"],
      ] as [string, string][],
      ["dueDate"],
    ],
    [
      "a minimum score on a module",
      [
        ["kind", "module"],
        ["contentSlug", "x"],
        ["dueDate", dateIn(2)],
        ["everyone", "on"],
        ["minScore", "80"],
      ] as [string, string][],
      ["minScore"],
    ],
    [
      "a minimum score out of range",
      [
        ["kind", "scenario"],
        ["contentSlug", "x"],
        ["dueDate", dateIn(2)],
        ["everyone", "on"],
        ["minScore", "120"],
      ] as [string, string][],
      ["minScore"],
    ],
  ])("%s: 400 naming each field", async (_name, fields, expected) => {
    const { lead } = await world({ memberCount: 1 });
    const outcome = await submit(lead.cookie, fields);
    expect(outcome.status).toBe(400);
    expect(Object.keys(outcome.body?.result.error ?? {}).sort()).toEqual([...expected].sort());
  });

  test("content that isn't in the catalog is refused on its field", async () => {
    const { lead, agents } = await world({ memberCount: 1 });
    const outcome = await submit(lead.cookie, [
      ["kind", "scenario"],
      ["contentSlug", moduleSlug()],
      ["dueDate", dateIn(2)],
      ["assignees", agents[0].user.id],
    ]);
    expect(outcome.status).toBe(400);
    expect(outcome.body?.result.error?.contentSlug?.map(inEnglish)).toEqual(["Choose a scenario from the list."]);
  });

  test("a minimum level for a criterion the scenario doesn't grade is refused", async () => {
    const { lead, agents } = await world({ memberCount: 1 });
    const outcome = await submit(lead.cookie, [
      ["kind", "scenario"],
      ["contentSlug", SCENARIO],
      ["dueDate", dateIn(2)],
      ["assignees", agents[0].user.id],
      ["minLevels[0].criterionId", "empathy.telepathy"],
      ["minLevels[0].level", "1"],
    ]);
    expect(outcome.status).toBe(400);
    expect(inEnglish(outcome.body?.result.error?.minLevels?.[0])).toMatch(/isn't graded/);
  });

  test("a lead cannot assign another team's agent: 404, nothing created", async () => {
    const { lead, agents, other } = await world({ memberCount: 1 });
    const outcome = await submit(
      lead.cookie,
      moduleFields([
        ["assignees", agents[0].user.id],
        ["assignees", other.members[0].id],
      ]),
    );
    expect(outcome.status).toBe(404);
    expect(await prisma.assignment.count({ where: { userId: { in: [agents[0].user.id, other.members[0].id] } } })).toBe(0);
  });

  test("a lead cannot assign another team as a whole", async () => {
    const { lead, other } = await world({ memberCount: 1 });
    const outcome = await submit(
      lead.cookie,
      moduleFields([
        ["teamId", other.team.id],
        ["everyone", "on"],
      ]),
    );
    expect(outcome.status).toBe(404);
    expect(await prisma.assignment.count({ where: { userId: other.members[0].id } })).toBe(0);
  });

  test("a lead cannot assign a deactivated agent or a made-up id", async () => {
    const { lead, own } = await world({ memberCount: 1 });
    const gone = await createUser({ teamId: own.team.id, deactivatedAt: new Date() });
    for (const id of [gone.id, "not-a-real-id"]) {
      const outcome = await submit(lead.cookie, moduleFields([["assignees", id]]));
      expect(outcome.status).toBe(404);
    }
  });

  test("an admin may assign anyone, on any team", async () => {
    const { other } = await world({ memberCount: 1 });
    const admin = await createUser({ role: "admin" });
    const outcome = await submit(await sessionCookieFor(admin.id), moduleFields([["assignees", other.members[0].id]]));
    expect(outcome.status).toBe(302);
    expect(await prisma.assignment.count({ where: { userId: other.members[0].id, assignedById: admin.id } })).toBe(1);
  });

  test("people who already completed the module, or already have it open, are skipped and counted", async () => {
    const { lead, agents, own } = await world();
    await completeModule(agents[0].user.id, modules[0], new Date(Date.now() - 10 * DAY_MS));
    expect((await submit(lead.cookie, moduleFields([["assignees", agents[1].user.id]]))).status).toBe(302);
    const outcome = await submit(
      lead.cookie,
      moduleFields([
        ["teamId", own.team.id],
        ["everyone", "on"],
      ]),
    );
    expect(outcome.location).toBe("/coaching/assignments?assigned=1&skipped=2");
    expect(await prisma.assignment.count({ where: { userId: agents[0].user.id } })).toBe(0);
    expect(await prisma.assignment.count({ where: { userId: agents[1].user.id } })).toBe(1);
    expect(await prisma.assignment.count({ where: { userId: agents[2].user.id } })).toBe(1);
    const again = await submit(lead.cookie, moduleFields([["assignees", agents[0].user.id]]));
    expect(again.status).toBe(400);
    expect(again.body?.result.error?.assignees?.map(inEnglish)).toEqual([
      "Everyone you chose has already completed this module's current version.",
    ]);
  });

  test("the model refuses a due date that is not in the future", async () => {
    const { lead, agents } = await world({ memberCount: 1 });
    const viewer = { id: lead.user.id, role: "lead" as const, ledTeamIds: [agents[0].user.teamId!] };
    const result = await createAssignments(viewer, {
      kind: "module",
      contentSlug: moduleSlug(),
      dueAt: new Date(Date.now() - 1000),
      minScore: null,
      minLevels: {},
      userIds: [agents[0].user.id],
      teamId: null,
    });
    expect(result).toMatchObject({ status: "refused", field: "dueAt" });
  });
});

describe("the status board", () => {
  test("shows each status as agents complete modules and play scenarios", async () => {
    const { lead, agents, own } = await world({ memberCount: 4 });
    const [reader, passer, failer, idle] = agents;
    expect(
      (
        await submit(
          lead.cookie,
          moduleFields([
            ["assignees", reader.user.id],
            ["assignees", idle.user.id],
          ]),
        )
      ).status,
    ).toBe(302);
    const scenarioFields: [string, string][] = [
      ["kind", "scenario"],
      ["contentSlug", SCENARIO],
      ["dueDate", dateIn(4)],
      ["assignees", passer.user.id],
      ["assignees", failer.user.id],
      ["assignees", idle.user.id],
    ];
    expect((await submit(lead.cookie, scenarioFields)).status).toBe(302);
    const boardBefore = await loadBoard(lead.cookie);
    expect(boardBefore.body!.rows.every((row) => row.status === "not-started")).toBe(true);
    expect(boardBefore.body!.total).toBe(5);

    await completeModule(reader.user.id, modules[0]);
    await playScenario(passer.user.id, "competent");
    await playScenario(failer.user.id, "poor");
    const active = await startAttempt(
      idle.user.id,
      practice.scenarios.find((scenario) => scenario.slug === SCENARIO)!,
    );
    // A past-due module: the due date moved back after the fact.
    await prisma.assignment.updateMany({ where: { userId: idle.user.id, kind: "module" }, data: { dueAt: new Date(Date.now() - DAY_MS) } });

    const outcome = await loadBoard(lead.cookie);
    expect(outcome.status).toBe(200);
    const statusOf = (userId: string, kind: string) =>
      outcome.body!.rows.find((row) => row.agent.id === userId && row.kind === kind)?.status;
    expect(statusOf(reader.user.id, "Module")).toBe("completed");
    expect(statusOf(passer.user.id, "Practice scenario")).toBe("completed");
    expect(statusOf(failer.user.id, "Practice scenario")).toBe("not-passed");
    expect(statusOf(idle.user.id, "Practice scenario")).toBe("in-progress");
    expect(statusOf(idle.user.id, "Module")).toBe("past-due");
    expect(outcome.body!.counts).toEqual({ "past-due": 1, "not-passed": 1, "not-started": 0, "in-progress": 1, completed: 2 });
    expect(active.id).toBeTruthy();

    // Filters and sorts.
    const failing = await loadBoard(lead.cookie, "?status=not-passed");
    expect(failing.body!.rows.map((row) => row.agent.id)).toEqual([failer.user.id]);
    const idleOnly = await loadBoard(lead.cookie, `?agent=${idle.user.id}&kind=scenario`);
    expect(idleOnly.body!.rows.map((row) => [row.agent.id, row.kind])).toEqual([[idle.user.id, "Practice scenario"]]);
    const byStatus = await loadBoard(lead.cookie, "?sort=status");
    expect(byStatus.body!.rows.map((row) => row.status)).toEqual(["past-due", "not-passed", "in-progress", "completed", "completed"]);
    const byDue = await loadBoard(lead.cookie);
    expect(byDue.body!.rows[0].status).toBe("past-due");
    const byAgent = await loadBoard(lead.cookie, "?sort=agent");
    const names = byAgent.body!.rows.map((row) => row.agent.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect((await loadBoard(lead.cookie, `?team=${own.team.id}`)).body!.total).toBe(5);
  });

  test("a scenario minimum on a criterion holds back an otherwise passing attempt", async () => {
    const { lead, agents } = await world({ memberCount: 1 });
    // The competent late-delivery script asks for what it needs but never explores how the delay lands (exploration 1).
    await submit(lead.cookie, [
      ["kind", "scenario"],
      ["contentSlug", SCENARIO],
      ["dueDate", dateIn(4)],
      ["assignees", agents[0].user.id],
      ["minLevels[0].criterionId", "empathy.exploration"],
      ["minLevels[0].level", "2"],
    ]);
    await playScenario(agents[0].user.id, "competent");
    expect((await loadBoard(lead.cookie)).body!.rows[0].status).toBe("not-passed");
    // A lead's override lifts it.
    const criterion = await prisma.gradeCriterion.findFirstOrThrow({
      where: { criterionId: "empathy.exploration", grade: { attempt: { userId: agents[0].user.id } } },
    });
    await prisma.gradeCriterion.update({ where: { id: criterion.id }, data: { overrideLevel: 2 } });
    expect((await loadBoard(lead.cookie)).body!.rows[0].status).toBe("completed");
  });

  test("attempts from before the assignment don't count", async () => {
    const { lead, agents } = await world({ memberCount: 1 });
    await playScenario(agents[0].user.id, "competent", new Date(Date.now() - DAY_MS));
    await submit(lead.cookie, [
      ["kind", "scenario"],
      ["contentSlug", SCENARIO],
      ["dueDate", dateIn(4)],
      ["assignees", agents[0].user.id],
    ]);
    expect((await loadBoard(lead.cookie)).body!.rows[0].status).toBe("not-started");
  });

  test("a lead sees only their own teams' assignments, and other agents' ids find nothing", async () => {
    const mine = await world({ memberCount: 1 });
    const theirs = await world({ memberCount: 1 });
    await submit(mine.lead.cookie, moduleFields([["assignees", mine.agents[0].user.id]]));
    await submit(theirs.lead.cookie, moduleFields([["assignees", theirs.agents[0].user.id]]));
    const outcome = await loadBoard(mine.lead.cookie);
    expect(outcome.body!.rows.map((row) => row.agent.id)).toEqual([mine.agents[0].user.id]);
    expect((await loadBoard(mine.lead.cookie, `?agent=${theirs.agents[0].user.id}`)).body!.rows).toEqual([]);
    expect((await loadBoard(mine.lead.cookie, `?team=${theirs.own.team.id}`)).status).toBe(404);
  });

  test("an empty board and bad query values", async () => {
    const { lead } = await world({ memberCount: 1 });
    const empty = await loadBoard(lead.cookie);
    expect(empty.body).toMatchObject({ total: 0, rows: [] });
    for (const query of ["?status=finished", "?kind=video", "?sort=colour", "?page=0"]) {
      expect((await loadBoard(lead.cookie, query)).status).toBe(400);
    }
  });

  test("the redirect after creating confirms what happened", async () => {
    const { lead } = await world({ memberCount: 1 });
    const outcome = await loadBoard(lead.cookie, "?assigned=3&skipped=1");
    expect(outcome.body!.confirmation).toEqual({ assigned: 3, skipped: 1 });
  });
});

describe("an agent's own assignments", () => {
  test("Learn lists the modules and Practice the scenarios, each with status and due date", async () => {
    const { lead, agents } = await world({ memberCount: 2 });
    const [me, colleague] = agents;
    await submit(lead.cookie, moduleFields([["assignees", me.user.id]]));
    await submit(lead.cookie, [
      ["kind", "scenario"],
      ["contentSlug", SCENARIO],
      ["dueDate", dateIn(1)],
      ["assignees", me.user.id],
      ["assignees", colleague.user.id],
    ]);
    await playScenario(me.user.id, "poor");

    const practiceItems = (
      (await callRoute(practiceIndex.loader, { request: get("/practice", me.cookie) })).body as { assignments: Item[] }
    ).assignments;
    expect(practiceItems.map((item) => [item.kind, item.status])).toEqual([["scenario", "not-passed"]]);
    expect(practiceItems[0]).toMatchObject({ link: `/practice/scenarios/${SCENARIO}`, automatic: false, dueSoon: true });
    const learnItems = ((await callRoute(learnIndex.loader, { request: get("/learn", me.cookie) })).body as { assignments: Item[] })
      .assignments;
    expect(learnItems.map((item) => [item.kind, item.status])).toEqual([["module", "not-started"]]);
    expect(learnItems[0]).toMatchObject({ link: `/learn/modules/${moduleSlug()}`, title: modules[0].frontmatter.title });

    const theirs = (
      (await callRoute(practiceIndex.loader, { request: get("/practice", colleague.cookie) })).body as { assignments: Item[] }
    ).assignments;
    expect(theirs.map((item) => [item.kind, item.status])).toEqual([["scenario", "not-started"]]);
  });
});

describe("changing and withdrawing an assignment", () => {
  async function assignScenario(lead: { cookie: string }, agentId: string, extra: [string, string][] = []) {
    const created = await submit(lead.cookie, [
      ["kind", "scenario"],
      ["contentSlug", SCENARIO],
      ["dueDate", dateIn(3)],
      ["assignees", agentId],
      ...extra,
    ]);
    expect(created.status).toBe(302);
    return prisma.assignment.findFirstOrThrow({ where: { userId: agentId, contentSlug: SCENARIO } });
  }

  function change(cookie: string, id: string, fields: [string, string][]) {
    return callRoute<FormReply>(assignmentPage.action, {
      request: postForm(`/coaching/assignments/${id}`, [["intent", "change"], ...fields], cookie),
      params: { assignmentId: id },
    });
  }

  test("the agent sees the lead's bar on their card and the scenario page, in words", async () => {
    const { lead, agents } = await world({ memberCount: 1 });
    const me = agents[0];
    await assignScenario(lead, me.user.id, [["minScore", "80"]]);
    const items = (
      (await callRoute(practiceIndex.loader, { request: get("/practice", me.cookie) })).body as {
        assignments: (Item & { passBar: string })[];
      }
    ).assignments;
    expect(inEnglish(items[0].passBar)).toBe("score 80 or more");
    const page = await callRoute<{ assignmentBar: { passBar: string; automatic: boolean } | null }>(scenarioPage.loader, {
      request: get(`/practice/scenarios/${SCENARIO}`, me.cookie),
      params: { slug: SCENARIO },
    });
    expect({ ...page.body!.assignmentBar, passBar: inEnglish(page.body!.assignmentBar?.passBar ?? null) }).toMatchObject({
      passBar: "score 80 or more",
      automatic: false,
    });
  });

  test("extending and raising the bar tell the agent and are audited; nothing changed is refused", async () => {
    const { lead, agents } = await world({ memberCount: 1 });
    const me = agents[0];
    const assignment = await assignScenario(lead, me.user.id);

    const extended = await change(lead.cookie, assignment.id, [
      ["dueDate", dateIn(10)],
      ["note", "Take the week you need."],
    ]);
    expect(extended.status).toBe(302);
    const stored = await prisma.assignment.findUniqueOrThrow({ where: { id: assignment.id } });
    expect(stored.dueAt.toISOString().slice(0, 10)).toBe(dateIn(10));
    const told = await prisma.notification.findFirstOrThrow({ where: { userId: me.user.id, kind: "assignment-changed" } });
    expect(inEnglish(told.title)).toMatch(/^More time for “.+”, now due .+\. Your lead says: Take the week you need\.$/);
    expect(await prisma.auditEvent.count({ where: { action: "assignment.changed", targetId: assignment.id, actorId: lead.user.id } })).toBe(
      1,
    );

    const raised = await change(lead.cookie, assignment.id, [
      ["dueDate", dateIn(10)],
      ["minScore", "85"],
    ]);
    expect(raised.status).toBe(302);
    expect((await prisma.assignment.findUniqueOrThrow({ where: { id: assignment.id } })).minScore).toBe(85);
    const latest = await prisma.notification.findFirstOrThrow({
      where: { userId: me.user.id, kind: "assignment-changed" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect(inEnglish(latest.title)).toContain("to pass, score 85 or more");

    const same = await change(lead.cookie, assignment.id, [
      ["dueDate", dateIn(10)],
      ["minScore", "85"],
    ]);
    expect(same.status).toBe(400);
    const tooLow = await change(lead.cookie, assignment.id, [
      ["dueDate", dateIn(10)],
      ["minScore", "0"],
    ]);
    expect(tooLow.status).toBe(400);
    expect(tooLow.body?.result.error?.minScore?.map(inEnglish)).toEqual(["Enter a whole number from 1 to 100"]);
  });

  test("withdrawing removes it from the agent's list and the board, tells them and keeps it as history", async () => {
    const { lead, agents } = await world({ memberCount: 1 });
    const me = agents[0];
    const assignment = await assignScenario(lead, me.user.id);
    const withdrawn = await callRoute(assignmentPage.action, {
      request: post(`/coaching/assignments/${assignment.id}`, { intent: "withdraw" }, lead.cookie),
      params: { assignmentId: assignment.id },
    });
    expect(withdrawn.status).toBe(302);
    expect(withdrawn.location).toContain("notice=assignment-withdrawn");
    expect((await prisma.assignment.findUniqueOrThrow({ where: { id: assignment.id } })).withdrawnAt).not.toBeNull();
    const again = await callRoute(assignmentPage.action, {
      request: post(`/coaching/assignments/${assignment.id}`, { intent: "withdraw" }, lead.cookie),
      params: { assignmentId: assignment.id },
    });
    expect(again.status).toBe(404);
    const items = ((await callRoute(practiceIndex.loader, { request: get("/practice", me.cookie) })).body as { assignments: Item[] })
      .assignments;
    expect(items).toEqual([]);
    expect((await loadBoard(lead.cookie)).body!.total).toBe(0);
    expect(await prisma.notification.count({ where: { userId: me.user.id, kind: "assignment-withdrawn" } })).toBe(1);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "assignment.withdrawn", targetId: assignment.id } });
    expect(JSON.parse(audit.details)).toMatchObject({ contentSlug: SCENARIO, userId: me.user.id, assignedById: lead.user.id });
  });

  test("only the leads and admins who see it may change it, automatic practice included", async () => {
    const { lead, agents, other } = await world({ memberCount: 1 });
    const me = agents[0];
    const assignment = await assignScenario(lead, me.user.id);
    const stranger = await sessionCookieFor(other.lead.id);
    const params = { assignmentId: assignment.id };
    expect(
      (await callRoute(assignmentPage.loader, { request: get(`/coaching/assignments/${assignment.id}`, stranger), params })).status,
    ).toBe(404);
    expect(
      (await callRoute(assignmentPage.loader, { request: get(`/coaching/assignments/${assignment.id}`, me.cookie), params })).status,
    ).toBe(403);
    const guessed = await callRoute(assignmentPage.action, {
      request: post(`/coaching/assignments/${assignment.id}`, { intent: "withdraw" }, stranger),
      params,
    });
    expect(guessed.status).toBe(404);
    expect(await prisma.assignment.count({ where: { id: assignment.id } })).toBe(1);

    await prisma.assignment.update({
      where: { id: assignment.id },
      data: { source: "automatic", triggerCriterion: "empathy.exploration" },
    });
    const automaticWithdrawal = await callRoute(assignmentPage.action, {
      request: post(`/coaching/assignments/${assignment.id}`, { intent: "withdraw" }, lead.cookie),
      params,
    });
    expect(automaticWithdrawal.status).toBe(302);
    expect((await prisma.assignment.findUniqueOrThrow({ where: { id: assignment.id } })).withdrawnAt).not.toBeNull();
  });
});

describe("notifications", () => {
  test("the root loader carries the unread count into the shell", async () => {
    const { lead, agents } = await world({ memberCount: 1 });
    await submit(lead.cookie, moduleFields([["assignees", agents[0].user.id]]));
    const outcome = await callRoute<{ user: { unreadNotifications: number } | null }>(root.loader, { request: get("/", agents[0].cookie) });
    expect(outcome.body!.user!.unreadNotifications).toBe(1);
    const anonymous = await callRoute<{ user: null }>(root.loader, { request: get("/") });
    expect(anonymous.body!.user).toBeNull();
  });

  test("listed newest first; mark one read, then all", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    for (const n of [1, 2, 3]) {
      await notify(user.id, { kind: "feedback", title: `Feedback ${n}`, link: "/practice" });
      await prisma.notification.updateMany({
        where: { userId: user.id, title: `Feedback ${n}` },
        data: { createdAt: new Date(Date.now() - (10 - n) * 60_000) },
      });
    }
    const list = await callRoute<NotificationsData>(notificationsPage.loader, { request: get("/notifications", cookie) });
    // Shown on the person's own clock, and the page says which.
    expect(list.body!.timeZone).toBe(user.timeZone);
    expect(list.body!.notifications.map((item) => item.title)).toEqual(["Feedback 3", "Feedback 2", "Feedback 1"]);
    expect(list.body!.unread).toBe(3);

    const first = list.body!.notifications[0].id;
    const read = await callRoute(notificationsPage.action, { request: post("/notifications", { intent: "read", id: first }, cookie) });
    expect(read).toMatchObject({ status: 302, location: "/notifications?notice=notification-read" });
    expect(await unreadCount(user.id)).toBe(2);
    const readAt = (await prisma.notification.findUniqueOrThrow({ where: { id: first } })).readAt;
    await callRoute(notificationsPage.action, { request: post("/notifications", { intent: "read", id: first }, cookie) });
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: first } })).readAt).toEqual(readAt);

    const all = await callRoute(notificationsPage.action, { request: post("/notifications", { intent: "read-all" }, cookie) });
    expect(all).toMatchObject({ status: 302, location: "/notifications?notice=notifications-read&count=2" });
    expect(await unreadCount(user.id)).toBe(0);
    const again = await callRoute(notificationsPage.action, { request: post("/notifications?page=1", { intent: "read-all" }, cookie) });
    expect(again).toMatchObject({ status: 302, location: "/notifications?page=1&notice=nothing-unread" });
    const after = await callRoute<NotificationsData>(notificationsPage.loader, { request: get("/notifications", cookie) });
    expect(after.body!.notifications.every((item) => item.read)).toBe(true);
  });

  test("someone else's notification is a 404; a bad intent is a 400", async () => {
    const owner = await createUser();
    const other = await createUser();
    await notify(owner.id, { kind: "assigned", title: "Yours", link: "/learn" });
    const note = await prisma.notification.findFirstOrThrow({ where: { userId: owner.id } });
    const cookie = await sessionCookieFor(other.id);
    expect(
      (await callRoute(notificationsPage.action, { request: post("/notifications", { intent: "read", id: note.id }, cookie) })).status,
    ).toBe(404);
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: note.id } })).readAt).toBeNull();
    expect((await callRoute(notificationsPage.action, { request: post("/notifications", { intent: "shout" }, cookie) })).status).toBe(400);
    const theirList = await callRoute<NotificationsData>(notificationsPage.loader, { request: get("/notifications", cookie) });
    expect(theirList.body!.notifications).toEqual([]);
  });

  test("pages through many notifications", async () => {
    const user = await createUser();
    await prisma.notification.createMany({
      data: Array.from({ length: 25 }, (_, n) => ({ userId: user.id, kind: "feedback", title: `N${n}`, link: "/" })),
    });
    const cookie = await sessionCookieFor(user.id);
    const page2 = await callRoute<NotificationsData>(notificationsPage.loader, { request: get("/notifications?page=2", cookie) });
    expect(page2.body).toMatchObject({ total: 25, page: 2 });
    expect(page2.body!.notifications).toHaveLength(5);
    expect((await callRoute(notificationsPage.loader, { request: get("/notifications?page=zero", cookie) })).status).toBe(400);
  });

  test("a dedupe key makes notify idempotent", async () => {
    const user = await createUser();
    await notify(user.id, { kind: "feedback", title: "Once", link: "/", dedupeKey: `test:${user.id}` });
    await notify(user.id, { kind: "feedback", title: "Once", link: "/", dedupeKey: `test:${user.id}` });
    expect(await prisma.notification.count({ where: { userId: user.id } })).toBe(1);
  });

  test("reminders: due soon and overdue, each once, none for completed work", async () => {
    const { lead, agents } = await world({ memberCount: 1 });
    const me = agents[0].user;
    await submit(
      lead.cookie,
      moduleFields([["assignees", me.id]]).map(([key, value]): [string, string] => [key, key === "dueDate" ? dateIn(1) : value]),
    );
    await submit(lead.cookie, [
      ["kind", "scenario"],
      ["contentSlug", SCENARIO],
      ["dueDate", dateIn(1)],
      ["assignees", me.id],
    ]);
    await submit(lead.cookie, [
      ["kind", "module"],
      ["contentSlug", modules[1].slug],
      ["dueDate", dateIn(20)],
      ["assignees", me.id],
    ]);
    await playScenario(me.id, "competent");

    expect(await refreshReminders(me.id)).toBe(1);
    expect(await refreshReminders(me.id)).toBe(0);
    const dueSoon = await prisma.notification.findMany({ where: { userId: me.id, kind: "due-soon" } });
    expect(dueSoon).toHaveLength(1);
    expect(dueSoon[0].link).toBe(`/learn/modules/${moduleSlug()}`);

    const later = new Date(Date.now() + 3 * DAY_MS);
    expect(await refreshReminders(me.id, later)).toBe(1);
    expect(await refreshReminders(me.id, later)).toBe(0);
    expect(await prisma.notification.count({ where: { userId: me.id, kind: "overdue" } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: me.id, dedupeKey: { not: null } } })).toBe(2);
  });
});

describe("automatic practice", () => {
  test("after N misses in a row, one automatic assignment for the agent, with notes to them and their lead; not again", async () => {
    const { lead, agents, own } = await world({ memberCount: 1 });
    const me = agents[0].user;
    const start = Date.now() - 10 * DAY_MS;
    await playScenario(me.id, "poor", new Date(start));
    await playScenario(me.id, "poor", new Date(start + DAY_MS));
    expect(await runAutoPractice(me.id)).toEqual({ created: 0 });
    await playScenario(me.id, "poor", new Date(start + 2 * DAY_MS));

    const now = new Date();
    expect(await runAutoPractice(me.id, now)).toEqual({ created: 1 });
    const [auto] = await prisma.assignment.findMany({ where: { userId: me.id } });
    expect(auto).toMatchObject({ source: "automatic", assignedById: null, kind: "scenario" });
    expect(auto.triggerCriterion).toMatch(/^empathy\./);
    expect(auto.contentSlug).not.toBe(SCENARIO);
    expect(auto.dueAt.getTime()).toBe(now.getTime() + 7 * DAY_MS);
    expect(JSON.parse(auto.minLevels)).toEqual({ [auto.triggerCriterion!]: 1 });
    expect(await prisma.notification.count({ where: { userId: me.id, kind: "auto-assigned" } })).toBe(1);
    const leadNote = await prisma.notification.findFirstOrThrow({ where: { userId: lead.user.id, kind: "auto-assigned" } });
    expect(leadNote.link).toBe(`/coaching/assignments?agent=${me.id}`);
    expect(await prisma.auditEvent.count({ where: { action: "assignment.created", targetId: auto.id, actorId: null } })).toBe(1);

    // Running again for the same grading adds nothing.
    expect(await runAutoPractice(me.id)).toEqual({ created: 0 });
    const board = await loadBoard(lead.cookie, `?agent=${me.id}`);
    expect(board.body!.rows).toHaveLength(1);
    expect(board.body!.rows[0]).toMatchObject({ automatic: true, status: "not-started" });
    expect(own.team.autoAssignAfter).toBe(3);

    // Another miss moves on to another missed criterion with other content, never the same one twice.
    await playScenario(me.id, "poor", new Date(Date.now() + 1000));
    expect(await runAutoPractice(me.id, new Date(Date.now() + 2000))).toEqual({ created: 1 });
    const all = await prisma.assignment.findMany({ where: { userId: me.id }, orderBy: { createdAt: "asc" } });
    expect(all).toHaveLength(2);
    expect(all[1].triggerCriterion).not.toBe(auto.triggerCriterion);
    expect(`${all[1].kind}:${all[1].contentSlug}`).not.toBe(`${auto.kind}:${auto.contentSlug}`);
    expect(await prisma.assignment.count({ where: { userId: me.id, triggerCriterion: auto.triggerCriterion } })).toBe(1);
  });

  test("never assigns content the agent already has open, whoever assigned it", async () => {
    const { own, lead, agents } = await world({ memberCount: 2 });
    await prisma.team.update({ where: { id: own.team.id }, data: { autoAssignAfter: 2 } });
    const [control, assigned] = agents.map((agent) => agent.user.id);
    const start = Date.now() - 10 * DAY_MS;
    for (const userId of [control, assigned]) {
      await playScenario(userId, "poor", new Date(start));
      await playScenario(userId, "poor", new Date(start + DAY_MS));
    }
    expect(await runAutoPractice(control)).toEqual({ created: 1 });
    const usual = await prisma.assignment.findFirstOrThrow({ where: { userId: control } });

    // The lead had already assigned exactly what the rule would pick.
    const viewer = { id: lead.user.id, role: "lead" as const, ledTeamIds: [own.team.id] };
    const manual = await createAssignments(viewer, {
      kind: usual.kind as "scenario" | "module",
      contentSlug: usual.contentSlug,
      dueAt: new Date(Date.now() + 5 * DAY_MS),
      minScore: null,
      minLevels: {},
      userIds: [assigned],
      teamId: null,
    });
    expect(manual.status).toBe("ok");
    expect(await runAutoPractice(assigned)).toEqual({ created: 1 });
    const rows = await prisma.assignment.findMany({ where: { userId: assigned } });
    expect(rows.filter((row) => row.kind === usual.kind && row.contentSlug === usual.contentSlug)).toHaveLength(1);
    const automatic = rows.find((row) => row.source === "automatic")!;
    expect(`${automatic.kind}:${automatic.contentSlug}`).not.toBe(`${usual.kind}:${usual.contentSlug}`);
  });

  test("the team's threshold decides, and a success breaks the run", async () => {
    const { own, agents } = await world({ memberCount: 2 });
    await prisma.team.update({ where: { id: own.team.id }, data: { autoAssignAfter: 2 } });
    const start = Date.now() - 10 * DAY_MS;
    const [quick, mixed] = agents.map((agent) => agent.user.id);
    await playScenario(quick, "poor", new Date(start));
    await playScenario(quick, "poor", new Date(start + DAY_MS));
    expect(await runAutoPractice(quick)).toEqual({ created: 1 });

    await playScenario(mixed, "poor", new Date(start));
    await playScenario(mixed, "competent", new Date(start + DAY_MS));
    await playScenario(mixed, "poor", new Date(start + 2 * DAY_MS));
    expect(await runAutoPractice(mixed)).toEqual({ created: 0 });
  });

  test("deactivated people and people with no graded practice get nothing", async () => {
    const gone = await createUser({ deactivatedAt: new Date() });
    const fresh = await createUser();
    expect(await runAutoPractice(gone.id)).toEqual({ created: 0 });
    expect(await runAutoPractice(fresh.id)).toEqual({ created: 0 });
  });
});
