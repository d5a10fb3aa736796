// A practice scenario drafted from a real conversation, through the routes: the lead's draft comes from
// the masked transcript, the form refuses what content:check would refuse, a download is the YAML of a
// content file, and saving makes a versioned scenario that practice uses. Only the agent's leads may.
import { beforeAll, describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import { ScenarioSchema } from "~/content/practice-schemas.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";
import * as draftPage from "~/routes/coaching+/conversations.$attemptId.scenario.tsx";
import * as importPage from "~/routes/coaching+/conversations.import.tsx";
import * as editPage from "~/routes/coaching+/scenarios.$slug.edit.tsx";
import * as scenarioPage from "~/routes/practice+/scenarios.$slug.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createTeamWithLead } from "../factories/index.ts";
import { callRoute, get, post, sessionCookieFor, upload } from "./request.ts";

type DraftData = Awaited<ReturnType<typeof draftPage.loader>>;
type Reply = { intent: string; result: { error?: Record<string, string[]> } };

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 2, 9, 0) + minutes * 60_000).toISOString();

let fx: { leadCookie: string; otherLeadCookie: string; agentCookie: string; attemptId: string; leadId: string };

/** The form's values as the browser posts them: Conform's names, lists and checkboxes as typed. */
function formFields(value: unknown, prefix = ""): [string, string][] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value))
    return value.every((item) => typeof item === "string")
      ? value.map((item) => [prefix, item as string])
      : value.flatMap((item, index) => formFields(item, `${prefix}[${index}]`));
  if (typeof value === "object") return Object.entries(value).flatMap(([key, item]) => formFields(item, prefix ? `${prefix}.${key}` : key));
  return [[prefix, String(value)]];
}

async function loadDraft(cookie: string, attemptId = fx.attemptId) {
  return callRoute<DraftData | undefined>(draftPage.loader, {
    request: get(`/coaching/conversations/${attemptId}/scenario`, cookie),
    params: { attemptId },
  });
}

async function submit(cookie: string, fields: [string, string][], then: "save" | "download") {
  return callRoute(draftPage.action, {
    request: post(`/coaching/conversations/${fx.attemptId}/scenario`, [["intent", "scenario"], ["then", then], ...fields], cookie),
    params: { attemptId: fx.attemptId },
  });
}

const replace = (fields: [string, string][], name: string, value: string): [string, string][] =>
  fields.map(([key, current]) => [key, key === name ? value : current]);

beforeAll(async () => {
  const { lead, members } = await createTeamWithLead({ memberCount: 1 });
  const other = await createTeamWithLead({ memberCount: 0 });
  fx = {
    leadId: lead.id,
    leadCookie: await sessionCookieFor(lead.id),
    otherLeadCookie: await sessionCookieFor(other.lead.id),
    agentCookie: await sessionCookieFor(members[0].id),
    attemptId: "",
  };
  const file = JSON.stringify({
    tickets: [
      {
        id: 77_001,
        subject: "Blender arrived cracked",
        via: { channel: "email" },
        requester_id: 1,
        assignee_id: 2,
        comments: [
          {
            id: 1,
            author_id: 1,
            public: true,
            created_at: at(0),
            body: "My blender arrived with a cracked jug. Call me on +44 7700 900123, I need it by Saturday!",
          },
          {
            id: 2,
            author_id: 2,
            public: true,
            created_at: at(30),
            body: "I'm sorry it arrived damaged. Could you send me your order number?",
          },
          { id: 3, author_id: 1, public: true, created_at: at(40), body: "It's 48213." },
          {
            id: 4,
            author_id: 2,
            public: true,
            created_at: at(50),
            body: "Thanks. I'll send a replacement jug by express delivery today, so it arrives by Friday.",
          },
        ],
      },
    ],
    users: [
      { id: 1, name: "Maria Lopez", email: "maria.lopez@example.com", role: "end-user" },
      { id: 2, name: "Agent", email: members[0].email, role: "agent" },
    ],
  });
  const imported = await callRoute(importPage.action, {
    request: upload(
      "/coaching/conversations/import",
      { intent: "import" },
      { file: { name: "tickets.json", content: file } },
      fx.leadCookie,
    ),
  });
  expect(imported.status).toBe(200);
  fx.attemptId = (await prisma.practiceAttempt.findFirstOrThrow({ where: { ticket: { externalId: "77001" } }, select: { id: true } })).id;
});

describe("drafting a scenario from a real conversation", () => {
  test("the draft reads the masked transcript: opening, the fact asked for, the agent's fix", async () => {
    const draft = await loadDraft(fx.leadCookie);
    expect(draft.status).toBe(200);
    const { defaults } = draft.body!;
    expect(defaults.slug).toBe("blender-arrived-cracked");
    expect(defaults.channel).toBe("email");
    expect(defaults.lines.opening).toContain("Call me on [phone]");
    expect(JSON.stringify(defaults)).not.toContain("7700");
    expect(JSON.stringify(defaults)).not.toContain("Maria");
    expect(defaults.facts[0]).toEqual(expect.objectContaining({ id: "order-number", answer: "It's 48213.", required: "on" }));
    expect(defaults.policy.allowed[0]).toEqual(expect.objectContaining({ resolves: "on" }));
    expect(defaults.policy.allowed[0].description).toContain("replacement jug");
  });

  test("a download is the YAML of a valid content file, and stores nothing", async () => {
    const { defaults } = (await loadDraft(fx.leadCookie)).body!;
    const result = await submit(fx.leadCookie, formFields(defaults), "download");
    expect(result.status).toBe(200);
    const file = (result.body as { file: { fileName: string; yaml: string } }).file;
    expect(file.fileName).toBe("blender-arrived-cracked.yml");
    expect(ScenarioSchema.safeParse(parseYaml(file.yaml)).success).toBe(true);
    expect(file.yaml).not.toContain("7700");
    expect(await prisma.organisationScenario.count()).toBe(0);
  });

  test("what content:check refuses is refused on its field, with nothing stored", async () => {
    const fields = formFields((await loadDraft(fx.leadCookie)).body!.defaults);
    const noFix = replace(fields, "policy.allowed[0].resolves", "");
    const refused = await submit(
      fx.leadCookie,
      noFix.filter(([name]) => name !== "policy.allowed[0].resolves"),
      "save",
    );
    expect(refused.status).toBe(400);
    expect((refused.body as Reply).result.error?.["policy.allowed"]).toEqual(["practice:draft.errors.noResolvingOffer"]);

    const badSlug = await submit(fx.leadCookie, replace(fields, "slug", "Not A Slug"), "save");
    expect(badSlug.status).toBe(400);
    expect((badSlug.body as Reply).result.error?.slug).toEqual(["practice:draft.errors.slug"]);

    const noOpening = await submit(fx.leadCookie, replace(fields, "lines.opening", "  "), "save");
    expect((noOpening.body as Reply).result.error?.["lines.opening"]).toEqual(["practice:draft.errors.needsLine"]);

    const contentSlug = await submit(fx.leadCookie, replace(fields, "slug", "charged-twice"), "save");
    expect(contentSlug.status).toBe(400);
    expect((contentSlug.body as Reply).result.error?.slug).toEqual(["practice:draft.errors.slugTaken"]);
    expect(await prisma.organisationScenario.count()).toBe(0);
  });

  test("saving makes a scenario practice uses; saving again makes the next version, and both are audited", async () => {
    const fields = formFields((await loadDraft(fx.leadCookie)).body!.defaults);
    const first = await submit(fx.leadCookie, fields, "save");
    expect(first.status).toBe(302);
    expect(first.location).toBe("/practice/scenarios/blender-arrived-cracked?notice=scenario-saved&count=1");

    const saved = (await getPracticeCatalog()).scenarios.find((scenario) => scenario.slug === "blender-arrived-cracked");
    expect(saved).toEqual(expect.objectContaining({ version: 1, organisation: true, locale: "en", title: "Blender arrived cracked" }));

    const again = await loadDraft(fx.leadCookie);
    expect(again.body!.existing).toBe(true);
    const second = await submit(fx.leadCookie, replace(fields, "title", "Cracked blender jug"), "save");
    expect(second.location).toBe("/practice/scenarios/blender-arrived-cracked?notice=scenario-saved&count=2");
    const newest = (await getPracticeCatalog()).scenarios.filter((scenario) => scenario.slug === "blender-arrived-cracked");
    expect(newest.map((scenario) => [scenario.title, scenario.version])).toEqual([["Cracked blender jug", 2]]);
    expect(await prisma.auditEvent.count({ where: { action: "scenario.saved", actorId: fx.leadId } })).toBe(2);

    // An agent starts the newest version from the scenario page.
    const started = await callRoute(scenarioPage.action, {
      request: post("/practice/scenarios/blender-arrived-cracked", { intent: "start" }, fx.agentCookie),
      params: { slug: "blender-arrived-cracked" },
    });
    expect(started.status).toBe(302);
    const attempt = await prisma.practiceAttempt.findFirstOrThrow({
      where: { scenarioSlug: "blender-arrived-cracked" },
      select: { scenarioVersion: true, source: true, turns: { select: { speaker: true, text: true } } },
    });
    expect(attempt).toEqual(expect.objectContaining({ scenarioVersion: 2, source: "practice" }));
    expect(attempt.turns[0].text).toContain("cracked jug");
  });

  test("a saved scenario is edited from its own page: the form holds the newest version, and saving makes the next", async () => {
    const scenarioPageData = await callRoute<{ editHref: string | null; organisation: boolean }>(scenarioPage.loader, {
      request: get("/practice/scenarios/blender-arrived-cracked", fx.leadCookie),
      params: { slug: "blender-arrived-cracked" },
    });
    expect(scenarioPageData.body).toEqual(
      expect.objectContaining({ organisation: true, editHref: "/coaching/scenarios/blender-arrived-cracked/edit" }),
    );
    const agentView = await callRoute<{ editHref: string | null }>(scenarioPage.loader, {
      request: get("/practice/scenarios/blender-arrived-cracked", fx.agentCookie),
      params: { slug: "blender-arrived-cracked" },
    });
    expect(agentView.body?.editHref).toBeNull();

    const params = { slug: "blender-arrived-cracked" };
    const form = await callRoute<{ scenario: { version: number }; defaults: Record<string, unknown> }>(editPage.loader, {
      request: get("/coaching/scenarios/blender-arrived-cracked/edit", fx.leadCookie),
      params,
    });
    expect(form.body?.scenario.version).toBe(2);
    expect(form.body?.defaults).toEqual(expect.objectContaining({ slug: "blender-arrived-cracked", title: "Cracked blender jug" }));
    const fields = replace(formFields(form.body!.defaults), "summary", "A customer's blender jug arrived cracked before a party.");
    const saved = await callRoute(editPage.action, {
      request: post(
        "/coaching/scenarios/blender-arrived-cracked/edit",
        [["intent", "scenario"], ["then", "save"], ...fields],
        fx.otherLeadCookie,
      ),
      params,
    });
    expect(saved.location).toBe("/practice/scenarios/blender-arrived-cracked?notice=scenario-saved&count=3");
    const newest = (await getPracticeCatalog()).scenarios.find((scenario) => scenario.slug === "blender-arrived-cracked");
    expect(newest).toEqual(expect.objectContaining({ version: 3, summary: "A customer's blender jug arrived cracked before a party." }));

    expect(
      (
        await callRoute(editPage.loader, {
          request: get("/coaching/scenarios/charged-twice/edit", fx.leadCookie),
          params: { slug: "charged-twice" },
        })
      ).status,
    ).toBe(404);
    expect(
      (await callRoute(editPage.loader, { request: get("/coaching/scenarios/blender-arrived-cracked/edit", fx.agentCookie), params }))
        .status,
    ).toBe(403);
  });

  test("only the agent's leads may draft: an agent is refused, another team's lead and a practice conversation are not found", async () => {
    expect((await loadDraft(fx.agentCookie)).status).toBe(403);
    expect((await loadDraft(fx.otherLeadCookie)).status).toBe(404);
    expect((await loadDraft(fx.leadCookie, "no-such-attempt")).status).toBe(404);
    // The practice conversation the agent started from the saved scenario above.
    const practice = await prisma.practiceAttempt.findFirstOrThrow({
      where: { scenarioSlug: "blender-arrived-cracked" },
      select: { id: true },
    });
    expect((await loadDraft(fx.leadCookie, practice.id)).status).toBe(404);
    const refused = await callRoute(draftPage.action, {
      request: post(`/coaching/conversations/${fx.attemptId}/scenario`, { intent: "scenario", then: "save" }, fx.otherLeadCookie),
      params: { attemptId: fx.attemptId },
    });
    expect(refused.status).toBe(404);
  });
});
