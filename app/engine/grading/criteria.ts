// The rule behind each rubric criterion. Rubric files (content/rubrics) name
// the criteria, weights and wording; this module decides levels from the same
// signals the simulated customer reacts to.
import { analyseChinese } from "../language/chinese.ts";
import { contentWords, has, languageOf, type Signal, type SignalKind } from "../simulation/signals.ts";

export type Turn = { from: "customer" | "agent"; text: string; ms?: number };
export type AnalysedTurn = Turn & { index: number; signals: Signal[] };
export type Evidence = { turn: number; span: [number, number]; text: string };

/** What the grader knows about the scenario; absent when grading a lone reply or an unknown transcript. */
export type ScenarioFacts = {
  channel: "chat" | "email" | "phone" | "social";
  requiredFacts: string[];
  resolvingOffers: string[];
  forbiddenOffers: string[];
  escalationAllowed: boolean;
  /** False for a real conversation: no policy says which fix is right, so a reviewer judges the fix. */
  policyKnown: boolean;
  par: { turns: number; replySeconds: number };
};

export type GradingInput = { turns: AnalysedTurn[]; scenario?: ScenarioFacts; outcome?: string };
export type CriterionResult = { level: number; evidence: Evidence[]; applicable: boolean };

const agentTurns = (input: GradingInput) => input.turns.filter((turn) => turn.from === "agent");

function evidenceOf(turn: AnalysedTurn, signal: Signal): Evidence {
  return { turn: turn.index, span: signal.span, text: signal.text };
}

function collect(input: GradingInput, kind: SignalKind, filter: (signal: Signal) => boolean = () => true): Evidence[] {
  return agentTurns(input).flatMap((turn) =>
    turn.signals.filter((signal) => signal.kind === kind && filter(signal)).map((signal) => evidenceOf(turn, signal)),
  );
}

/** Level 2 for a strong signal, 1 for a weak one, with the best evidence first. */
function strengthCriterion(kind: SignalKind) {
  return (input: GradingInput): CriterionResult => {
    const strong = collect(input, kind, (signal) => signal.strength === "strong");
    if (strong.length) return { level: 2, evidence: strong, applicable: true };
    const weak = collect(input, kind);
    return { level: weak.length ? 1 : 0, evidence: weak, applicable: true };
  };
}

const applicable = (level: number, evidence: Evidence[] = []): CriterionResult => ({ level, evidence, applicable: true });
const notApplicable: CriterionResult = { level: 0, evidence: [], applicable: false };

/** A critical criterion: failed (0) when any signal of the kind appears, passed (2) otherwise. */
function criticalCriterion(kind: SignalKind) {
  return (input: GradingInput): CriterionResult => {
    const found = collect(input, kind);
    return applicable(found.length ? 0 : 2, found);
  };
}

/** Words per sentence; Chinese words are counted as the language layer segments them, not by spaces. */
function sentenceLengths(text: string): number[] {
  if (languageOf(text) === "zh") {
    const { sentences, tokens } = analyseChinese(text);
    return sentences
      .map((sentence) => tokens.slice(...sentence.tokens).filter((token) => token.pos !== "PUNCT").length)
      .filter((count) => count > 0);
  }
  return text
    .split(/[.!?\n]+/)
    .map((sentence) => sentence.trim().split(/\s+/).filter(Boolean).length)
    .filter((count) => count > 0);
}

const wordsIn = (text: string) =>
  languageOf(text) === "zh" ? sentenceLengths(text).reduce((sum, count) => sum + count, 0) : text.split(/\s+/).length;

// An email opens with a greeting and ends with a sign-off before the name, in either language.
const GREETING =
  /^\s*(?:hi|hello|dear|good (?:morning|afternoon|evening)|hey)\b|^\s*(?:尊敬的|亲爱的|親愛的|您好|你好|早上好|下午好|晚上好|\p{Script=Han}{1,4}(?:先生|女士|小姐)?(?:您好|你好))/u;
const SIGN_OFF =
  /\b(?:best|kind regards|regards|thanks|thank you|cheers|warmly|sincerely)\b[^.!?]*$|(?:谢谢|謝謝|感谢|感謝|祝好|此致|敬礼|敬禮|顺祝|順祝|祝您)[^。！？.!?]*$/u;
const PRIVATE_MESSAGE = /\b(?:dm|direct message|private message|message us privately|inbox)\b|私信|私訊|私聊|站内信|站內信/i;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const RULES: Record<string, (input: GradingInput) => CriterionResult> = {
  "empathy.emotional-reaction": strengthCriterion("emotional-reaction"),
  "empathy.interpretation": strengthCriterion("interpretation"),
  "empathy.exploration": strengthCriterion("exploration"),

  "resolution.identified-issue": (input) => {
    const early = agentTurns(input).slice(0, 2);
    const strong = early.flatMap((turn) =>
      turn.signals
        .filter((signal) => (signal.kind === "interpretation" || signal.kind === "exploration") && signal.strength === "strong")
        .map((signal) => evidenceOf(turn, signal)),
    );
    if (strong.length) return applicable(2, strong);
    const any = [...collect(input, "interpretation"), ...collect(input, "exploration"), ...collect(input, "asks-fact")];
    return applicable(any.length ? 1 : 0, any);
  },
  "resolution.gathered-information": (input) => {
    const required = input.scenario?.requiredFacts ?? [];
    if (!input.scenario || required.length === 0) return notApplicable;
    const asked = collect(input, "asks-fact", (signal) => required.includes(signal.ref ?? ""));
    const covered = new Set(
      agentTurns(input).flatMap((turn) => turn.signals.filter((signal) => signal.kind === "asks-fact").map((signal) => signal.ref)),
    );
    const count = required.filter((fact) => covered.has(fact)).length;
    return applicable(count === required.length ? 2 : count > 0 ? 1 : 0, asked);
  },
  "resolution.correct-fix": (input) => {
    if (!input.scenario?.policyKnown) return notApplicable;
    const { resolvingOffers, forbiddenOffers, requiredFacts, escalationAllowed } = input.scenario;
    const forbidden = collect(input, "offers-resolution", (signal) => forbiddenOffers.includes(signal.ref ?? ""));
    if (forbidden.length) return applicable(0, forbidden);
    if (escalationAllowed && input.outcome === "escalated") return applicable(2, collect(input, "escalates"));
    // The fix is right only once the customer has answered: facts asked in an earlier turn than the offer.
    const asked = new Set<string>();
    for (const turn of agentTurns(input)) {
      const offer = turn.signals.find((signal) => signal.kind === "offers-resolution" && resolvingOffers.includes(signal.ref ?? ""));
      if (offer) return applicable(requiredFacts.every((fact) => asked.has(fact)) ? 2 : 1, [evidenceOf(turn, offer)]);
      for (const signal of turn.signals) if (signal.kind === "asks-fact" && signal.ref) asked.add(signal.ref);
    }
    return applicable(0);
  },
  "resolution.set-expectations": (input) => {
    let offered = false;
    const loose: Evidence[] = [];
    for (const turn of agentTurns(input)) {
      offered ||= has(turn.signals, "offers-resolution") || has(turn.signals, "escalates");
      const expectations = turn.signals.filter((signal) => signal.kind === "sets-expectations");
      if (expectations.length && (offered || !input.scenario?.policyKnown))
        return applicable(
          2,
          expectations.map((signal) => evidenceOf(turn, signal)),
        );
      loose.push(...expectations.map((signal) => evidenceOf(turn, signal)));
    }
    return applicable(loose.length ? 1 : 0, loose);
  },
  "resolution.confirmed-satisfaction": (input) => {
    const checks = collect(input, "checks-satisfaction");
    if (checks.length) return applicable(2, checks);
    const closes = collect(input, "closes");
    return applicable(closes.length ? 1 : 0, closes);
  },

  "communication.clarity": (input) => {
    const lengths = agentTurns(input).flatMap((turn) => sentenceLengths(turn.text));
    if (lengths.length === 0) return applicable(0);
    const average = lengths.reduce((sum, n) => sum + n, 0) / lengths.length;
    return applicable(average <= 20 ? 2 : average <= 30 ? 1 : 0);
  },
  "communication.positive-language": (input) => {
    const negatives = collect(input, "negative-language");
    const turns = Math.max(1, agentTurns(input).length);
    return applicable(negatives.length === 0 ? 2 : negatives.length / turns <= 0.5 ? 1 : 0, negatives);
  },
  "communication.personalisation": (input) => {
    const named = collect(input, "personalises");
    if (named.length) return applicable(2, named);
    const customerWords = new Set(input.turns.filter((turn) => turn.from === "customer").flatMap((turn) => [...contentWords(turn.text)]));
    const specific = agentTurns(input).some((turn) => [...contentWords(turn.text)].filter((word) => customerWords.has(word)).length >= 2);
    return applicable(specific ? 1 : 0);
  },
  "communication.tone-fit": (input) => {
    const turns = agentTurns(input);
    if (turns.length === 0) return applicable(0);
    // Condescension ("as I already said", "obviously") and capitals in an apology fit no channel.
    const condescending = [...collect(input, "dismissive"), ...collect(input, "shouting")];
    if (condescending.length) return applicable(0, condescending);
    switch (input.scenario?.channel) {
      case "email": {
        const first = turns[0].text.toLowerCase();
        const greets = GREETING.test(first);
        const signsOff = SIGN_OFF.test(first.trim());
        return applicable(greets && signsOff ? 2 : greets || signsOff ? 1 : 0);
      }
      case "social": {
        const movesPrivate = turns.some((turn) => PRIVATE_MESSAGE.test(turn.text));
        const askedInPublic = turns.some((turn) => has(turn.signals, "asks-fact") && !PRIVATE_MESSAGE.test(turn.text));
        return applicable(askedInPublic ? 0 : movesPrivate ? 2 : 1);
      }
      case "chat": {
        const words = turns.map((turn) => wordsIn(turn.text));
        return applicable(median(words) <= 60 ? 2 : median(words) <= 110 ? 1 : 0);
      }
      default: {
        const lengths = turns.flatMap((turn) => sentenceLengths(turn.text));
        return applicable(Math.max(...lengths) <= 30 ? 2 : 1);
      }
    }
  },
  "communication.no-jargon": (input) => {
    const jargon = collect(input, "jargon");
    return applicable(jargon.length === 0 ? 2 : jargon.length === 1 ? 1 : 0, jargon);
  },

  "efficiency.turns": (input) => {
    if (!input.scenario) return notApplicable;
    const count = agentTurns(input).length;
    const par = input.scenario.par.turns;
    return applicable(count <= par ? 2 : count <= par * 1.5 ? 1 : 0);
  },
  "efficiency.reply-time": (input) => {
    const times = agentTurns(input).flatMap((turn) => (turn.ms === undefined ? [] : [turn.ms]));
    if (!input.scenario || times.length === 0) return notApplicable;
    const typical = median(times);
    const par = input.scenario.par.replySeconds * 1000;
    return applicable(typical <= par ? 2 : typical <= par * 2 ? 1 : 0);
  },

  "critical.no-rudeness": criticalCriterion("rudeness"),
  "critical.protects-secrets": criticalCriterion("asks-secret"),
  "critical.no-false-promises": criticalCriterion("false-promise"),
};

export function criterionIsGraded(id: string): boolean {
  return Object.hasOwn(RULES, id);
}

export function evaluateCriterion(id: string, input: GradingInput): CriterionResult {
  const rule = RULES[id];
  if (!rule) throw new Error(`No grading rule for criterion "${id}"`);
  return rule(input);
}
