// Resuming an unfinished conversation from Practice, the scenario page's first → best → latest,
// and the grade report's coaching: the fixes that matter most, and advice that only ever talks
// about the scenario being graded.
import { beforeAll, describe, expect, test } from "vitest";
import type { Rubric, Scenario } from "~/content/practice-schemas.ts";
import { rubricsFor, type PracticeCatalog } from "~/content/practice.server.ts";
import { betterReply, rankFixes, scenarioNeutralAdvice } from "~/engine/grading/coaching.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";
import { recordScriptedAttempt } from "~/models/practice.server.ts";
import * as practiceIndex from "~/routes/practice+/_index.tsx";
import * as attemptPage from "~/routes/practice+/attempts.$attemptId.tsx";
import * as scenarioPage from "~/routes/practice+/scenarios.$slug.tsx";
import { createUser } from "../factories/index.ts";
import { callRoute, get, post, sessionCookieFor } from "./request.ts";

type IndexData = Awaited<ReturnType<typeof practiceIndex.loader>>;
type ScenarioData = Awaited<ReturnType<typeof scenarioPage.loader>>;
type AttemptData = Awaited<ReturnType<typeof attemptPage.loader>>;

const SLUG = "charged-twice";

let catalog: PracticeCatalog;
let scenario: Scenario;

beforeAll(async () => {
  catalog = await getPracticeCatalog();
  scenario = catalog.scenarios.find((candidate) => candidate.slug === SLUG)!;
  expect(scenario).toBeDefined();
});

async function agent() {
  const user = await createUser();
  return { user, cookie: await sessionCookieFor(user.id) };
}

async function startAttempt(cookie: string, slug = SLUG): Promise<string> {
  const result = await callRoute(scenarioPage.action, {
    request: post(`/practice/scenarios/${slug}`, { intent: "start" }, cookie),
    params: { slug },
  });
  expect(result.status).toBe(302);
  return /\/practice\/attempts\/([^/#?]+)$/.exec(result.location ?? "")![1];
}

const act = (id: string, cookie: string, fields: Record<string, string>) =>
  callRoute(attemptPage.action, { request: post(`/practice/attempts/${id}`, fields, cookie), params: { attemptId: id } });

const loadAttempt = (id: string, cookie: string) =>
  callRoute<AttemptData>(attemptPage.loader, { request: get(`/practice/attempts/${id}`, cookie), params: { attemptId: id } });

const practiceCards = async (cookie: string) =>
  (await callRoute<IndexData>(practiceIndex.loader, { request: get("/practice", cookie) })).body!.cards;

/** Every quoted example in brackets in the rubrics ("I'm sorry the gift won't make Saturday"): each was written about one case. */
function quotedExamples(rubrics: Rubric[]): string[] {
  const suggestions = rubrics.flatMap((rubric) =>
    rubric.criteria.flatMap((criterion) => criterion.levels.map((level) => level.suggestion)),
  );
  return suggestions.flatMap((text) => [...text.matchAll(/\((?:for example )?["“]([^)]*)["”]\)/g)].map((match) => match[1]));
}

describe("resuming a conversation", () => {
  test("an unfinished conversation shows on its card with the replies sent, and is gone once it ends", async () => {
    const { cookie } = await agent();
    expect((await practiceCards(cookie)).find((card) => card.slug === SLUG)!.active).toBeNull();

    const id = await startAttempt(cookie);
    let card = (await practiceCards(cookie)).find((card) => card.slug === SLUG)!;
    expect(card.active).toEqual({ id, replies: 0 });

    expect(
      (await act(id, cookie, { intent: "reply", expectedIndex: "1", text: "Hi Owen, I'm sorry about the double charge." })).status,
    ).toBe(302);
    card = (await practiceCards(cookie)).find((card) => card.slug === SLUG)!;
    expect(card.active).toEqual({ id, replies: 1 });
    const page = await callRoute<ScenarioData>(scenarioPage.loader, {
      request: get(`/practice/scenarios/${SLUG}`, cookie),
      params: { slug: SLUG },
    });
    expect(page.body!.activeAttemptId).toBe(id);

    expect((await act(id, cookie, { intent: "end" })).status).toBe(302);
    expect((await practiceCards(cookie)).find((card) => card.slug === SLUG)!.active).toBeNull();
  });

  test("resumes the newest unfinished attempt, and never someone else's", async () => {
    const { cookie } = await agent();
    const other = await agent();
    await startAttempt(cookie);
    const newer = await startAttempt(cookie);
    await startAttempt(other.cookie);
    expect((await practiceCards(cookie)).find((card) => card.slug === SLUG)!.active!.id).toBe(newer);
  });
});

describe("the scenario page's scores", () => {
  test("shows first → best → latest across graded attempts, oldest first", async () => {
    const { user, cookie } = await agent();
    const rubrics = rubricsFor(catalog, scenario);
    const scripts = [
      ["Hello."],
      [
        "Hi Owen, I'm so sorry you were charged twice. Could you tell me the email address on your account and the date and amount of both charges?",
        "Thank you, Owen. I'll refund the duplicate charge to your original payment method; it takes 3–5 business days to show. Does that work for you?",
      ],
      ["Hi Owen, sorry about that. Could you send the email on your account?"],
    ];
    for (const [index, messages] of scripts.entries()) {
      await recordScriptedAttempt(user.id, scenario, rubrics, {
        messages,
        seed: 11,
        startedAt: new Date(Date.UTC(2026, 10, 1 + index, 10)),
        replySeconds: 60,
      });
    }
    const page = await callRoute<ScenarioData>(scenarioPage.loader, {
      request: get(`/practice/scenarios/${SLUG}`, cookie),
      params: { slug: SLUG },
    });
    const scores = page.body!.history.map((attempt) => attempt.score!);
    expect(scores).toHaveLength(3);
    expect(page.body!.progress).toEqual({ first: scores[0], best: Math.max(...scores), latest: scores[2], attempts: 3 });
    expect(page.body!.progress!.best).toBeGreaterThan(page.body!.progress!.first);
  });
});

describe("the grade report", () => {
  test("leads with up to three fixes, ranked from the final levels, each with a quote, advice and a better reply for this customer", async () => {
    const { cookie } = await agent();
    const id = await startAttempt(cookie);
    await act(id, cookie, { intent: "reply", expectedIndex: "1", text: "We can't do anything until you send the details. Obviously." });
    await act(id, cookie, { intent: "end" });
    const grade = (await loadAttempt(id, cookie)).body!.grade!;

    const expected = rankFixes(grade.criteria.map((criterion) => ({ ...criterion, level: criterion.finalLevel })));
    expect(grade.topFixes.map((fix) => fix.criterionId)).toEqual(expected.map((criterion) => criterion.id));
    expect(grade.topFixes.length).toBeGreaterThanOrEqual(2);
    expect(grade.topFixes.length).toBeLessThanOrEqual(3);
    for (const fix of grade.topFixes) {
      const criterion = grade.criteria.find((candidate) => candidate.id === fix.criterionId)!;
      expect(criterion.strength).toBe(false);
      expect(fix.advice).toBe(criterion.suggestion);
      expect(fix.quote, fix.criterionId).not.toBeNull();
      expect(fix.quote!.turn).toBe(1);
    }
    expect(grade.topFixes.map((fix) => fix.betterReply)).toEqual(grade.topFixes.map((fix) => betterReply(fix.criterionId, scenario)));
    expect(grade.topFixes.some((fix) => fix.betterReply !== null)).toBe(true);
  });

  test("never gives advice written for another scenario", async () => {
    const { cookie } = await agent();
    const id = await startAttempt(cookie);
    // A weak but polite first reply: generic concern and a vague question, so empathy lands on its middle levels.
    await act(id, cookie, { intent: "reply", expectedIndex: "1", text: "I understand. What happened?" });
    await act(id, cookie, { intent: "end" });
    const grade = (await loadAttempt(id, cookie)).body!.grade!;

    const examples = quotedExamples(rubricsFor(catalog, scenario));
    expect(examples.length).toBeGreaterThan(0);
    const otherPeople = catalog.scenarios.filter((other) => other.slug !== SLUG).flatMap((other) => other.persona.name.split(" "));
    const advice = [
      ...grade.criteria.map((criterion) => criterion.suggestion),
      ...grade.topFixes.flatMap((fix) => [fix.advice, fix.betterReply ?? ""]),
    ].join("\n");
    for (const example of examples) expect(advice).not.toContain(example);
    for (const name of otherPeople) expect(advice).not.toMatch(new RegExp(`\\b${name}\\b`));
  });

  test("every scenario's composed advice and better replies name only its own customer", () => {
    for (const current of catalog.scenarios) {
      const rubrics = rubricsFor(catalog, current);
      const ownName = current.persona.name.split(" ")[0];
      const others = catalog.scenarios.filter((other) => other.persona.name.split(" ")[0] !== ownName);
      const examples = quotedExamples(rubrics);
      for (const criterion of rubrics.flatMap((rubric) => rubric.criteria)) {
        const texts = [
          ...criterion.levels.map((level) => scenarioNeutralAdvice(level.suggestion)),
          betterReply(criterion.id, current) ?? "",
        ];
        for (const text of texts) {
          for (const example of examples) expect(text, `${current.slug} ${criterion.id}`).not.toContain(example);
          for (const other of others) expect(text, `${current.slug} ${criterion.id}`).not.toContain(other.persona.name.split(" ")[0]);
        }
      }
    }
  });
});
