// What-if replays for the grade report: the finished attempt's own messages with one rewritten,
// replayed through the same seeded customer and grader. Nothing here is stored.
import type { ReplaySummary } from "~/components/practice/what-if-comparison.tsx";
import type { Scenario } from "~/content/practice-schemas.ts";
import { ATTEMPT_STATUS_LABELS } from "~/domain/practice.ts";
import { whatIf, type Replay } from "~/engine/grading/what-if.ts";
import { moodLabel } from "~/engine/simulation/mood.ts";
import { message } from "~/i18n/message.ts";
import { loadVisibleAttempt } from "~/models/practice.server.ts";
import { notFound } from "~/utils/permissions.server.ts";

/** The finished conversation's agent messages, in order; a conversation still going has no what-if yet. */
export async function loadFinishedAttempt(request: Request, attemptId: string | undefined) {
  const { scenario, ...loaded } = await loadVisibleAttempt(request, attemptId);
  // A real conversation has no simulated customer to replay it with.
  if (!scenario) notFound(message("practice:error.noAttempt"));
  if (!loaded.attempt.grade) notFound(message("practice:error.whatIfUngraded"));
  const messages = loaded.attempt.turns
    .filter((turn) => turn.speaker === "agent")
    .map((turn) => ({ text: turn.text, ms: turn.replyMs ?? undefined }));
  if (messages.length === 0) notFound(message("practice:error.whatIfNoMessages"));
  return { ...loaded, scenario, messages };
}

type FinishedAttempt = Awaited<ReturnType<typeof loadFinishedAttempt>>;

function summarise(scenario: Scenario, replayed: Replay, fromTurn: number): ReplaySummary {
  const facts = new Map(scenario.facts.map((fact) => [fact.id, fact.description]));
  return {
    score: replayed.grade.overallScore,
    passed: replayed.grade.passed,
    outcome: ATTEMPT_STATUS_LABELS[replayed.outcome],
    mood: replayed.moods.length ? moodLabel(replayed.moods[replayed.moods.length - 1]) : null,
    disclosed: replayed.disclosed.map((id) => facts.get(id) ?? id),
    criteria: replayed.grade.criteria.map((criterion) => ({
      id: criterion.id,
      title: criterion.title,
      label: criterion.label,
      level: criterion.level,
      applicable: criterion.applicable,
      critical: criterion.critical,
    })),
    // The conversation from the rewritten message on: agent turn n sits at position 2n − 1.
    turns: replayed.turns.slice(2 * fromTurn - 1).map((turn) => ({ speaker: turn.from, text: turn.text })),
  };
}

/** What happened and what would have happened with agent message `turn` (1-based) rewritten as `text`. */
export function replayWithRewrite({ attempt, scenario, rubrics, messages }: FinishedAttempt, turn: number, text: string) {
  const { original, rewritten } = whatIf(scenario, rubrics, messages, attempt.seed, { index: turn - 1, text });
  return { original: summarise(scenario, original, turn), rewritten: summarise(scenario, rewritten, turn) };
}
