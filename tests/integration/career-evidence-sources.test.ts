// Career evidence by source: real conversations count towards readiness beside practice, the page says
// where each competency's evidence came from, and a promotion that rests on automatic grades alone is
// refused until a person has reviewed the conversations behind it.
import { beforeAll, describe, expect, test } from "vitest";
import { importConversations, prepareImport } from "~/models/real-conversation.server.ts";
import * as nominationPage from "~/routes/admin+/promotions.$nominationId.tsx";
import * as careerPage from "~/routes/career+/_index.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createTeamWithLead, createUser } from "../factories/index.ts";
import { gradedAttempt } from "./career-fixtures.ts";
import { callRoute, get, post, sessionCookieFor } from "./request.ts";

type CareerData = Awaited<ReturnType<typeof careerPage.loader>>;
type NominationData = Awaited<ReturnType<typeof nominationPage.loader>>;

let agent: { id: string; email: string; cookie: string };
let adminCookie: string;
let nominationId: string;

/** A real conversation answered by the agent, imported through the model. */
async function importRealConversation(importerId: string, email: string, id: string) {
  // Newer than the practice, so it is among the conversations each competency's average reads.
  const at = (minutes: number) => new Date(Date.now() - 60 * 60_000 + minutes * 60_000).toISOString();
  const file = JSON.stringify({
    version: 1,
    conversations: [
      {
        id,
        channel: "chat",
        agentEmail: email,
        messages: [
          { author: "customer", at: at(0), text: "My order arrived broken and I'm really upset." },
          { author: "agent", at: at(1), text: "I'm so sorry, that's really disappointing. What was damaged?" },
          { author: "customer", at: at(2), text: "The lid is cracked." },
          { author: "agent", at: at(3), text: "I've sent a new one today; it arrives by Friday. Does that work for you?" },
        ],
      },
    ],
  });
  const prepared = await prepareImport(new File([file], "real.json"));
  if (prepared.status !== "ok") throw new Error("the file should import");
  await importConversations({ id: importerId, scope: { kind: "everyone" } }, prepared);
}

beforeAll(async () => {
  const { lead, team } = await createTeamWithLead({ memberCount: 0 });
  const person = await createUser({ teamId: team.id, level: "agent-2" });
  agent = { id: person.id, email: person.email, cookie: await sessionCookieFor(person.id) };
  const admin = await createUser({ role: "admin" });
  adminCookie = await sessionCookieFor(admin.id);
  for (let day = 2; day <= 8; day++) {
    await gradedAttempt(person.id, {
      levels: { empathy: 2, resolution: 2, "de-escalation": 2 },
      scenarioSlug: "late-delivery",
      daysAgo: day,
    });
  }
  await importRealConversation(admin.id, person.email, `sources-${person.id}`);
  nominationId = (
    await prisma.nomination.create({
      data: {
        agentId: person.id,
        nominatedById: lead.id,
        level: "senior-agent",
        justification: "Ready on the evidence.",
        status: "pending",
      },
      select: { id: true },
    })
  ).id;
});

describe("evidence by source", () => {
  test("the agent's readiness counts a real conversation beside practice, and says none was reviewed", async () => {
    const career = await callRoute<CareerData>(careerPage.loader, { request: get("/career", agent.cookie) });
    expect(career.status).toBe(200);
    const empathy = JSON.stringify(career.body).match(/"sources":\{"practice":(\d+),"real":(\d+),"reviewed":(\d+)\}/);
    expect(empathy).not.toBeNull();
    expect(Number(empathy![2])).toBeGreaterThanOrEqual(1);
    expect(Number(empathy![3])).toBe(0);
  });
});

describe("approving a promotion", () => {
  const decide = () =>
    callRoute(nominationPage.action, {
      request: post(
        `/admin/promotions/${nominationId}`,
        { intent: "decide", decision: "approve", note: "", confirmed: "yes" },
        adminCookie,
      ),
      params: { nominationId },
    });

  test("is refused while the evidence behind a competency is automatic only, and the page says which", async () => {
    const page = await callRoute<NominationData>(nominationPage.loader, {
      request: get(`/admin/promotions/${nominationId}`, adminCookie),
      params: { nominationId },
    });
    expect(page.body!.unreviewed.length).toBeGreaterThan(0);
    const refused = await decide();
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain("career:refusal.automaticOnly");
    expect((await prisma.nomination.findUniqueOrThrow({ where: { id: nominationId } })).status).toBe("pending");
  });

  test("goes through once a person has reviewed the conversations", async () => {
    await prisma.practiceAttempt.updateMany({ where: { userId: agent.id }, data: { reviewedAt: new Date() } });
    const approved = await decide();
    expect(approved.status, JSON.stringify(approved.body)).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: agent.id } })).level).toBe("senior-agent");
  });
});
