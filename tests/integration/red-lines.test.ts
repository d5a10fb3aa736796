// The organisation's red lines through the routes: an admin keeps the list (validated, audited, removal
// confirmed), the practice page hands them to the reply box, and a reply that sends one is graded as the
// harm it is, in either Chinese script.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { listRedLines } from "~/models/red-line.server.ts";
import * as grader from "~/routes/admin+/grader.tsx";
import * as attemptPage from "~/routes/practice+/attempts.$attemptId.tsx";
import * as scenarioPage from "~/routes/practice+/scenarios.$slug.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createUser } from "../factories/index.ts";
import { callRoute, get, post, sessionCookieFor } from "./request.ts";

type GraderData = Awaited<ReturnType<typeof grader.loader>>;
type AttemptData = Awaited<ReturnType<typeof attemptPage.loader>>;

const STAMP = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const PHRASE = `you should have read the manual ${STAMP}`;
const SLUG = "damaged-item-deadline";

let adminCookie: string;
let agentCookie: string;

const addRedLine = (cookie: string, fields: Record<string, string>) =>
  callRoute(grader.action, { request: post("/admin/grader", { intent: "add-red-line", ...fields }, cookie) });

beforeAll(async () => {
  adminCookie = await sessionCookieFor((await createUser({ role: "admin" })).id);
  agentCookie = await sessionCookieFor((await createUser()).id);
});

afterAll(async () => {
  await prisma.redLinePhrase.deleteMany({ where: { phrase: { contains: STAMP } } });
});

describe("keeping the list", () => {
  test("an admin adds a phrase; a duplicate or a half-filled form is a 400 on its fields", async () => {
    const added = await addRedLine(adminCookie, {
      phrase: PHRASE,
      kind: "blame",
      reason: "Blames the customer; offer to walk them through it.",
    });
    expect(added.status).toBe(302);
    expect(added.location).toContain("notice=red-line-added");
    const again = await addRedLine(adminCookie, { phrase: PHRASE, kind: "blame", reason: "Twice is once too many." });
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.body)).toContain("admin:redLines.validation.duplicate");
    const half = await addRedLine(adminCookie, { phrase: "x", kind: "rude" });
    expect(half.status).toBe(400);
    const errors = (half.body as { result: { error: Record<string, string[]> } }).result.error;
    expect(Object.keys(errors).sort()).toEqual(["kind", "phrase", "reason"]);
    const page = await callRoute<GraderData>(grader.loader, { request: get("/admin/grader", adminCookie) });
    expect(page.body!.redLines.map((row) => row.phrase)).toContain(PHRASE);
    expect(await prisma.auditEvent.count({ where: { action: "grader.red-line-added", summary: { contains: STAMP } } })).toBe(1);
  });

  test("only admins keep it", async () => {
    expect((await addRedLine(agentCookie, { phrase: `${PHRASE} 2`, kind: "blame", reason: "Not theirs to add." })).status).toBe(403);
    expect((await callRoute(grader.loader, { request: get("/admin/grader", agentCookie) })).status).toBe(403);
  });

  test("removing one asks first, then removes it; a guessed id is a 404", async () => {
    await addRedLine(adminCookie, {
      phrase: `guaranteed refund ${STAMP}`,
      kind: "forbidden-promise",
      reason: "Refunds follow the policy checks.",
    });
    const row = await prisma.redLinePhrase.findUniqueOrThrow({ where: { phrase: `guaranteed refund ${STAMP}` } });
    const asking = await callRoute<GraderData>(grader.loader, { request: get(`/admin/grader?confirm=${row.id}`, adminCookie) });
    expect(asking.body!.confirming).toBe(row.id);
    const removed = await callRoute(grader.action, {
      request: post("/admin/grader", { intent: "remove-red-line", redLineId: row.id }, adminCookie),
    });
    expect(removed.status).toBe(302);
    expect(await prisma.redLinePhrase.count({ where: { id: row.id } })).toBe(0);
    const guessed = await callRoute(grader.action, {
      request: post("/admin/grader", { intent: "remove-red-line", redLineId: row.id }, adminCookie),
    });
    expect(guessed.status).toBe(404);
  });

  test("a Chinese phrase is matched in both scripts", async () => {
    await addRedLine(adminCookie, { phrase: `这是您自己的问题${STAMP}`, kind: "blame", reason: "责怪客户解决不了问题。" });
    const line = (await listRedLines()).find((candidate) => candidate.phrase.startsWith("这是您自己的问题"))!;
    expect(line.variants).toEqual(expect.arrayContaining([`这是您自己的问题${STAMP}`, `這是您自己的問題${STAMP}`]));
  });
});

describe("in practice", () => {
  test("the reply box gets the list, and a reply that sends a red line fails the rule it breaks", async () => {
    const start = await callRoute(scenarioPage.action, {
      request: post(`/practice/scenarios/${SLUG}`, { intent: "start" }, agentCookie),
      params: { slug: SLUG },
    });
    const id = /\/practice\/attempts\/([^/#?]+)$/.exec(start.location ?? "")![1];
    const page = await callRoute<AttemptData>(attemptPage.loader, {
      request: get(`/practice/attempts/${id}`, agentCookie),
      params: { attemptId: id },
    });
    expect(page.body!.redLines.map((line) => line.phrase)).toContain(PHRASE);
    const text = `I'm sorry it broke. Honestly, ${PHRASE}.`;
    const sent = await callRoute(attemptPage.action, {
      request: post(`/practice/attempts/${id}`, { intent: "reply", expectedIndex: "1", text }, agentCookie),
      params: { attemptId: id },
    });
    expect(sent.status).toBe(302);
    await callRoute(attemptPage.action, {
      request: post(`/practice/attempts/${id}`, { intent: "end" }, agentCookie),
      params: { attemptId: id },
    });
    const rudeness = await prisma.gradeCriterion.findFirstOrThrow({
      where: { grade: { attemptId: id }, criterionId: "critical.no-rudeness" },
    });
    expect(rudeness.level).toBe(0);
    expect(rudeness.evidence).toContain(PHRASE);
  });
});
