// What if: the engine is deterministic, so a finished conversation can be
// played again with one of the agent's messages rewritten. The customer
// answers the new message and, after it, the agent's later messages as they
// were sent, until the conversation ends; both versions are graded by the
// same rules. Nothing here is stored.
import type { Rubric, Scenario } from "~/content/practice-schemas.ts";
import type { Outcome } from "~/domain/practice.ts";
import { simulate } from "../simulation/customer.ts";
import type { Turn } from "./criteria.ts";
import { gradeScenarioConversation, type Grade } from "./grade.ts";

export type AgentMessage = { text: string; ms?: number };

export type Replay = {
  turns: Turn[];
  /** The customer's mood after each agent message that was answered. */
  moods: number[];
  disclosed: string[];
  outcome: Outcome;
  grade: Grade;
};

export function replay(scenario: Scenario, rubrics: Rubric[], messages: AgentMessage[], seed: number): Replay {
  const { turns, state, states } = simulate(
    scenario,
    messages.map((message) => message.text),
    seed,
  );
  let sent = 0;
  const timed: Turn[] = turns.map((turn) => (turn.from === "agent" ? { ...turn, ms: messages[sent++].ms } : turn));
  const outcome = state.outcome ?? "ended";
  return {
    turns: timed,
    moods: states.map((after) => after.mood),
    disclosed: state.disclosed,
    outcome,
    grade: gradeScenarioConversation(scenario, rubrics, timed, outcome),
  };
}

/** The conversation as it went and as it would have gone with agent message `index` (0-based) rewritten. */
export function whatIf(
  scenario: Scenario,
  rubrics: Rubric[],
  messages: AgentMessage[],
  seed: number,
  rewrite: { index: number; text: string },
) {
  const rewritten = messages.map((message, index) => (index === rewrite.index ? { ...message, text: rewrite.text } : message));
  return { original: replay(scenario, rubrics, messages, seed), rewritten: replay(scenario, rubrics, rewritten, seed) };
}
