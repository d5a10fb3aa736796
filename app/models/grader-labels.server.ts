// The organisation's own judgements of empathy, as labelled replies that `npm run grader:train -- --labels`
// learns from (the format of scripts/lib/empathy-eval.ts, one JSON line per agent reply).
//
// People judge a whole conversation, but the empathy model reads one reply at a time, and a conversation's
// level is the highest of its replies' levels (engine/grading/criteria.ts). So a person's level L for a
// mechanism says exactly this about the replies: none is above L, and at least one reaches L. Turned into
// reply labels with the current model as the guide:
// - L is 0: every reply is 0, with certainty.
// - Otherwise every reply the model puts above L is labelled L: that is the model's mistake being corrected.
// - If no reply was above L, the one reply the model finds most likely at L is labelled L, because some
//   reply must reach it and that is the best guess which.
// Replies the rule does not settle carry no label for that mechanism, and a mechanism nobody judged is never
// filled in: an invented 0 would teach the model things nobody said.
// Only the empathy criteria are learned; the others are rules, improved by editing rubrics and signals.
import { PRACTICE_ONLY } from "~/domain/practice.ts";
import {
  EMPATHY_MECHANISMS,
  compileModel,
  replyFeatures,
  scores,
  softmax,
  type EmpathyMechanism,
} from "~/engine/simulation/empathy-model.ts";
import chineseWeights from "~/engine/simulation/empathy-weights-zh.json";
import englishWeights from "~/engine/simulation/empathy-weights.json";
import { empathySentenceFeatures, languageOf, type TextLanguage } from "~/engine/simulation/signals.ts";
import { message } from "~/i18n/message.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "./audit.server.ts";
import { judgementsSince } from "./grader-trust.server.ts";

const CRITERION_OF: Record<EmpathyMechanism, string> = {
  "emotional-reaction": "empathy.emotional-reaction",
  interpretation: "empathy.interpretation",
  exploration: "empathy.exploration",
};
const EMPATHY_CRITERIA = Object.values(CRITERION_OF);

type Level = 0 | 1 | 2;

/** One line of the export: a reply, the customer message it answers, and the levels people's judgements settle. */
export type LabelledReply = {
  id: string;
  split: "dev";
  scenario: string;
  customer: string;
  agent: string;
  labels: Partial<Record<string, Level>>;
  note: string;
};

const isLevel = (level: number | null): level is Level => level === 0 || level === 1 || level === 2;

/**
 * The empathy judgements that say something the grader didn't: calibration benchmarks (an N/A one
 * leaves the criterion out) and leads' overrides. Reviews that left the grader's level alone add
 * nothing to learn from.
 */
async function labelledJudgements(since?: Date) {
  const judgements = await judgementsSince(since ?? new Date(0));
  return judgements.flatMap((judgement) =>
    EMPATHY_CRITERIA.includes(judgement.criterionId) &&
    isLevel(judgement.human) &&
    (judgement.source === "benchmark" || judgement.human !== judgement.grader)
      ? [{ ...judgement, level: judgement.human }]
      : [],
  );
}

const compiled = new Map<TextLanguage, ReturnType<typeof compileModel>>();
/** The model in use now for a reply's language. */
function currentModel(language: TextLanguage) {
  let model = compiled.get(language);
  if (!model) compiled.set(language, (model = compileModel(language === "zh" ? chineseWeights : englishWeights)));
  return model;
}

/** For one mechanism, the chance of each level for each reply (given its features), by the model in use now for its language. */
function readings(replies: { features: string[]; language: TextLanguage }[], mechanism: EmpathyMechanism) {
  return replies.map(({ features, language }) => {
    const probabilities = softmax(scores(currentModel(language)[mechanism], features));
    return { level: probabilities.indexOf(Math.max(...probabilities)) as Level, probabilities };
  });
}

/** Which replies (by position) a conversation-level judgement labels, and with what level; see the rule at the top. */
export function replyLabels(read: { level: Level; probabilities: number[] }[], level: Level): Map<number, Level> {
  const labels = new Map<number, Level>();
  read.forEach((reading, index) => {
    if (level === 0 || reading.level > level) labels.set(index, level);
  });
  if (labels.size === 0 && read.length > 0) {
    let best = 0;
    read.forEach((reading, index) => {
      if (reading.probabilities[level] > read[best].probabilities[level]) best = index;
    });
    labels.set(best, level);
  }
  return labels;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The agent's own name and email, replaced wherever a reply or a customer line mentions them. */
function redactor({ name, email }: { name: string; email: string }): (text: string) => string {
  const words = [email, name, ...name.split(/\s+/)].filter((word) => word.length > 1).map(escapeRegExp);
  if (words.length === 0) return (text) => text;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join("|")})(?![\\p{L}\\p{N}])`, "giu");
  return (text) => text.replace(pattern, "[agent]");
}

/**
 * The organisation's empathy judgements (calibration benchmarks, then leads' overrides) made since `since`,
 * as labelled replies, in conversation and turn order. Every line is `dev`: these labels train the model
 * and must never be mistaken for the held-out set it is measured on.
 */
export async function exportLabels({ since }: { since?: Date } = {}): Promise<LabelledReply[]> {
  const judgements = new Map((await labelledJudgements(since)).map((row) => [`${row.attemptId}:${row.criterionId}`, row]));
  const attempts = await prisma.practiceAttempt.findMany({
    where: { id: { in: [...new Set([...judgements.values()].map((judgement) => judgement.attemptId))] }, ...PRACTICE_ONLY },
    select: {
      id: true,
      scenarioSlug: true,
      user: { select: { name: true, email: true } },
      turns: { select: { index: true, speaker: true, text: true }, orderBy: { index: "asc" } },
    },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
  });
  const lines: LabelledReply[] = [];
  for (const attempt of attempts) {
    const redact = redactor(attempt.user);
    let customer = "";
    const replies: { turn: number; customer: string; agent: string }[] = [];
    for (const turn of attempt.turns) {
      if (turn.speaker === "customer") customer = turn.text;
      else replies.push({ turn: turn.index, customer: redact(customer), agent: redact(turn.text) });
    }
    if (replies.length === 0) continue;
    const features = replies.map(({ customer, agent }) => ({
      features: replyFeatures(empathySentenceFeatures(agent, { customerMessage: customer })),
      language: languageOf(agent),
    }));
    const labelled = new Map<number, { labels: Partial<Record<string, Level>>; why: string[] }>();
    for (const mechanism of EMPATHY_MECHANISMS) {
      const judgement = judgements.get(`${attempt.id}:${CRITERION_OF[mechanism]}`);
      if (!judgement) continue;
      for (const [index, level] of replyLabels(readings(features, mechanism), judgement.level)) {
        const entry = labelled.get(index) ?? { labels: {}, why: [] };
        entry.labels[CRITERION_OF[mechanism]] = level;
        entry.why.push(
          `${mechanism} ${judgement.level} by ${judgement.source === "benchmark" ? "calibration benchmark" : "lead's override"}`,
        );
        labelled.set(index, entry);
      }
    }
    for (const [index, { labels, why }] of [...labelled].sort(([a], [b]) => a - b)) {
      const reply = replies[index];
      lines.push({
        id: `org-${attempt.id}-${reply.turn}`,
        split: "dev",
        scenario: attempt.scenarioSlug,
        customer: reply.customer,
        agent: reply.agent,
        labels,
        note: `Organisation label from the conversation's level: ${why.join("; ")}.`,
      });
    }
  }
  return lines;
}

export const toJsonLines = (lines: LabelledReply[]) => lines.map((line) => `${JSON.stringify(line)}\n`).join("");

/** Records who took the organisation's labels out of Frontline, and how many. */
export async function recordLabelsExport(actorId: string, lines: LabelledReply[], since?: Date): Promise<void> {
  await prisma.$transaction((tx) =>
    recordAudit(tx, {
      actorId,
      action: "grader.labels-exported",
      targetType: "grader",
      targetId: "empathy",
      summary: message("admin:audit.summary.graderLabelsExported", { count: lines.length }),
      details: { replies: lines.length, since: since?.toISOString().slice(0, 10) ?? null },
    }),
  );
}
