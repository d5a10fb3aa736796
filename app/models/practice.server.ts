import { randomInt } from "node:crypto";
import { z } from "zod";
import type { Rubric, Scenario } from "~/content/practice-schemas.ts";
import { allRubricsIn, localizeScenario, rubricsFor } from "~/content/practice.server.ts";
import { TEAM_ATTEMPTS_PAGE_SIZE } from "~/domain/pages.ts";
import { PRACTICE_ONLY, type Outcome } from "~/domain/practice.ts";
import type { PeopleScope } from "~/engine/access/people.ts";
import { canSeeAttempt } from "~/engine/access/practice.ts";
import { scoreProgress } from "~/engine/grading/coaching.ts";
import { gradeScenarioConversation, type Grade } from "~/engine/grading/grade.ts";
import type { RedLine } from "~/engine/grading/red-lines.ts";
import { REAL_PASS_SCORE } from "~/engine/imports/grade-real.ts";
import { customerDecision, type TranscriptLine } from "~/engine/language-model/decision.ts";
import { CustomerStateSchema } from "~/engine/simulation/customer-state.ts";
import { initialState, openingLine, respond, simulate } from "~/engine/simulation/customer.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { isLocale } from "~/i18n/locales.ts";
import { message } from "~/i18n/message.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";
import { requireUser, toViewer } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { jsonColumn, StringListColumn } from "~/utils/json-column.ts";
import { paginate } from "~/utils/paginate.server.ts";
import { ensureFound, notFound } from "~/utils/permissions.server.ts";
import { runAutoPractice } from "./auto-practice.server.ts";
import { refreshPersonRollups, refreshPracticeDay } from "./evidence-rollup.server.ts";
import { askSecondOpinion, languageModel, wordCustomerReply } from "./language-model.server.ts";
import { listRedLines } from "./red-line.server.ts";
import { scopeToWhere } from "./user.server.ts";

const RubricVersionsColumn = jsonColumn(z.record(z.number().int()));
const CustomerStateColumn = jsonColumn(CustomerStateSchema);
export const EvidenceColumn = jsonColumn(
  z.array(z.object({ turn: z.number().int(), span: z.tuple([z.number().int(), z.number().int()]), text: z.string() })),
);

export const ACTIVE = "active";

export async function startAttempt(userId: string, scenario: Scenario) {
  const seed = randomInt(1, 2 ** 31 - 1);
  return prisma.practiceAttempt.create({
    data: {
      userId,
      scenarioSlug: scenario.slug,
      scenarioVersion: scenario.version,
      locale: scenario.locale,
      seed,
      status: ACTIVE,
      customerState: CustomerStateColumn.write(initialState(scenario)),
      turns: { create: { index: 0, speaker: "customer", text: openingLine(scenario, seed) } },
    },
    select: { id: true },
  });
}

export async function getAttempt(id: string) {
  const attempt = await prisma.practiceAttempt.findUnique({
    where: { id },
    select: {
      id: true,
      scenarioSlug: true,
      scenarioVersion: true,
      locale: true,
      source: true,
      ticket: { select: { system: true, externalId: true, channel: true, subject: true, importedAt: true, maskedCount: true } },
      seed: true,
      status: true,
      customerState: true,
      startedAt: true,
      endedAt: true,
      userId: true,
      user: { select: { id: true, name: true, teamId: true } },
      turns: {
        orderBy: { index: "asc" },
        select: { index: true, speaker: true, text: true, replyMs: true, createdAt: true, wordedByModel: true, fallbackNote: true },
      },
      grade: {
        select: {
          overallScore: true,
          passed: true,
          graderVersion: true,
          rubricVersions: true,
          criticalFailures: true,
          createdAt: true,
          opinionModel: true,
          opinionNote: true,
          criteria: {
            orderBy: { id: "asc" },
            select: {
              criterionId: true,
              rubricId: true,
              title: true,
              competency: true,
              applicable: true,
              level: true,
              maxLevel: true,
              label: true,
              evidence: true,
              suggestion: true,
              critical: true,
              opinionLevel: true,
              opinionTurn: true,
              opinionQuote: true,
            },
          },
        },
      },
    },
  });
  if (!attempt) return null;
  // A real conversation had a real customer: there is no simulated state to read.
  const customerState = attempt.ticket ? null : CustomerStateColumn.read(attempt.customerState);
  const { grade } = attempt;
  if (!grade) return { ...attempt, customerState, grade: null };
  return {
    ...attempt,
    customerState,
    grade: {
      ...grade,
      rubricVersions: RubricVersionsColumn.read(grade.rubricVersions),
      criticalFailures: StringListColumn.read(grade.criticalFailures),
      criteria: grade.criteria.map((criterion) => ({ ...criterion, evidence: EvidenceColumn.read(criterion.evidence) })),
    },
  };
}

/**
 * The attempt and its scenario, if the viewer may see it; guessed and unseen ids alike are 404s.
 * Shared by the conversation page and its what-if replay.
 */
export async function loadVisibleAttempt(request: Request, attemptId: string | undefined) {
  const user = await requireUser(request);
  const attempt = await getAttempt(attemptId ?? "");
  if (!attempt || !canSeeAttempt(toViewer(user), attempt)) notFound(message("practice:error.noAttempt"));
  const catalog = await getPracticeCatalog();
  if (attempt.ticket) {
    const locale = isLocale(attempt.locale) ? attempt.locale : "en";
    return {
      user,
      attempt,
      scenario: null,
      ticket: attempt.ticket,
      rubrics: allRubricsIn(catalog, locale),
      passRule: { passScore: REAL_PASS_SCORE },
    };
  }
  const english = catalog.scenarios.find((candidate) => candidate.slug === attempt.scenarioSlug);
  // The conversation is replayed and graded in the language it was played in.
  const scenario = ensureFound(
    english && isLocale(attempt.locale) ? localizeScenario(english, attempt.locale).scenario : english,
    message("practice:error.scenarioGone"),
  );
  return { user, attempt, scenario, ticket: null, rubrics: rubricsFor(catalog, scenario), passRule: { passScore: scenario.passScore } };
}

export type VisibleAttempt = Awaited<ReturnType<typeof loadVisibleAttempt>>;

/** Stores a grade with its criteria, inside the caller's transaction. */
export async function storeGrade(tx: Prisma.TransactionClient, attempt: { id: string; userId: string }, grade: Grade, gradedAt?: Date) {
  await tx.practiceGrade.create({
    data: {
      attemptId: attempt.id,
      createdAt: gradedAt,
      overallScore: grade.overallScore,
      passed: grade.passed,
      graderVersion: grade.graderVersion,
      rubricVersions: RubricVersionsColumn.write(grade.rubricVersions),
      criticalFailures: StringListColumn.write(grade.criticalFailures),
      criteria: {
        create: grade.criteria.map((criterion) => ({
          criterionId: criterion.id,
          rubricId: criterion.rubricId,
          title: criterion.title,
          competency: criterion.competency,
          weight: criterion.weight,
          critical: criterion.critical,
          applicable: criterion.applicable,
          level: criterion.level,
          maxLevel: criterion.maxLevel,
          label: criterion.label,
          score: criterion.score,
          evidence: EvidenceColumn.write(criterion.evidence),
          suggestion: criterion.suggestion,
        })),
      },
    },
  });
  await refreshPersonRollups(tx, attempt.userId);
}

type TurnRow = { index: number; speaker: string; text: string; replyMs: number | null };

function gradeAttempt(scenario: Scenario, rubrics: Rubric[], turns: TurnRow[], outcome: Outcome, redLines: readonly RedLine[]): Grade {
  const transcript = turns.map((turn) => ({
    from: turn.speaker === "agent" ? ("agent" as const) : ("customer" as const),
    text: turn.text,
    ms: turn.replyMs ?? undefined,
  }));
  return gradeScenarioConversation(scenario, rubrics, transcript, outcome, redLines);
}

export type ReplyResult = { status: "ok" | "duplicate" | "ended" | "not-found" | "stale" };

/** After a grade is stored: a second opinion when a language model is configured, and targeted practice for repeated failures. */
async function afterGrading(
  attemptId: string,
  userId: string,
  result: ReplyResult & { graded?: boolean },
  scenario: Scenario,
  rubrics: Rubric[],
): Promise<ReplyResult> {
  if (result.graded) {
    await addSecondOpinion(attemptId, scenario, rubrics);
    await runAutoPractice(userId);
  }
  return { status: result.status };
}

const REPLY_TURN_SELECT = { index: true, speaker: true, text: true, replyMs: true, createdAt: true, wordedByModel: true } as const;

type ReplyTarget = { status: string; turns: { index: number; speaker: string; text: string }[] } | null;

/** Why a reply to turn `expectedIndex` cannot be stored, or null when it can. */
function replyRefusal(attempt: ReplyTarget, expectedIndex: number, text: string): ReplyResult | null {
  if (!attempt) return { status: "not-found" };
  const existing = attempt.turns.find((turn) => turn.index === expectedIndex);
  if (existing) return { status: existing.speaker === "agent" && existing.text === text ? "duplicate" : "stale" };
  if (attempt.status !== ACTIVE) return { status: "ended" };
  if (expectedIndex !== attempt.turns.length) return { status: "stale" };
  return null;
}

/**
 * The customer's last line as the engine composed it. The engine reads the agent's reply against its
 * own line even when the language model worded what was shown, so the conversation's course never
 * depends on the model and replays stay identical.
 */
function engineLastLine(scenario: Scenario, seed: number, turns: { speaker: string; text: string; wordedByModel: string | null }[]) {
  const last = [...turns].reverse().find((turn) => turn.speaker === "customer")!;
  if (last.wordedByModel === null) return last.text;
  const agentMessages = turns.filter((turn) => turn.speaker === "agent").map((turn) => turn.text);
  return simulate(scenario, agentMessages, seed).turns.at(-1)!.text;
}

/**
 * Stores the agent's reply and the customer's answer. The form says which turn it answers: a repeat
 * of a reply already stored is a duplicate, and a reply to an attempt that has ended is refused. The
 * engine decides the answer from a read of the attempt; the organisation's language model, when one
 * is configured, may word it, outside any transaction; then both turns are written in one
 * transaction that checks again that nothing was stored meanwhile.
 */
export async function replyToCustomer(
  attemptId: string,
  userId: string,
  { expectedIndex, text, now = new Date() }: { expectedIndex: number; text: string; now?: Date },
  scenario: Scenario,
  rubrics: Rubric[],
): Promise<ReplyResult> {
  const attempt = await prisma.practiceAttempt.findFirst({
    where: { id: attemptId, userId },
    select: {
      status: true,
      seed: true,
      customerState: true,
      startedAt: true,
      turns: { orderBy: { index: "asc" }, select: REPLY_TURN_SELECT },
    },
  });
  const refusal = replyRefusal(attempt, expectedIndex, text);
  if (refusal || !attempt) return refusal ?? { status: "not-found" };

  const lastCustomer = [...attempt.turns].reverse().find((turn) => turn.speaker === "customer")!;
  const state = CustomerStateColumn.read(attempt.customerState);
  const response = respond(scenario, state, text, engineLastLine(scenario, attempt.seed, attempt.turns), attempt.seed + expectedIndex);
  const transcript: TranscriptLine[] = [
    ...attempt.turns.map((turn) => ({ speaker: turn.speaker === "agent" ? ("agent" as const) : ("customer" as const), text: turn.text })),
    { speaker: "agent", text },
  ];
  const words = await wordCustomerReply(customerDecision(scenario, state, response, transcript), transcript);
  const redLines = await listRedLines();
  const replyMs = Math.max(0, now.getTime() - lastCustomer.createdAt.getTime());

  try {
    const result = await prisma.$transaction(async (tx): Promise<ReplyResult & { graded?: boolean }> => {
      const current = await tx.practiceAttempt.findFirst({
        where: { id: attemptId, userId },
        select: {
          status: true,
          customerState: true,
          turns: { orderBy: { index: "asc" }, select: { index: true, speaker: true, text: true } },
        },
      });
      const changed = replyRefusal(current, expectedIndex, text);
      if (changed) return changed;
      if (current?.customerState !== attempt.customerState) return { status: "stale" };

      await tx.practiceTurn.createMany({
        data: [
          { attemptId, index: expectedIndex, speaker: "agent", text, replyMs, createdAt: now },
          {
            attemptId,
            index: expectedIndex + 1,
            speaker: "customer",
            text: words.text,
            wordedByModel: words.wordedByModel,
            promptVersion: words.promptVersion,
            fallbackNote: words.fallbackNote,
            createdAt: new Date(now.getTime() + 1),
          },
        ],
      });
      const outcome = response.state.outcome;
      await tx.practiceAttempt.update({
        where: { id: attemptId },
        data: { customerState: CustomerStateColumn.write(response.state), status: outcome ?? ACTIVE, endedAt: outcome ? now : undefined },
      });
      if (outcome) {
        // Graded on the words that were actually said.
        const turns: TurnRow[] = [
          ...attempt.turns,
          { index: expectedIndex, speaker: "agent", text, replyMs },
          { index: expectedIndex + 1, speaker: "customer", text: words.text, replyMs: null },
        ];
        await storeGrade(tx, { id: attemptId, userId }, gradeAttempt(scenario, rubrics, turns, outcome, redLines));
      } else {
        await refreshPracticeDay(tx, userId, attempt.startedAt);
      }
      return { status: "ok", graded: Boolean(outcome) };
    });
    return await afterGrading(attemptId, userId, result, scenario, rubrics);
  } catch (error) {
    // Two identical posts racing: the second hits the unique (attempt, index) row.
    if ((error as { code?: string }).code === "P2002") return { status: "duplicate" };
    throw error;
  }
}

/**
 * The organisation's language model grades the stored attempt too, once the grade is stored and
 * outside its transaction: its level and quote per criterion are kept beside the automatic ones,
 * or a note says why there are none. Without a configured model nothing is sent.
 */
async function addSecondOpinion(attemptId: string, scenario: Scenario, rubrics: Rubric[]) {
  if (!languageModel()) return;
  const grade = await prisma.practiceGrade.findUnique({
    where: { attemptId },
    select: {
      id: true,
      criteria: { where: { applicable: true }, select: { criterionId: true } },
      attempt: { select: { turns: { orderBy: { index: "asc" }, select: { speaker: true, text: true } } } },
    },
  });
  if (!grade) return;
  const definitions = new Map(rubrics.flatMap((rubric) => rubric.criteria).map((criterion) => [criterion.id, criterion]));
  const criteria = grade.criteria.flatMap((row) => {
    const definition = definitions.get(row.criterionId);
    return definition ? [definition] : [];
  });
  const transcript: TranscriptLine[] = grade.attempt.turns.map((turn) => ({
    speaker: turn.speaker === "agent" ? "agent" : "customer",
    text: turn.text,
  }));
  const opinion = await askSecondOpinion(criteria, transcript, scenario.persona.name);
  if (!opinion) return;
  if (!opinion.ok) {
    await prisma.practiceGrade.update({ where: { id: grade.id }, data: { opinionNote: opinion.note } });
    return;
  }
  await prisma.$transaction([
    prisma.practiceGrade.update({
      where: { id: grade.id },
      data: { opinionModel: opinion.model, opinionPromptVersion: opinion.promptVersion, opinionNote: opinion.note },
    }),
    ...opinion.criteria.map((criterion) =>
      prisma.gradeCriterion.update({
        where: { gradeId_criterionId: { gradeId: grade.id, criterionId: criterion.id } },
        data: { opinionLevel: criterion.level, opinionTurn: criterion.turn, opinionQuote: criterion.quote },
      }),
    ),
  ]);
}

/** The agent ends the conversation; it is graded as it stands. */
export async function endAttempt(
  attemptId: string,
  userId: string,
  scenario: Scenario,
  rubrics: Rubric[],
  now = new Date(),
): Promise<ReplyResult> {
  const redLines = await listRedLines();
  const result = await prisma.$transaction(async (tx): Promise<ReplyResult & { graded?: boolean }> => {
    const attempt = await tx.practiceAttempt.findFirst({
      where: { id: attemptId, userId },
      select: { status: true, turns: { orderBy: { index: "asc" }, select: { index: true, speaker: true, text: true, replyMs: true } } },
    });
    if (!attempt) return { status: "not-found" };
    if (attempt.status !== ACTIVE) return { status: "ended" };
    await tx.practiceAttempt.update({ where: { id: attemptId }, data: { status: "ended", endedAt: now } });
    await storeGrade(tx, { id: attemptId, userId }, gradeAttempt(scenario, rubrics, attempt.turns, "ended", redLines));
    return { status: "ok", graded: true };
  });
  return afterGrading(attemptId, userId, result, scenario, rubrics);
}

/** Per scenario: how many attempts the person made and their best graded score. */
export async function practiceSummary(userId: string) {
  const attempts = await prisma.practiceAttempt.findMany({
    where: { userId, ...PRACTICE_ONLY },
    select: { scenarioSlug: true, grade: { select: { overallScore: true, passed: true } } },
  });
  const summary = new Map<string, { attempts: number; best: number | null; passed: boolean }>();
  for (const attempt of attempts) {
    const entry = summary.get(attempt.scenarioSlug) ?? { attempts: 0, best: null, passed: false };
    entry.attempts += 1;
    if (attempt.grade) {
      entry.best = Math.max(entry.best ?? 0, attempt.grade.overallScore);
      entry.passed ||= attempt.grade.passed;
    }
    summary.set(attempt.scenarioSlug, entry);
  }
  return summary;
}

/**
 * The person's unfinished conversations, newest per scenario first, keyed by scenario: what
 * "Continue conversation" resumes. Each counts the replies the person has sent so far.
 */
export async function activeAttempts(userId: string) {
  const attempts = await prisma.practiceAttempt.findMany({
    where: { userId, status: ACTIVE },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    select: { id: true, scenarioSlug: true, _count: { select: { turns: { where: { speaker: "agent" } } } } },
  });
  const bySlug = new Map<string, { id: string; replies: number }>();
  for (const attempt of attempts) {
    if (!bySlug.has(attempt.scenarioSlug)) bySlug.set(attempt.scenarioSlug, { id: attempt.id, replies: attempt._count.turns });
  }
  return bySlug;
}

/** A person's graded attempts at one scenario, oldest first: for first → best → latest. */
export async function gradedHistory(userId: string, scenarioSlug: string) {
  return prisma.practiceAttempt.findMany({
    where: { userId, scenarioSlug, grade: { isNot: null } },
    orderBy: { startedAt: "asc" },
    select: { id: true, startedAt: true, status: true, grade: { select: { overallScore: true, passed: true } } },
  });
}

/** First → best → latest overall score at one scenario, or null before any graded attempt. */
export async function scoreComparison(userId: string, scenarioSlug: string) {
  return scoreProgress(
    (await gradedHistory(userId, scenarioSlug)).flatMap((attempt) => (attempt.grade ? [attempt.grade.overallScore] : [])),
  );
}

/**
 * Stores a whole conversation played by a script through the simulated
 * customer, with its grade: for the demo organisation and benchmarks.
 */
export async function recordScriptedAttempt(
  userId: string,
  scenario: Scenario,
  rubrics: Rubric[],
  { messages, seed, startedAt, replySeconds }: { messages: string[]; seed: number; startedAt: Date; replySeconds: number },
) {
  const { turns, state } = simulate(scenario, messages, seed);
  const outcome: Outcome = state.outcome ?? "ended";
  const rows: TurnRow[] = turns.map((turn, index) => ({
    index,
    speaker: turn.from,
    text: turn.text,
    replyMs: turn.from === "agent" ? replySeconds * 1000 : null,
  }));
  const endedAt = new Date(startedAt.getTime() + turns.length * replySeconds * 1000);
  await prisma.$transaction(async (tx) => {
    const attempt = await tx.practiceAttempt.create({
      data: {
        userId,
        scenarioSlug: scenario.slug,
        scenarioVersion: scenario.version,
        locale: scenario.locale,
        seed,
        status: outcome,
        customerState: CustomerStateColumn.write({ ...state, outcome }),
        startedAt,
        endedAt,
        turns: {
          create: rows.map((row, index) => ({
            index: row.index,
            speaker: row.speaker,
            text: row.text,
            replyMs: row.replyMs,
            createdAt: new Date(startedAt.getTime() + index * replySeconds * 1000),
          })),
        },
      },
      select: { id: true },
    });
    // Graded as it ends, so every page dates the attempt the same way.
    await storeGrade(tx, { id: attempt.id, userId }, gradeAttempt(scenario, rubrics, rows, outcome, []), endedAt);
  });
}

/** Graded attempts by the people the viewer may see (never their own), newest first. */
export async function listTeamAttempts(scope: PeopleScope, viewerId: string, page: number) {
  const where: Prisma.PracticeAttemptWhereInput = {
    ...PRACTICE_ONLY,
    grade: { isNot: null },
    user: { AND: [scopeToWhere(scope), { id: { not: viewerId } }] },
  };
  const { total, rows: attempts } = await paginate(
    page,
    TEAM_ATTEMPTS_PAGE_SIZE,
    () => prisma.practiceAttempt.count({ where }),
    (window) =>
      prisma.practiceAttempt.findMany({
        where,
        orderBy: [{ startedAt: "desc" }, { id: "desc" }],
        ...window,
        select: {
          id: true,
          scenarioSlug: true,
          status: true,
          startedAt: true,
          user: { select: { name: true } },
          grade: { select: { overallScore: true, passed: true } },
        },
      }),
  );
  return { total, attempts };
}
