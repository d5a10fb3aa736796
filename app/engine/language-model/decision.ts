// What the simulated customer does this turn, as the engine decided it: the one thing the
// organisation's language model may put into its own words. Read from the engine's response, never
// from the model, so the engine stays the only source of facts, mood, offers and outcome.
import type { Channel, Scenario } from "~/content/practice-schemas.ts";
import type { Outcome } from "~/domain/practice.ts";
import type { CustomerState } from "~/engine/simulation/customer-state.ts";
import type { CustomerTurn } from "~/engine/simulation/customer.ts";
import { moodLabel, type MoodLabel } from "~/engine/simulation/mood.ts";

export type TranscriptLine = { speaker: "customer" | "agent"; text: string };

export type CustomerDecision = {
  persona: { name: string; temperament: Scenario["persona"]["temperament"]; channel: Channel };
  /** The reply the engine composed from the scenario's authored lines. */
  reply: string;
  /** Facts the customer gives in this reply, with the exact answer the scenario holds. */
  disclosedNow: { id: string; description: string; answer: string }[];
  /** Facts the customer has not given, even after this reply: for the guard only, never sent to the model. */
  withheld: { id: string; answer: string }[];
  /** What the customer pushes back on this turn, in words. */
  pushback: string[];
  /** The offer the customer accepts this turn, as they heard it. */
  accepted: string | null;
  /** An offer was accepted on an earlier turn. */
  acceptedBefore: boolean;
  mood: MoodLabel;
  outcome: Outcome | null;
  /** What everyone may already say: the case as the agent was briefed, the conversation so far, and this reply. */
  context: string;
};

/** The engine's decision for one customer turn, from the state before it and the engine's response. */
export function customerDecision(
  scenario: Scenario,
  before: CustomerState,
  turn: CustomerTurn,
  transcript: TranscriptLine[],
): CustomerDecision {
  const facts = new Map(scenario.facts.map((fact) => [fact.id, fact]));
  const disclosedNow = turn.events
    .filter((event) => event.startsWith("disclosed:"))
    .flatMap((event) => {
      const fact = facts.get(event.slice("disclosed:".length));
      return fact ? [{ id: fact.id, description: fact.description, answer: fact.answer }] : [];
    });
  const withheld = scenario.facts
    .filter((fact) => !turn.state.disclosed.includes(fact.id))
    .map((fact) => ({ id: fact.id, answer: fact.answer }));
  const pushback = turn.events.flatMap((event) => {
    if (event.startsWith("forbidden-offer:")) {
      const offer = scenario.policy.forbidden.find((candidate) => candidate.id === event.slice("forbidden-offer:".length));
      return offer ? [`${offer.description} (not acceptable to the customer)`] : [];
    }
    if (event === "invented-terms") return ["terms the agent seems to have made up"];
    if (event === "refused-secret") return ["being asked for a password or other secret"];
    if (event === "offer-before-facts") return ["a fix offered before the agent has checked what they need"];
    return [];
  });
  const acceptedId = turn.events.find((event) => event.startsWith("accepted:"))?.slice("accepted:".length);
  const accepted = acceptedId ? (scenario.policy.allowed.find((offer) => offer.id === acceptedId)?.heard ?? null) : null;
  const disclosedAnswers = scenario.facts.filter((fact) => turn.state.disclosed.includes(fact.id)).map((fact) => fact.answer);
  return {
    persona: { name: scenario.persona.name, temperament: scenario.persona.temperament, channel: scenario.channel },
    reply: turn.reply,
    disclosedNow,
    withheld,
    pushback,
    accepted,
    acceptedBefore: before.acceptedOffer !== null,
    mood: moodLabel(turn.state.mood),
    outcome: turn.state.outcome,
    context: [
      scenario.title,
      scenario.summary,
      scenario.brief,
      scenario.persona.name,
      ...transcript.map((line) => line.text),
      ...disclosedAnswers,
      turn.reply,
    ].join("\n"),
  };
}
