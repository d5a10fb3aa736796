// The guard between the organisation's language model and the practice conversation: the model's
// wording of the customer's reply is used only when it says no more than the engine decided. It is
// rejected when it gives away a fact the customer has not given, states a detail nobody said,
// accepts what the engine did not accept, or stops being the customer. A rejected wording costs
// nothing: the engine's own reply is used.
import { analyseText, type TextAnalysis } from "~/engine/language/english.ts";
import type { CustomerDecision } from "./decision.ts";

export type GuardRejection = "empty" | "too-long" | "out-of-character" | "discloses-fact" | "invents-detail" | "accepts";

export type GuardResult = { accepted: true; text: string } | { accepted: false; reason: GuardRejection; detail: string };

/** Room to re-phrase, but not to add a speech: twice the engine's reply and a sentence more. */
export function maxWordingLength(reply: string): number {
  return Math.max(280, reply.length * 2 + 80);
}

// The model speaking as itself, about its instructions, or about the exercise.
const OUT_OF_CHARACTER: RegExp[] = [
  /\bAI\b/,
  /\bartificial intelligence\b/i,
  /\blanguage model\b/i,
  /\bLLM\b/,
  /\b(?:ChatGPT|OpenAI|GPT-\d)/i,
  /\b(?:i am|i'm|as) (?:an? |your )?(?:\w+ )?assistant\b/i,
  /\b(?:system prompt|the prompt|my prompt|my instructions|these instructions|the instructions i)\b/i,
  /\b(?:role-?play|in character|the persona|simulated customer|this simulation|this exercise|the scenario)\b/i,
];

// The support agent's lines, which the customer never says.
const AGENT_VOICE: RegExp[] = [
  /\bhow (?:can|may) i (?:help|assist)\b/i,
  /\bthanks? (?:you )?for (?:contacting|reaching out to) (?:us|support)\b/i,
  /\bthanks? (?:you )?for reaching out\b/i,
  /\bis there anything else i can (?:help|do)\b/i,
  /\bi(?:'m| am) here to help\b/i,
  /\bas your (?:support )?agent\b/i,
  /\blet me (?:check|look into) (?:that|this) for you\b/i,
];

const SPEAKER_LABEL = /^\s*(?:customer|agent|assistant|support|user)\s*:/i;

// Saying yes to an offer. Checked only when the engine did not accept one.
const ACCEPTANCE = [
  "yes please",
  "yes, please",
  "yes, let's",
  "that works",
  "that would work",
  "that'd work",
  "that will work",
  "sounds good",
  "sounds great",
  "sounds perfect",
  "sounds fair",
  "sounds fine",
  "that's fine",
  "that is fine",
  "fine by me",
  "that's perfect",
  "i'll take it",
  "i'll take that",
  "i accept",
  "i'd accept",
  "it's a deal",
  "you've got a deal",
  "go ahead",
  "let's do that",
  "let's do it",
  "please do",
  "happy with that",
  "that's acceptable",
  "i agree",
  "agreed",
  "that'll do",
  "ok, do it",
  "okay, do it",
];

// Handing over a secret the engine refused to give.
const HANDS_OVER_SECRET = /\b(?:my|the) (?:password|passcode|pin) is\b|\bhere(?:'s| is) (?:my|the) (?:password|passcode|pin)\b/i;

// Details specific enough that saying one nobody has said is inventing the case.
const SPECIFIC_KINDS = new Set(["email", "phone", "reference", "money"]);

const normalise = (text: string) =>
  text
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, " ");

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A term as a whole word: "4417" is not found in "44170", "Visa" not in "Visas". */
function termPattern(term: string, caseSensitive: boolean): RegExp {
  return new RegExp(`(?<![\\w@.-])${escape(term)}(?![\\w@-]|\\.\\w)`, caseSensitive ? "" : "i");
}

function mentions(text: string, term: { text: string; caseSensitive: boolean }): boolean {
  return termPattern(term.text, term.caseSensitive).test(text);
}

function isSentenceStart(analysis: TextAnalysis, index: number): boolean {
  const token = analysis.tokens[index];
  const first = analysis.tokens.findIndex((candidate) => candidate.sentence === token.sentence && /\w/.test(candidate.text));
  return first === index;
}

/**
 * The words that would give a fact away: its numbers, codes and addresses (any token with a digit
 * or an @, case aside) and its proper names mid-sentence ("Visa", "Wayline", "Ines", exact case).
 * A single digit is too common to tell anything.
 */
export function distinctiveTerms(answer: string): { text: string; caseSensitive: boolean }[] {
  const analysis = analyseText(normalise(answer));
  const terms = new Map<string, { text: string; caseSensitive: boolean }>();
  analysis.tokens.forEach((token, index) => {
    const text = token.text.replace(/^[^\w@]+|[^\w@]+$/g, "");
    if (text.length < 2) return;
    if (/\d/.test(text) || text.includes("@")) terms.set(text.toLowerCase(), { text, caseSensitive: false });
    else if (token.pos === "PROPN" && /^\p{Lu}/u.test(text) && !text.includes("'") && !isSentenceStart(analysis, index)) {
      terms.set(text, { text, caseSensitive: true });
    }
  });
  return [...terms.values()];
}

function acceptancePhrase(candidate: TextAnalysis, authored: string): string | null {
  const lower = candidate.text.toLowerCase();
  const authoredLower = normalise(authored).toLowerCase();
  for (const phrase of ACCEPTANCE) {
    // The engine's own reply may say it ("Okay, go ahead and check"): re-phrasing that is no concession.
    if (authoredLower.includes(phrase)) continue;
    for (const match of lower.matchAll(new RegExp(`(?<![\\w'])${escape(phrase)}(?![\\w'])`, "g"))) {
      const token = candidate.tokens.find((candidateToken) => candidateToken.end > (match.index ?? 0));
      if (!token) continue;
      const sentence = candidate.sentences[token.sentence];
      // "I can't say that works" and "Would that work?" accept nothing.
      if (token.negated || sentence?.question) continue;
      return phrase;
    }
  }
  return null;
}

/** Whether the model's wording of the customer's reply may be used in place of the engine's own. */
export function guardCustomerWording(raw: string, decision: CustomerDecision): GuardResult {
  const text = normalise(raw).trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return { accepted: false, reason: "empty", detail: "The wording was empty." };
  const limit = maxWordingLength(decision.reply);
  if (text.length > limit) {
    return { accepted: false, reason: "too-long", detail: `The wording ran to ${text.length} characters (at most ${limit}).` };
  }
  if (SPEAKER_LABEL.test(text)) return { accepted: false, reason: "out-of-character", detail: "The wording began with a speaker label." };
  const persona = OUT_OF_CHARACTER.find((pattern) => pattern.test(text));
  if (persona)
    return { accepted: false, reason: "out-of-character", detail: `The wording stepped out of the customer's role (${persona.source}).` };
  const agent = AGENT_VOICE.find((pattern) => pattern.test(text));
  if (agent) return { accepted: false, reason: "out-of-character", detail: `The wording spoke as the support agent (${agent.source}).` };

  const context = normalise(decision.context);
  for (const fact of decision.withheld) {
    const leaked = distinctiveTerms(fact.answer).find((term) => !mentions(context, term) && mentions(text, term));
    if (leaked) {
      return {
        accepted: false,
        reason: "discloses-fact",
        detail: `The wording gave away "${leaked.text}" (${fact.id}) before the customer was asked.`,
      };
    }
  }

  const analysis = analyseText(text);
  const invented = analysis.entities.find(
    (entity) => SPECIFIC_KINDS.has(entity.kind) && !mentions(context, { text: entity.text, caseSensitive: false }),
  );
  if (invented)
    return { accepted: false, reason: "invents-detail", detail: `The wording stated "${invented.text}", which nobody has said.` };

  const refusing = decision.pushback.length > 0 || !decision.acceptedBefore;
  if (decision.accepted === null && refusing) {
    const phrase = acceptancePhrase(analysis, decision.reply);
    if (phrase)
      return { accepted: false, reason: "accepts", detail: `The wording accepted ("${phrase}") what the customer did not accept.` };
  }
  if (HANDS_OVER_SECRET.test(text)) return { accepted: false, reason: "accepts", detail: "The wording handed over a secret." };
  return { accepted: true, text };
}
