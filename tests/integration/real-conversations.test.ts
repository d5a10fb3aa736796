// Real conversations through the routes: a lead imports a Zendesk export, the conversations are masked,
// graded and stored once however often the file comes in, and they flow through the same review queue
// and grade page as practice, with the same overrides, and nobody outside the agent's scope sees them.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { IMPORT_STREAM_TYPE } from "~/domain/imports.ts";
import { revealOriginals } from "~/models/real-conversation.server.ts";
import * as conversationSettings from "~/routes/admin+/conversations.tsx";
import * as importProgress from "~/routes/coaching+/conversations.import-progress.ts";
import * as importPage from "~/routes/coaching+/conversations.import.tsx";
import * as reviewQueue from "~/routes/coaching+/reviews._index.tsx";
import * as attemptPage from "~/routes/practice+/attempts.$attemptId.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createTeamWithLead, createUser } from "../factories/index.ts";
import { callRoute, get, post, sessionCookieFor, upload } from "./request.ts";

type Report = {
  system: string;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: { line: number; reason: string; field?: string }[];
  unknownAgents: { email: string; conversations: number }[];
  outsideTeams: { email: string; conversations: number }[];
};
type QueueData = Awaited<ReturnType<typeof reviewQueue.loader>>;
type AttemptData = Awaited<ReturnType<typeof attemptPage.loader>>;

const STAMP = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const KEY = "11".repeat(32);
let previousKey: string | undefined;

type Comment = { author_id: number; body: string; created_at: string; public?: boolean };
const ticket = (id: number, assignee: number, subject: string, comments: Comment[]) => ({
  id,
  subject,
  via: { channel: "email" },
  requester_id: 1,
  assignee_id: assignee,
  created_at: comments[0]?.created_at,
  comments: comments.map((comment, index) => ({ id: id * 100 + index, public: true, ...comment })),
});
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 2, 9, 0) + minutes * 60_000).toISOString();

let fx: {
  agentEmail: string;
  agentId: string;
  otherAgentEmail: string;
  leadCookie: string;
  otherLeadCookie: string;
  agentCookie: string;
  adminCookie: string;
  leadId: string;
  adminId: string;
};

function zendeskExport(
  refundReply = "I'm sorry, Maria, that's not the service you should get. I've refunded the full $40 today; you'll see it within 5 business days. Does that work for you?",
) {
  const base = 9_000_000 + Math.floor(Math.random() * 1_000_000);
  return {
    ids: [base + 1, base + 2],
    text: JSON.stringify({
      tickets: [
        ticket(base + 1, 2, "Refund for a double charge", [
          {
            author_id: 1,
            body: "Hi, I was charged twice for order 48213. My email is maria.lopez@example.com and my number is +44 20 7946 0958.",
            created_at: at(0),
          },
          { author_id: 2, body: refundReply, created_at: at(45) },
          { author_id: 2, body: "Internal: refund approved by finance.", created_at: at(46), public: false },
        ]),
        ticket(base + 2, 2, "Can't log in", [
          { author_id: 1, body: "I can't log in since the update, it says my password is wrong.", created_at: at(100) },
          {
            author_id: 2,
            body: "That's annoying when you just want to get in. Could you tell me which device you're using?",
            created_at: at(110),
          },
          { author_id: 1, body: "An iPhone 13.", created_at: at(120) },
          {
            author_id: 2,
            body: "Thanks. Please reset it from the link on the sign-in page; it works on iPhone right away.",
            created_at: at(125),
          },
        ]),
        ticket(base + 3, 3, "Unknown agent's ticket", [
          { author_id: 1, body: "Where is my parcel?", created_at: at(200) },
          { author_id: 3, body: "It's on its way and should arrive tomorrow.", created_at: at(230) },
        ]),
        ticket(base + 4, 4, "Other team's ticket", [
          { author_id: 1, body: "My discount code doesn't work.", created_at: at(300) },
          { author_id: 4, body: "Sorry about that, I've applied the discount to your order.", created_at: at(310) },
        ]),
        { id: base + 5, subject: "Broken record", comments: [{ author_id: 1, body: "No date here" }] },
      ],
      users: [
        { id: 1, name: "Maria Lopez", email: "maria.lopez@example.com", role: "end-user" },
        { id: 2, name: "Agent", email: fx.agentEmail, role: "agent" },
        { id: 3, name: "Stranger", email: `stranger-${STAMP}@elsewhere.example`, role: "agent" },
        { id: 4, name: "Other", email: fx.otherAgentEmail, role: "agent" },
      ],
    }),
  };
}

async function importAs(cookie: string, file: { name: string; content: string | Uint8Array }) {
  return callRoute(importPage.action, { request: upload("/coaching/conversations/import", { intent: "import" }, { file }, cookie) });
}

async function importReport(cookie: string, text: string): Promise<Report> {
  const result = await importAs(cookie, { name: "tickets.json", content: text });
  expect(result.status).toBe(200);
  return (result.body as { report: Report }).report;
}

const ticketAttempt = (externalId: number) =>
  prisma.practiceAttempt.findFirstOrThrow({
    where: { ticket: { system: "zendesk", externalId: String(externalId) } },
    select: {
      id: true,
      source: true,
      userId: true,
      reviewedAt: true,
      turns: { orderBy: { index: "asc" }, select: { speaker: true, text: true, replyMs: true } },
      grade: {
        select: {
          id: true,
          overallScore: true,
          criteria: { select: { id: true, criterionId: true, evidence: true, applicable: true, level: true, critical: true } },
        },
      },
      ticket: { select: { maskedCount: true, sealedOriginals: true, subject: true } },
    },
  });

beforeAll(async () => {
  previousKey = process.env.PERSONAL_DATA_KEY;
  process.env.PERSONAL_DATA_KEY = KEY;
  const { lead, members } = await createTeamWithLead({ memberCount: 1 });
  const other = await createTeamWithLead({ memberCount: 1 });
  const admin = await createUser({ role: "admin" });
  fx = {
    agentEmail: members[0].email,
    agentId: members[0].id,
    otherAgentEmail: other.members[0].email,
    leadId: lead.id,
    adminId: admin.id,
    leadCookie: await sessionCookieFor(lead.id),
    otherLeadCookie: await sessionCookieFor(other.lead.id),
    agentCookie: await sessionCookieFor(members[0].id),
    adminCookie: await sessionCookieFor(admin.id),
  };
});

afterAll(() => {
  if (previousKey === undefined) delete process.env.PERSONAL_DATA_KEY;
  else process.env.PERSONAL_DATA_KEY = previousKey;
});

describe("importing a Zendesk export", () => {
  test("stores the lead's agents' tickets, lists unknown and out-of-team agents, and reports the bad record", async () => {
    const file = zendeskExport();
    const report = await importReport(fx.leadCookie, file.text);
    expect(report).toMatchObject({ system: "zendesk", total: 4, created: 2, updated: 0, unchanged: 0 });
    expect(report.unknownAgents).toEqual([{ email: `stranger-${STAMP}@elsewhere.example`, conversations: 1 }]);
    expect(report.outsideTeams).toEqual([{ email: fx.otherAgentEmail.toLowerCase(), conversations: 1 }]);
    expect(report.errors).toEqual([expect.objectContaining({ line: 5 })]);

    const refund = await ticketAttempt(file.ids[0]);
    expect(refund).toMatchObject({ source: "real", userId: fx.agentId });
    // The private note is not part of the conversation.
    expect(refund.turns.map((turn) => turn.speaker)).toEqual(["customer", "agent"]);
    expect(refund.turns[1].replyMs).toBe(45 * 60_000);
    const stored = JSON.stringify(refund);
    for (const personal of ["maria.lopez@example.com", "7946 0958", "Maria"]) expect(stored).not.toContain(personal);
    expect(refund.turns[0].text).toContain("[email]");
    expect(refund.turns[0].text).toContain("[phone]");
    expect(refund.turns[1].text).toContain("[name]");
    expect(refund.ticket!.maskedCount).toBe(3);
    // The name was read before masking: the agent used it, and the grade says so.
    const personalisation = refund.grade!.criteria.find((criterion) => criterion.criterionId === "communication.personalisation")!;
    expect(personalisation.level).toBe(2);
    expect(refund.grade!.criteria.find((criterion) => criterion.criterionId === "resolution.correct-fix")!.applicable).toBe(false);

    const audit = await prisma.auditEvent.findFirst({
      where: { action: "conversations.imported", actorId: fx.leadId },
      orderBy: { createdAt: "desc" },
    });
    expect(audit?.details).toContain('"created":2');
  });

  test("importing the same tickets again changes nothing; a ticket that changed is graded afresh", async () => {
    const file = zendeskExport();
    await importReport(fx.leadCookie, file.text);
    const again = await importReport(fx.leadCookie, file.text);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const before = await ticketAttempt(file.ids[0]);

    const changed = file.text.replace("Does that work for you?", "Anything else?");
    const third = await importReport(fx.leadCookie, changed);
    expect(third).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const after = await ticketAttempt(file.ids[0]);
    expect(after.id).toBe(before.id);
    expect(after.grade!.id).not.toBe(before.grade!.id);
    expect(await prisma.realTicket.count({ where: { externalId: String(file.ids[0]) } })).toBe(1);
  });

  test("streams its progress when the page asks for it", async () => {
    const file = zendeskExport();
    const result = await callRoute(importProgress.action, {
      request: upload(
        "/coaching/conversations/import-progress",
        { intent: "import" },
        { file: { name: "tickets.json", content: file.text } },
        fx.leadCookie,
      ),
    });
    expect(result.headers?.get("Content-Type")).toBe(IMPORT_STREAM_TYPE);
    expect(result.status).toBe(200);
    const lines = String(result.body)
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { type: string; done?: number; total?: number; report?: Report });
    expect(lines.filter((line) => line.type === "progress").at(-1)).toMatchObject({ done: 4, total: 4 });
    expect(lines.at(-1)).toMatchObject({ type: "done", report: { created: 2 } });
  });

  test("refuses a missing, empty, foreign or non-UTF-8 file with a message on the field", async () => {
    for (const file of [
      { name: "tickets.json", content: "" },
      { name: "tickets.xlsx", content: "{}" },
      { name: "tickets.json", content: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) },
    ]) {
      const result = await importAs(fx.leadCookie, file);
      expect(result.status).toBe(400);
      expect((result.body as { result: { error: Record<string, string[]> } }).result.error.file?.length).toBeGreaterThan(0);
    }
    const none = await callRoute(importPage.action, {
      request: post("/coaching/conversations/import", { intent: "import" }, fx.leadCookie),
    });
    expect(none.status).toBe(400);
  });

  test("is for leads and admins only", async () => {
    const file = zendeskExport();
    expect((await importAs(fx.agentCookie, { name: "tickets.json", content: file.text })).status).toBe(403);
    const progress = await callRoute(importProgress.action, {
      request: upload(
        "/coaching/conversations/import-progress",
        { intent: "import" },
        { file: { name: "t.json", content: file.text } },
        fx.agentCookie,
      ),
    });
    expect(progress.status).toBe(403);
    expect((await callRoute(importPage.loader, { request: get("/coaching/conversations/import", fx.agentCookie) })).status).toBe(403);
    expect((await callRoute(importPage.loader, { request: get("/coaching/conversations/import", fx.adminCookie) })).status).toBe(200);
    // An admin may import anyone's tickets.
    expect(await importReport(fx.adminCookie, file.text)).toMatchObject({ created: 3, outsideTeams: [] });
  });
});

describe("reviewing real conversations", () => {
  test("the queue filters by source, and the grade page shows the ticket to the agent and their lead only", async () => {
    const file = zendeskExport();
    await importReport(fx.leadCookie, file.text);
    const { id } = await ticketAttempt(file.ids[1]);
    const queue = async (query: string) =>
      (await callRoute<QueueData>(reviewQueue.loader, { request: get(`/coaching/reviews?show=all${query}`, fx.leadCookie) })).body!;
    expect((await queue("&source=real")).rows.map((row) => row.id)).toContain(id);
    expect((await queue("&source=practice")).rows.map((row) => row.id)).not.toContain(id);
    expect((await callRoute(reviewQueue.loader, { request: get("/coaching/reviews?source=helpdesk", fx.leadCookie) })).status).toBe(400);

    const page = (cookie: string) =>
      callRoute<AttemptData>(attemptPage.loader, { request: get(`/practice/attempts/${id}`, cookie), params: { attemptId: id } });
    const own = await page(fx.agentCookie);
    expect(own.status).toBe(200);
    expect(own.body!.setting).toMatchObject({ slug: null, ticket: { externalId: String(file.ids[1]) } });
    expect((await page(fx.leadCookie)).status).toBe(200);
    expect((await page(fx.otherLeadCookie)).status).toBe(404);
  });

  test("a lead overrides a criterion of a real conversation; nobody can reply to it", async () => {
    const file = zendeskExport();
    await importReport(fx.leadCookie, file.text);
    const attempt = await ticketAttempt(file.ids[1]);
    const criterion = attempt.grade!.criteria.find((row) => row.applicable && !row.critical && row.level < 2)!;
    const url = `/practice/attempts/${attempt.id}`;
    const override = await callRoute(attemptPage.action, {
      request: post(
        url,
        {
          intent: "override",
          criterionId: criterion.criterionId,
          level: String(criterion.level + 1),
          reason: "The device question was the right first step.",
        },
        fx.leadCookie,
      ),
      params: { attemptId: attempt.id },
    });
    expect(override.status).toBe(302);
    const row = await prisma.gradeCriterion.findUniqueOrThrow({
      where: { id: criterion.id },
      select: { overrideLevel: true, level: true },
    });
    expect(row).toEqual({ overrideLevel: criterion.level + 1, level: criterion.level });
    const reply = await callRoute(attemptPage.action, {
      request: post(url, { intent: "reply", expectedIndex: "4", text: "One more thing" }, fx.agentCookie),
      params: { attemptId: attempt.id },
    });
    expect(reply.status).toBe(409);
  });
});

describe("masked personal data", () => {
  test("an admin reveals what was masked, with the key configured, and the reveal is audited", async () => {
    const file = zendeskExport();
    await importReport(fx.leadCookie, file.text);
    const { id } = await ticketAttempt(file.ids[0]);
    const originals = await revealOriginals(fx.adminId, id);
    expect(originals?.[0].map((span) => span.original)).toEqual(["maria.lopez@example.com", "+44 20 7946 0958"]);
    expect(await prisma.auditEvent.count({ where: { action: "conversations.revealed", targetId: id } })).toBe(1);
    process.env.PERSONAL_DATA_KEY = "22".repeat(32);
    expect(await revealOriginals(fx.adminId, id)).toBeNull();
    process.env.PERSONAL_DATA_KEY = KEY;
  });
});

describe("the suggested sample", () => {
  test("leads with the real conversation that failed a critical rule, and says why", async () => {
    const file = zendeskExport();
    const now = new Date();
    const recent = file.text.replace(/2026-11-02T/g, `${now.toISOString().slice(0, 10)}T`);
    await importReport(fx.leadCookie, recent);
    const { id: attemptId } = await ticketAttempt(file.ids[1]);
    await prisma.practiceAttempt.update({ where: { id: attemptId }, data: { startedAt: new Date(now.getTime() - 60_000) } });
    await prisma.practiceGrade.update({ where: { attemptId }, data: { criticalFailures: JSON.stringify(["critical.no-rudeness"]) } });
    const sample = (
      await callRoute<QueueData>(reviewQueue.loader, { request: get("/coaching/reviews?show=sample&source=real", fx.leadCookie) })
    ).body!;
    const row = sample.rows.find((candidate) => candidate.id === attemptId);
    expect(row?.reasons).toContain("critical-failure");
    expect(sample.rows[0].reasons[0]).toBe("critical-failure");
  });
});

describe("import settings", () => {
  const save = (cookie: string, fields: Record<string, string>) =>
    callRoute(conversationSettings.action, { request: post("/admin/conversations", { intent: "settings", ...fields }, cookie) });

  test("an admin lists names to mask; the next import masks them", async () => {
    const saved = await save(fx.adminCookie, { maskedNames: "Priya Raman\n\nPriya Raman\n", retentionDays: "" });
    expect(saved.status).toBe(302);
    const file = zendeskExport("Thanks, I'll ask Priya Raman in billing to confirm the refund today.");
    await importReport(fx.leadCookie, file.text);
    const refund = await ticketAttempt(file.ids[0]);
    expect(refund.turns[1].text).toContain("ask [name] in billing");
    await save(fx.adminCookie, { maskedNames: "", retentionDays: "" });
  });

  test("refuses a retention that is not a whole number of days, and anyone but an admin", async () => {
    const bad = await save(fx.adminCookie, { retentionDays: "0.5" });
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.body as { result: { error: Record<string, string[]> } }).result.error)).toEqual(["retentionDays"]);
    expect((await save(fx.leadCookie, { retentionDays: "30" })).status).toBe(403);
  });

  test("a retention period deletes conversations imported before it, and the audit log says how many", async () => {
    const file = zendeskExport();
    await importReport(fx.leadCookie, file.text);
    const old = await ticketAttempt(file.ids[0]);
    await prisma.realTicket.update({ where: { attemptId: old.id }, data: { importedAt: new Date(Date.now() - 40 * 86_400_000) } });
    const saved = await save(fx.adminCookie, { maskedNames: "", retentionDays: "30" });
    expect(saved.location).toMatch(/notice=import-settings-saved&count=[1-9]/);
    expect(await prisma.practiceAttempt.count({ where: { id: old.id } })).toBe(0);
    expect(await prisma.realTicket.count({ where: { externalId: String(file.ids[1]) } })).toBe(1);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "conversations.expired" }, orderBy: { createdAt: "desc" } });
    expect(audit.details).toContain('"retentionDays":30');
    await save(fx.adminCookie, { maskedNames: "", retentionDays: "" });
  });
});

describe("automatic practice", () => {
  test("fires from real conversations that miss the same criterion, as it does from practice", async () => {
    const { lead, members } = await createTeamWithLead({ memberCount: 1 });
    const cookie = await sessionCookieFor(lead.id);
    const now = Date.now();
    const conversation = (n: number) => ({
      id: `auto-${STAMP}-${n}`,
      channel: "chat",
      agentEmail: members[0].email,
      messages: [
        {
          author: "customer",
          at: new Date(now - (10 - n) * 3_600_000).toISOString(),
          text: "My parcel is late again and I'm really upset.",
        },
        { author: "agent", at: new Date(now - (10 - n) * 3_600_000 + 60_000).toISOString(), text: "Send the order number." },
      ],
    });
    const file = JSON.stringify({ version: 1, conversations: [1, 2, 3].map(conversation) });
    expect(await importReport(cookie, file)).toMatchObject({ created: 3 });
    const assigned = await prisma.assignment.findMany({
      where: { userId: members[0].id, source: "automatic" },
      select: { triggerCriterion: true },
    });
    expect(assigned).toHaveLength(1);
    // The criterion that triggered it was missed in all three real conversations.
    const misses = await prisma.gradeCriterion.findMany({
      where: { criterionId: assigned[0].triggerCriterion!, grade: { attempt: { userId: members[0].id, source: "real" } } },
      select: { level: true },
    });
    expect(misses.map((miss) => miss.level)).toEqual([0, 0, 0]);
  });
});
