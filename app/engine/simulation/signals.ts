// One analyser turns an agent's message into signals, each with the span of
// text that triggered it. Sentences, negation scope, questions and lemmas come
// from the language layer (engine/language). The simulated customer reacts to these signals and
// the grader scores them, so the two can never disagree.

import { findRedLines, RED_LINE_SIGNAL, type RedLine } from "../grading/red-lines.ts";
import { analyseChinese, isMostlyChinese } from "../language/chinese.ts";
import { analyseText, contentLemmas, tokenAt, type QuestionKind, type TextAnalysis, type Token } from "../language/english.ts";
import { empathyFeatures, shoutedWords, type RuleReading, type SentenceFeatures } from "./empathy-features.ts";
import { compileModel, learnedLevels } from "./empathy-model.ts";
import weights from "./empathy-weights.json";
import { CREDIT, EMPATHY, ON_TOPIC } from "./signal-kinds.ts";
import { analyseChineseMessage, chineseAmountsIn, chineseContentOf, chineseEmpathySentenceFeatures } from "./signals-chinese.ts";

const EMPATHY_MODEL = compileModel(weights);

export type SignalKind =
  | "emotional-reaction"
  | "interpretation"
  | "exploration"
  | "apology"
  | "ownership"
  | "asks-fact"
  | "offers-resolution"
  | "sets-expectations"
  | "checks-satisfaction"
  | "closes"
  | "escalates"
  | "personalises"
  | "blame"
  | "jargon"
  | "dismissive"
  | "rudeness"
  | "asks-secret"
  | "false-promise"
  | "negative-language"
  | "repeats"
  | "off-topic"
  | "invented-terms"
  | "shouting"
  | "names-time"
  | "asks-unknown"
  | "wrong-language";

export type Strength = "weak" | "strong";

export type Signal = {
  kind: SignalKind;
  /** Character offsets [start, end) into the analysed message. */
  span: [number, number];
  text: string;
  strength?: Strength;
  /** The scenario fact or offer the signal refers to. */
  ref?: string;
};

/**
 * `exact`: matched on the scenario's words only. What breaks policy is often a
 * near neighbour of what is allowed ("free months" beside "one free month").
 */
export type OfferRule = { id: string; match: string[]; exact?: boolean };

/** The languages the analyser reads: Chinese in either script is one. */
export type TextLanguage = "en" | "zh";

export function languageOf(text: string): TextLanguage {
  return isMostlyChinese(text) ? "zh" : "en";
}

/** What the analyser may know about the conversation it reads. */
export type AnalysisContext = {
  /** The language the conversation is held in (the scenario's); a message in another gets only `wrong-language`. */
  language?: TextLanguage;
  /** The customer message this reply answers; anchors "specific" empathy. */
  customerMessage?: string;
  customerName?: string;
  facts?: { id: string; ask: string[] }[];
  offers?: OfferRule[];
  jargon?: string[];
  /** Sentences the agent already sent in this conversation (as `sentenceKey`): repeating one earns nothing again. */
  saidBefore?: ReadonlySet<string>;
  /** Amounts and percentages policy allows or the customer stated (`amountsIn`); any other in an offer is invented. */
  knownAmounts?: ReadonlySet<string>;
  /** Outcomes the agent cannot put a time on (scenario policy): naming one is a false promise. */
  unpromisable?: { id: string; about: string[] }[];
  /** The content lemmas of the scenario (see scenarioContext): a message sharing none of them, or the customer's, is off topic. */
  topic?: ReadonlySet<string>;
  /** The organisation's red lines: each one sent is the harm its kind names. */
  redLines?: readonly RedLine[];
};

type Sentence = {
  text: string;
  start: number;
  lower: string;
  question: QuestionKind | null;
  words: Set<string>;
};

const recentContent = new Map<string, Set<string>>();

/**
 * The content of a message as lemmas: "sent the photos" and "send a photo"
 * share send and photo. The customer's message anchors every reply to it, so
 * recent ones are remembered rather than read again.
 */
export function contentWords(text: string): Set<string> {
  if (languageOf(text) === "zh") return chineseContentOf(text);
  let words = recentContent.get(text);
  if (!words) {
    words = contentLemmas(analyseText(text).tokens);
    if (recentContent.size >= 500) recentContent.clear();
    recentContent.set(text, words);
  }
  return words;
}

// Scenario phrases (a fact's asks, an offer's matches) are few and fixed, and are read for every message:
// kept apart from recentContent so a run of long transcripts never pushes them out.
const phraseMeanings = new Map<string, Set<string>>();

/** The meaning of an authored phrase, for bag-of-lemmas matching: its content words, when it has two or more. */
function meaningOf(phrase: string): Set<string> | null {
  let words = phraseMeanings.get(phrase);
  if (!words) {
    words = contentLemmas(analyseText(phrase).tokens);
    phraseMeanings.set(phrase, words);
  }
  return words.size >= 2 ? words : null;
}

/** A sentence as it is compared with earlier turns: case, spacing and punctuation ignored. */
export function sentenceKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

// "Thanks." or "Does that work for you?" said twice is conversation, not a pasted line.
const MIN_REPEATED_WORDS = 6;

// About two Chinese characters carry what one English word does.
const wordCount = (key: string) => key.split(" ").length + Math.floor((key.match(/\p{Script=Han}/gu)?.length ?? 0) / 2);

/** The sentences of a message that would count as repeats if sent again. */
export function sentenceKeys(message: string): string[] {
  const sentences = languageOf(message) === "zh" ? analyseChinese(message).sentences : analyseText(message).sentences;
  return sentences.map((sentence) => sentenceKey(sentence.text)).filter((key) => wordCount(key) >= MIN_REPEATED_WORDS);
}

/** The message's sentences, with what the language layer read in each. */
function sentences(analysis: TextAnalysis): Sentence[] {
  return analysis.sentences.map((sentence) => ({
    text: sentence.text,
    start: sentence.start,
    lower: sentence.text.toLowerCase(),
    question: sentence.question,
    words: contentLemmas(analysis.tokens.slice(...sentence.tokens)),
  }));
}

/** True when the word at `index` (an offset into the sentence) lies in the scope of a negation. */
function negatedAt(analysis: TextAnalysis, sentence: Sentence, index: number): boolean {
  return tokenAt(analysis, sentence.start + index)?.negated ?? false;
}

function overlap(sentence: Sentence, anchor: Set<string>): number {
  let shared = 0;
  for (const word of sentence.words) if (anchor.has(word)) shared += 1;
  return shared;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const compiledPhrases = new Map<string, RegExp>();
// Lookarounds rather than \b, so terms ending in a symbol ("order #") still match.
// Scenario keyword lists repeat on every message, so each list is compiled once.
function phrases(list: string[]): RegExp {
  const key = list.join("\u0000");
  let pattern = compiledPhrases.get(key);
  if (!pattern) {
    pattern = new RegExp(`(?<![a-z0-9])(?:${list.map(escapeRegExp).join("|")})(?![a-z0-9])`, "g");
    if (compiledPhrases.size > 1000) compiledPhrases.clear();
    compiledPhrases.set(key, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

type Rule = {
  kind: SignalKind;
  pattern: RegExp;
  strength?: Strength;
  negatable?: boolean;
};

const RULES: Rule[] = [
  { kind: "apology", pattern: /\b(?:sorry|apolog(?:y|ies|ise|ize|ising|izing))\b/g, negatable: true },
  {
    kind: "ownership",
    pattern:
      /\b(?:i'?ll|i will|let me|i'?m going to|i am going to|i can (?:help|fix|sort|get|do|check|look)|i'?ve (?:gone ahead|arranged|issued|sent|set up|refunded|processed|reset|booked|ordered|escalated|flagged)|i'?m (?:on it|taking care|looking into))\b/g,
    negatable: true,
  },
  {
    kind: "blame",
    pattern:
      /\b(?:you (?:should have|should've|shouldn'?t have|didn'?t|did not|failed to|forgot to|must have|need to read|were supposed to|clearly)|your (?:own )?(?:fault|mistake|error)|not our (?:fault|problem|responsibility)|not us(?= *(?:[.!,;]|$))|user error|that'?s on you)\b/g,
  },
  {
    kind: "dismissive",
    pattern:
      /\b(?:as i (?:said|mentioned|explained|told you|already (?:said|explained|told you|mentioned))|relax|obviously|there'?s nothing (?:i|we) can do|nothing (?:i|we) can do|that'?s (?:just )?(?:how it is|the way it is|policy)|not my (?:problem|job|department|issue)|you'?ll have to wait|it is what it is|i don'?t make the rules)\b/g,
  },
  {
    kind: "rudeness",
    pattern:
      /\b(?:stupid|idiot|idiotic|dumb|moron|pathetic|shut up|whatever(?= *(?:[.!?,]|$| you (?:say|want|think)))|deal with it|get over it|stop (?:whining|complaining)|ridiculous request|waste of (?:my|our) time|not my problem|calm down|it'?s (?:only|just) an? (?:toy|game|parcel|box|delay|bill|app|website|password|login|mistake|subscription|few (?:days|pounds|dollars|euros))|sorry (?:that )?you (?:can'?t|cannot|couldn'?t|don'?t|didn'?t|are unable to) (?:read|understand|follow|see|work out|figure|manage|use|get)|must be hard for you|try (?:reading|to read)|read (?:the|my) (?:message|email|instructions) (?:again|properly))/g,
  },
  {
    kind: "false-promise",
    pattern:
      /\b(?:i (?:promise|guarantee)|guaranteed|100 ?%|definitely (?:arrive|be there|be fixed|get it)|will never happen again|never happen again|it will (?:definitely|certainly) )/g,
    negatable: true,
  },
  {
    kind: "sets-expectations",
    pattern:
      /\b(?:within (?:the next )?(?:\d+|one|two|three|24|48)|by (?:tomorrow|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the end of (?:the )?(?:day|week)|end of day|\d)|in the next \d+|\d+(?:\s?-\s?\d+)? (?:business |working )?(?:days?|hours?|minutes?)|you'?ll (?:receive|get|see|hear|have (?!to))|you will (?:receive|get|see|hear|have (?!to))|expect (?:it|an?|the|to)|next steps?|what happens next|(?:should|will) (?:arrive|reach you|be back|be resolved|show up|appear))\b/g,
  },
  {
    kind: "checks-satisfaction",
    pattern:
      /\b(?:does (?:that|this)(?: [a-z]+)? (?:work|sound|help)|is (?:that|this) (?:ok|okay|alright|all right|acceptable)|would (?:that|this) (?:work|help|be ok)|how does (?:that|this) sound|are you happy with|does that answer|did that (?:help|work|fix))\b/g,
  },
  {
    kind: "closes",
    pattern:
      /\b(?:have a (?:great|good|lovely|nice|wonderful) (?:day|evening|weekend|night|one)|take care|thanks (?:again )?for (?:contacting|reaching out|your patience|getting in touch|bearing with)|thank you for (?:contacting|reaching out|your patience|getting in touch|bearing with)|glad (?:i|we) could help|happy to help|anything else)\b/g,
  },
  {
    kind: "escalates",
    pattern:
      /\b(?:(?:transfer|escalate|pass|hand|connect|bring in|loop in)(?:\s+(?:you|this|it|your case))?(?:\s+over)?\s+to\s+(?:my|a|our|the)\s+(?:supervisor|manager|specialist|team lead|lead|engineering|engineers|tier 2|second-line|billing team|senior)|escalat(?:e|ed|ing) (?:this|it|your)|raise (?:this|it) with (?:my|our|the) (?:team lead|manager|engineers|engineering))\b/g,
  },
  {
    kind: "negative-language",
    // "I can't promise the exact day" is honesty about a limit, not negativity.
    pattern:
      /\b(?:unfortunately|(?:can'?t|cannot)(?! (?:promise|guarantee))|won'?t be able|unable to|impossible|no way|not possible|not allowed|policy (?:doesn'?t|does not) allow)\b/g,
  },
];

const DEFAULT_JARGON = [
  "sku",
  "rma",
  "sla",
  "api",
  "backend",
  "back-end",
  "back end",
  "dns",
  "cache",
  "endpoint",
  "ticket id",
  "escalation matrix",
  "tier 2",
  "tier two",
  "l2",
  "t2",
  "kb article",
  "provisioning",
  "sync job",
  "propagation",
  "bug ticket",
  "jira",
  "p1",
  "p2",
  "root cause",
  "eta",
  "payload",
  "auth token",
  "2fa seed",
  "chargeback",
  "pending authorization",
  "ledger",
  "fulfillment center",
];

const SECRET_NOUN =
  /\b(?:(?:full|whole|entire|complete|long)\s+(?:card|credit card|debit card)\s+number|card number|credit card number|cvv|cvc|security code|password(?! reset)(?!-reset)|passcode|pin(?: number)?|one[- ]time (?:code|passcode|password)|otp|verification code|2fa code|login code)\b/g;
const SECRET_ACTED_ON =
  /\b(?:reset|resets|resetting|change|changed|changing|update|updated|forgot|forgotten|forget|forgetting|remember|remembering|save|saved|saving|store|stored|mistype|mistyped|mistyping)\s+(?:(?:your|the|a|my|their|that)\s+)?$/;
const SECRET_AS_MODIFIER = /^\s*(?:change|changes|reset|resets|manager|managers|rules?|requirements?|strength|expired|expiry)\b/;
const REQUEST_VERB =
  /\b(?:send|share|give|tell|provide|confirm|type|read out|enter|need|what(?:'s| is)|can i (?:have|get)|could i (?:have|get)|reply with|dm|message)\b/;

const EMOTION_PHRASES = [
  "i can only imagine",
  "i can imagine",
  "must be",
  "must have been",
  "must feel",
  "i'd be",
  "i would be",
  "how stressful",
  "how frustrating",
  "how worrying",
  "how upsetting",
  "how disappointing",
  "how annoying",
  "what a pain",
  "what a nightmare",
  "what a hassle",
  "i hate that",
  "i hate to hear",
  "that's awful",
  "that's terrible",
  "that's horrible",
  "that's rough",
  "that's stressful",
  "that's so frustrating",
  "that sounds awful",
  "that sounds stressful",
  "that sounds frustrating",
  "that sounds exhausting",
  "that sounds really",
  "i feel terrible",
  "i'm so sorry",
  "i'm really sorry",
  "i'm truly sorry",
  "i am so sorry",
  "i am really sorry",
  "i'm very sorry",
  "so sorry",
  "really sorry",
  "truly sorry",
  "genuinely sorry",
  "sincerely sorry",
  "heartbreaking",
  "gutting",
];
const GENERIC_APOLOGY =
  /\b(?:sorry (?:for|about) (?:the|any|this|that|your) (?:inconvenience|trouble|hassle|issue|confusion|delay|experience)|sorry about that|sorry to hear that|we apologi[sz]e for (?:any|the) inconvenience|apologies for (?:any|the) inconvenience|sorry for any inconvenience|oh no|oops|my apologies|apologies)\b/;
const FEELING_WORDS =
  /\b(?:worr|stress|frustrat|upset|annoy|disappoint|anxious|scar|angry|awful|terrible|horrible|rough|exhaust|nightmare|hassle|panic|sad|hurt|gutt)/;

const UNDERSTANDING_GENERIC =
  /\b(?:(?:i|we) (?:completely |totally |fully |really |do )?understand|totally understand|understood|(?:i|we) know how|(?:i|we) get it|(?:i|we) get that|i hear you|that makes sense|understandable|(?:i|we) can see why|i see why|i see how|(?:i|we) know (?:\w+ )?(?:delays|that|this|how) (?:is|are|can be|must be)? ?(?:frustrating|annoying|stressful)|that'?s (?:frustrating|annoying|never fun|no fun|a pain)|understand (?:the|your) frustration)\b/;
const INTERPRETIVE_MARKER =
  /\b(?:it sounds like|sounds like (?:you|your|the|this)|so (?:you|your|the|this|that)\b|if i (?:understand|have this) (?:right|correctly)|you must (?:be|have|feel)|that must (?:be|have|feel)|which means (?:you|your)|that means (?:you|your)|on top of (?:everything|that|this)|so beyond)/;
const SECOND_PERSON = /\b(?:you|your|you'?re|you'?ve|you'?d|yourself)\b/;
const ACTION_STATEMENT =
  /\b(?:i'?ve|we'?ve|i'?ll|we'?ll|i have|we have|has been|have been|is on its way|are on their way|will be|i can|we can|please|you can|you'?ll|you will|you need to|you should|let me|here'?s|attached)\b/;
const APOLOGY = /\b(?:sorry|apologi[sz]e|apologies)\b/;

/** Questions for identifiers and records, verification and closing checks: they explore nothing (guide: Explorations, 0). */
const RECORD_QUESTION =
  /\b(?:for (?:verification|security)|to verify|verify (?:your|the) (?:identity|account)|anything else|is there anything|can (?:you|i) (?:confirm|verify) your|what(?:'s| is) (?:your|the) (?:email|name|order|account|phone|address|date of birth|username|postcode|reference|card)|could you (?:confirm|verify) your|may i have your|can i have your|could i have your|(?:send|share|attach|give|provide|confirm|tell)(?: me| us)? (?:a |the |your )?(?:order|email|photo|picture|screenshot|postcode|reference|account|card|last four|browser|version|address|phone))/;
const GENERIC_QUESTION =
  /\b(?:tell me more|can you (?:tell me more|explain|describe|elaborate)|could you (?:tell me more|explain|describe|elaborate)|what happened|what'?s (?:going on|the (?:issue|problem))|what seems to be the (?:issue|problem)|how can i help|what can i do for you|more details|more information|what exactly)\b/;
const NEED_QUESTION =
  /\b(?:what would (?:help|make this right|work (?:best|for you)|be most helpful|you like|you prefer|be ideal)|what matters (?:most )?to you|would it help (?:if|to)|is it (?:the|this|that)|when you say|how (?:is|has) (?:this|that) (?:affecting|affected)|what do you need|what are you hoping|which (?:would|matters|is more)|do you need it by|how soon do you need|is there a (?:date|deadline|time)|what would you like (?:us|me) to)\b/;
function isQuestion(sentence: Sentence): boolean {
  return sentence.question !== null;
}

function push(signals: Signal[], message: string, kind: SignalKind, start: number, end: number, extra: Partial<Signal> = {}) {
  signals.push({ kind, span: [start, end], text: message.slice(start, end), ...extra });
}

function sentenceSignal(signals: Signal[], message: string, kind: SignalKind, sentence: Sentence, extra: Partial<Signal> = {}) {
  const leading = sentence.text.length - sentence.text.trimStart().length;
  const trimmed = sentence.text.trim();
  push(signals, message, kind, sentence.start + leading, sentence.start + leading + trimmed.length, extra);
}

function empathySignals(message: string, analysis: TextAnalysis, list: Sentence[], anchor: Set<string>, signals: Signal[]) {
  for (const sentence of list) {
    const anchored = overlap(sentence, anchor) >= 1;
    const strongFeeling = EMOTION_PHRASES.some((phrase) => {
      const at = sentence.lower.indexOf(phrase);
      return at >= 0 && !negatedAt(analysis, sentence, at);
    });
    const genericAt = sentence.lower.search(GENERIC_APOLOGY);
    const apologyAt = sentence.lower.search(/\b(?:sorry|apologi[sz]e)\b/);
    if (strongFeeling && (anchored || FEELING_WORDS.test(sentence.lower))) {
      sentenceSignal(signals, message, "emotional-reaction", sentence, { strength: anchored ? "strong" : "weak" });
    } else if (genericAt >= 0 && !negatedAt(analysis, sentence, genericAt)) {
      sentenceSignal(signals, message, "emotional-reaction", sentence, { strength: "weak" });
    } else if (apologyAt >= 0 && !negatedAt(analysis, sentence, apologyAt) && !/\bsorry,? but\b/.test(sentence.lower)) {
      sentenceSignal(signals, message, "emotional-reaction", sentence, {
        strength: anchored && sentence.text.trim().split(/\s+/).length > 4 ? "strong" : "weak",
      });
    }

    // Reflecting the customer's experience back (not apologising for it, not acting on it) is interpretation.
    const markerAt = sentence.lower.search(INTERPRETIVE_MARKER);
    const reflects =
      !isQuestion(sentence) &&
      !APOLOGY.test(sentence.lower) &&
      ((markerAt >= 0 && !negatedAt(analysis, sentence, markerAt) && overlap(sentence, anchor) >= 1) ||
        (SECOND_PERSON.test(sentence.lower) && !ACTION_STATEMENT.test(sentence.lower) && overlap(sentence, anchor) >= 2));
    const genericUnderstandingAt = sentence.lower.search(UNDERSTANDING_GENERIC);
    if (reflects) {
      sentenceSignal(signals, message, "interpretation", sentence, { strength: "strong" });
    } else if (genericUnderstandingAt >= 0 && !negatedAt(analysis, sentence, genericUnderstandingAt)) {
      sentenceSignal(signals, message, "interpretation", sentence, { strength: "weak" });
    }

    if (isQuestion(sentence) && !RECORD_QUESTION.test(sentence.lower)) {
      const words = sentence.text.trim().split(/\s+/).length;
      const specific = overlap(sentence, anchor) >= 1 || / or /.test(sentence.lower) || words >= 7;
      if (NEED_QUESTION.test(sentence.lower) || (specific && !GENERIC_QUESTION.test(sentence.lower))) {
        sentenceSignal(signals, message, "exploration", sentence, { strength: "strong" });
      } else {
        sentenceSignal(signals, message, "exploration", sentence, { strength: "weak" });
      }
    }
  }
}

function sentenceAt(list: Sentence[], index: number): Sentence {
  let found = list[0];
  for (const sentence of list) {
    if (sentence.start > index) break;
    found = sentence;
  }
  return found;
}

/** Runs each pattern once over the whole message; negation is checked within the sentence of each match. */
function ruleSignals(message: string, lower: string, analysis: TextAnalysis, list: Sentence[], signals: Signal[]) {
  for (const rule of RULES) {
    for (const match of lower.matchAll(rule.pattern)) {
      const at = match.index ?? 0;
      if (rule.negatable) {
        const sentence = sentenceAt(list, at);
        if (negatedAt(analysis, sentence, at - sentence.start)) continue;
      }
      push(signals, message, rule.kind, at, at + match[0].length, rule.strength ? { strength: rule.strength } : {});
    }
  }
}

function listSignals(message: string, lower: string, kind: SignalKind, terms: string[], signals: Signal[], extra: Partial<Signal> = {}) {
  if (terms.length === 0) return;
  for (const match of lower.matchAll(phrases(terms.map((term) => term.toLowerCase())))) {
    const at = match.index ?? 0;
    push(signals, message, kind, at, at + match[0].length, extra);
  }
}

const REQUEST_WORDS = /\b(?:please|could you|can you|would you|send|share|let me know|tell me|confirm|need)\b/;

const TIME_PREPOSITION = /\b(?:within|by|in|on|before|until|after|over|around|about|from|next)\s+$/i;

/** Each day, time or duration the agent names, with its preposition ("within 2 business days", "by Saturday"). */
function timeSignals(message: string, analysis: TextAnalysis, signals: Signal[]) {
  for (const entity of analysis.entities) {
    if (entity.kind !== "date" && entity.kind !== "time" && entity.kind !== "duration") continue;
    const before = message.slice(Math.max(0, entity.start - 12), entity.start);
    const preposition = TIME_PREPOSITION.exec(before);
    push(signals, message, "names-time", preposition ? entity.start - (before.length - preposition.index) : entity.start, entity.end);
  }
}

const CLOSING_QUESTION = /\b(?:anything else|is there anything)\b/;

/** A request for a record the scenario's customer does not have ("What's your account number?"). */
function unknownAskSignals(message: string, list: Sentence[], facts: AnalysisContext["facts"], signals: Signal[]) {
  if (!facts) return;
  for (const sentence of list) {
    if (!sentence.question || !RECORD_QUESTION.test(sentence.lower) || CLOSING_QUESTION.test(sentence.lower)) continue;
    const end = sentence.start + sentence.text.length;
    if (signals.some((signal) => signal.kind === "asks-fact" && signal.span[0] >= sentence.start && signal.span[0] < end)) continue;
    sentenceSignal(signals, message, "asks-unknown", sentence);
  }
}

const asking = (sentence: Sentence) => isQuestion(sentence) || REQUEST_WORDS.test(sentence.lower);

/**
 * A fact is asked for when a question or request says it: the scenario's own
 * words, or any sentence holding every content word of one of them in any
 * order and form ("the number on your confirmation email" asks for the
 * "confirmation number").
 */
function factSignals(
  message: string,
  lower: string,
  analysis: TextAnalysis,
  list: Sentence[],
  facts: AnalysisContext["facts"],
  signals: Signal[],
) {
  for (const fact of facts ?? []) {
    let found = false;
    for (const match of lower.matchAll(phrases(fact.ask.map((term) => term.toLowerCase())))) {
      const at = match.index ?? 0;
      const sentence = sentenceAt(list, at);
      if (asking(sentence) && !negatedAt(analysis, sentence, at - sentence.start)) {
        push(signals, message, "asks-fact", at, at + match[0].length, { ref: fact.id });
        found = true;
        break;
      }
    }
    if (found) continue;
    const meanings = fact.ask.map(meaningOf).filter((words) => words !== null);
    const sentence = list.find(
      (candidate) =>
        asking(candidate) &&
        meanings.some((words) => [...words].every((word) => candidate.words.has(word) && !negatedWord(analysis, candidate, word))),
    );
    if (sentence) sentenceSignal(signals, message, "asks-fact", sentence, { ref: fact.id });
  }
}

// A sentence that commits to, proposes or reports doing something; a bare noun
// ("replacement.") names a remedy without offering it.
const OFFER_FRAME =
  /\b(?:i'?ll|i will|we'?ll|we will|i can|we can|i could|we could|let me|let's|let us|i'?ve|we'?ve|i have|we have|i'?m|we'?re|i am|we are|i'?d|we'?d|would you|would (?:a|an|the|it|that|this)|shall (?:i|we)|how about|what about|you can|you could|you'?ll|you will|is now|are now|has been|have been|is on its way|are on their way|here'?s|happy to|option|if you(?:'d)? (?:prefer|like|want|would like))\b/;

const LEADING_CONNECTIVE = new Set(["ADV", "CCONJ", "SCONJ", "INTJ", "PUNCT"]);
// The tagger reads a capitalised first word as a name ("Click Export…"); these open instructions.
const INSTRUCTION_VERBS = new Set([
  "click",
  "tap",
  "choose",
  "select",
  "open",
  "go",
  "press",
  "try",
  "send",
  "reset",
  "compress",
  "split",
  "use",
  "export",
  "save",
  "pick",
  "enter",
  "type",
  "log",
  "sign",
  "check",
  "restart",
  "update",
  "clear",
  "follow",
  "download",
  "install",
  "reply",
  "visit",
  "head",
  "move",
  "switch",
  "drag",
  "add",
  "remove",
  "turn",
  "keep",
  "pop",
  "drop",
  "return",
  "upload",
  "attach",
  "call",
]);

function isOfferSentence(analysis: TextAnalysis, sentence: Sentence): boolean {
  if (OFFER_FRAME.test(sentence.lower) || sentence.question === "choice") return true;
  // An imperative, after any connective: "Compress the file", "Then click Invite".
  const first = analysis.tokens.find(
    (token) => token.start >= sentence.start && /\p{L}/u.test(token.text) && !LEADING_CONNECTIVE.has(token.pos),
  );
  if (!first || first.start >= sentence.start + sentence.text.length || sentence.question !== null) return false;
  return first.pos === "VERB" || INSTRUCTION_VERBS.has(first.text.toLowerCase());
}

// "Forget the warranty, I'll…" sets the warranty aside rather than offering it.
const DISMISSED = /\b(?:forget|never mind|skip|ignore|instead of|rather than|no need for)(?: about)?(?: the| a| an| your)?\s*$/;

/** An offer is recognised like a fact: its words, or all the content words of one of them, in a sentence that offers. */
function offerSignals(message: string, lower: string, analysis: TextAnalysis, list: Sentence[], offers: OfferRule[], signals: Signal[]) {
  for (const offer of offers) {
    let found = false;
    for (const match of lower.matchAll(phrases(offer.match.map((term) => term.toLowerCase())))) {
      const at = match.index ?? 0;
      const sentence = sentenceAt(list, at);
      if (
        negatedAt(analysis, sentence, at - sentence.start) ||
        DISMISSED.test(lower.slice(sentence.start, at)) ||
        !isOfferSentence(analysis, sentence)
      )
        continue;
      push(signals, message, "offers-resolution", at, at + match[0].length, { ref: offer.id });
      found = true;
      break;
    }
    if (found || offer.exact) continue;
    const meanings = offer.match.map(meaningOf).filter((words) => words !== null);
    const sentence = list.find(
      (candidate) =>
        isOfferSentence(analysis, candidate) &&
        meanings.some((words) => [...words].every((word) => candidate.words.has(word) && !negatedWord(analysis, candidate, word))),
    );
    if (sentence) sentenceSignal(signals, message, "offers-resolution", sentence, { ref: offer.id });
  }
}

function negatedWord(analysis: TextAnalysis, sentence: Sentence, lemma: string): boolean {
  return analysis.tokens.some(
    (token) =>
      token.start >= sentence.start && token.start < sentence.start + sentence.text.length && token.lemma === lemma && token.negated,
  );
}

const SOFT_WORDS = /\b(?:sorry|apologi[sz]e|understand)/;
// A sentence cut into words splits off ones that never stand alone: "Is." "A." ("A." reads as an initial).
const FUNCTION_WORDS = new Set(["AUX", "DET", "PRON", "ADP", "PART", "CCONJ", "SCONJ"]);
const standsAlone = (token: Token) => !FUNCTION_WORDS.has(token.pos) && !/^(?:a|an|the|is|are|it|not|to|of|do|you|i)\.?$/i.test(token.text);

/**
 * Mockery: capitals inside an apology ("I'm SO sorry you…"), which reads as
 * shouting whatever was meant, and one-word sentences hammered out ("CSV. Is.
 * A. Spreadsheet."), which is rude.
 */
function mockerySignals(message: string, analysis: TextAnalysis, list: Sentence[], signals: Signal[]) {
  for (const sentence of list) {
    if (!SOFT_WORDS.test(sentence.lower)) continue;
    const tokens = analysis.tokens.filter(
      (token) => token.start >= sentence.start && token.start < sentence.start + sentence.text.length && /\p{L}/u.test(token.text),
    );
    const shouted = shoutedWords(tokens);
    // A whole sentence in capitals is shouting; a capitalised word inside an apology is mockery.
    if (shouted.length * 2 >= tokens.length) continue;
    for (const word of shouted) push(signals, message, "shouting", word.start, word.end);
  }
  const words = (sentence: Sentence) =>
    analysis.tokens.filter(
      (token) => token.start >= sentence.start && token.start < sentence.start + sentence.text.length && /\p{L}|\p{N}/u.test(token.text),
    );
  for (let i = 0; i + 2 < list.length; i++) {
    const run = list.slice(i, i + 3).map(words);
    const hammered =
      run.every((tokens) => tokens.length >= 1 && tokens.length <= 2) && run.filter((tokens) => standsAlone(tokens[0])).length <= 1;
    if (hammered) {
      push(signals, message, "rudeness", list[i].start, list[i + 2].start + list[i + 2].text.trimEnd().length);
      break;
    }
  }
}

const NUMBER = /\d+(?:[.,]\d+)*/g;
const numbersOf = (text: string) => [...text.matchAll(NUMBER)].map((match) => match[0].replace(/,/g, ""));

/** The money amounts and percentages in a text, as numbers without separators ("£1,250.00" → "1250.00"). */
export function amountsIn(text: string): Set<string> {
  if (languageOf(text) === "zh") return chineseAmountsIn(text);
  return new Set(
    analyseText(text)
      .entities.filter((entity) => entity.kind === "money" || entity.kind === "percent")
      .flatMap((entity) => numbersOf(entity.text)),
  );
}

/** Terms the policy never mentions: a discount, credit or refund amount the agent made up ("40% off", "£50 credit"). */
function inventedTermSignals(
  message: string,
  analysis: TextAnalysis,
  list: Sentence[],
  known: ReadonlySet<string> | undefined,
  signals: Signal[],
) {
  if (!known) return;
  for (const entity of analysis.entities) {
    if (entity.kind !== "money" && entity.kind !== "percent") continue;
    const sentence = list[entity.sentence];
    if (!sentence || !isOfferSentence(analysis, sentence) || negatedAt(analysis, sentence, entity.start - sentence.start)) continue;
    if (numbersOf(entity.text).some((amount) => !known.has(amount))) push(signals, message, "invented-terms", entity.start, entity.end);
  }
}

const CERTAIN =
  /\b(?:will|'ll|going to|gonna|definitely|certainly|guarantee|promise|for sure)\b|\b(?:it'?s|we'?re|you'?re|it is|we are) (?:back|there|fixed|sorted|arriving|coming)\b/;
const HEDGED =
  /\b(?:should|usually|normally|typically|hope|hopefully|aim|expect|estimate|likely|might|may|could|probably|roughly|around|about|try|if|once|as soon as|until|unless)\b/;

/**
 * A false promise in context: a confident day or time ("it'll be there
 * Saturday", "back in 10 minutes") for an outcome the scenario says no one can
 * yet time. Hedged estimates, refusals to promise and questions are honest.
 */
function promiseSignals(
  message: string,
  analysis: TextAnalysis,
  list: Sentence[],
  unpromisable: AnalysisContext["unpromisable"],
  signals: Signal[],
) {
  if (!unpromisable?.length) return;
  list.forEach((sentence, index) => {
    if (sentence.question || !CERTAIN.test(sentence.lower) || HEDGED.test(sentence.lower)) return;
    const certainAt = sentence.lower.search(CERTAIN);
    if (negatedAt(analysis, sentence, certainAt)) return;
    const when = analysis.entities.find(
      (entity) =>
        entity.sentence === index &&
        (entity.kind === "date" ||
          entity.kind === "time" ||
          (entity.kind === "duration" && /\bin\s+(?:the\s+next\s+)?$/i.test(message.slice(sentence.start, entity.start)))),
    );
    if (!when) return;
    const outcome = unpromisable.find((limit) => phrases(limit.about.map((term) => term.toLowerCase())).test(sentence.lower));
    if (outcome) sentenceSignal(signals, message, "false-promise", sentence, { ref: outcome.id });
  });
}

function secretSignals(message: string, lower: string, analysis: TextAnalysis, list: Sentence[], signals: Signal[]) {
  for (const match of lower.matchAll(SECRET_NOUN)) {
    const at = match.index ?? 0;
    const sentence = sentenceAt(list, at);
    // "Did it start after you changed your password?" asks about the password, not for it.
    const aboutIt = SECRET_ACTED_ON.test(lower.slice(sentence.start, at)) || SECRET_AS_MODIFIER.test(lower.slice(at + match[0].length));
    const asking = !aboutIt && (REQUEST_VERB.test(sentence.lower) || isQuestion(sentence));
    // "Never share your password" warns rather than asks; the negation must sit in the same clause.
    if (!asking || negatedAt(analysis, sentence, at - sentence.start)) continue;
    push(signals, message, "asks-secret", at, at + match[0].length);
  }
}

type MessageReading = {
  analysis: TextAnalysis;
  list: Sentence[];
  anchor: Set<string>;
};

function readMessage(message: string, context: AnalysisContext): MessageReading {
  const analysis = analyseText(message);
  return { analysis, list: sentences(analysis), anchor: contentWords(context.customerMessage ?? "") };
}

function empathySentenceFeaturesOf(message: string, { analysis, list, anchor }: MessageReading): SentenceFeatures[] {
  const rules: Signal[] = [];
  empathySignals(message, analysis, list, anchor, rules);
  const readings: RuleReading[] = rules.map((signal) => ({
    kind: signal.kind as RuleReading["kind"],
    strength: signal.strength ?? "weak",
    start: signal.span[0],
  }));
  return empathyFeatures(analysis, anchor, contentLemmas, readings);
}

/** What the empathy model reads in a reply, sentence by sentence (also what it is trained on). */
export function empathySentenceFeatures(message: string, context: AnalysisContext = {}): SentenceFeatures[] {
  if (languageOf(message) === "zh") return chineseEmpathySentenceFeatures(message, context);
  return empathySentenceFeaturesOf(message, readMessage(message, context));
}

/** The learned empathy levels of a reply, as signals spanning the sentence that argued most for each. */
function learnedEmpathySignals(message: string, sentences: SentenceFeatures[], notExploringAt: number[], signals: Signal[]) {
  for (const { mechanism, start, end, strength } of learnedLevels(EMPATHY_MODEL, sentences, notExploringAt))
    push(signals, message, mechanism, start, end, { strength });
}

// Nouns that are about the customer's trouble whatever it is: "sorry for the wait" is on any scenario's topic.
const TROUBLE_NOUNS = new Set([
  "wait",
  "delay",
  "trouble",
  "inconvenience",
  "hassle",
  "issue",
  "problem",
  "confusion",
  "experience",
  "frustration",
  "mistake",
  "error",
  "situation",
  "stress",
  "worry",
  "patience",
  "mess",
  "mix",
]);

/** A message about something else entirely: no support move and not one thing it mentions shared with the scenario or the customer. */
function offTopic({ analysis, anchor }: MessageReading, signals: Signal[], topic: ReadonlySet<string>): boolean {
  if (signals.some((signal) => ON_TOPIC.has(signal.kind))) return false;
  // What a message is about lives in its nouns; verbs and adjectives ("like", "last") fit any topic.
  // The tagger reads a capitalised "I'm" as a name; a contraction is never a thing talked about.
  const things = contentLemmas(
    analysis.tokens.filter((token) => (token.pos === "NOUN" || token.pos === "PROPN") && !token.text.includes("'")),
  );
  if (things.size === 0) return false;
  for (const word of things) if (topic.has(word) || anchor.has(word) || TROUBLE_NOUNS.has(word)) return false;
  return true;
}

function repeatedSentences(list: Sentence[], saidBefore: ReadonlySet<string> | undefined): Sentence[] {
  if (!saidBefore || saidBefore.size === 0) return [];
  return list.filter((sentence) => saidBefore.has(sentenceKey(sentence.text)));
}

/** Every signal in an agent message, in order of where it starts. */
export function analyseMessage(message: string, context: AnalysisContext = {}): Signal[] {
  const signals = analyseInLanguage(message, context);
  if (!context.redLines?.length) return signals;
  const crossed = findRedLines(message, context.redLines).map((hit): Signal => ({
    kind: RED_LINE_SIGNAL[hit.redLine.kind],
    span: [hit.start, hit.end],
    text: message.slice(hit.start, hit.end),
    ref: `red-line:${hit.redLine.id}`,
  }));
  return [...signals, ...crossed].sort((a, b) => a.span[0] - b.span[0] || a.kind.localeCompare(b.kind));
}

function analyseInLanguage(message: string, context: AnalysisContext): Signal[] {
  const language = languageOf(message);
  if (context.language && language !== context.language && /\p{L}/u.test(message)) {
    const signals: Signal[] = [];
    push(signals, message, "wrong-language", 0, message.length);
    return signals;
  }
  if (language === "zh") return analyseChineseInContext(message, context);
  const reading = readMessage(message, context);
  const { analysis, list } = reading;
  const lower = message.toLowerCase();
  const repeated = repeatedSentences(list, context.saidBefore);
  const isRepeated = (start: number) =>
    repeated.some((sentence) => start >= sentence.start && start < sentence.start + sentence.text.length);
  const signals: Signal[] = [];
  const secrets: Signal[] = [];
  secretSignals(message, lower, analysis, list, secrets);
  learnedEmpathySignals(
    message,
    empathySentenceFeaturesOf(message, reading).filter((sentence) => !isRepeated(sentence.start)),
    secrets.map((signal) => signal.span[0]),
    signals,
  );
  ruleSignals(message, lower, analysis, list, signals);
  listSignals(message, lower, "jargon", [...DEFAULT_JARGON, ...(context.jargon ?? [])], signals);
  factSignals(message, lower, analysis, list, context.facts, signals);
  unknownAskSignals(message, list, context.facts, signals);
  timeSignals(message, analysis, signals);
  offerSignals(message, lower, analysis, list, context.offers ?? [], signals);
  signals.push(...secrets);
  mockerySignals(message, analysis, list, signals);
  promiseSignals(message, analysis, list, context.unpromisable, signals);
  inventedTermSignals(message, analysis, list, context.knownAmounts, signals);
  const firstName = context.customerName?.split(/\s+/)[0];
  if (firstName && firstName.length > 1) listSignals(message, lower, "personalises", [firstName], signals);
  // Sarcasm, mockery and condescension express no empathy (labelling guide, rule 1), and a repeated sentence earns nothing again.
  const rude = has(signals, "rudeness") || has(signals, "dismissive");
  const credited = signals.filter(
    (signal) => !(CREDIT.has(signal.kind) && isRepeated(signal.span[0])) && !(rude && EMPATHY.has(signal.kind)),
  );
  for (const sentence of repeated) sentenceSignal(credited, message, "repeats", sentence);
  if (context.topic && offTopic(reading, credited, context.topic)) {
    const kept = credited.filter((signal) => !EMPATHY.has(signal.kind) && signal.kind !== "apology");
    push(kept, message, "off-topic", 0, message.length);
    return kept.sort((a, b) => a.span[0] - b.span[0] || a.kind.localeCompare(b.kind));
  }
  return credited.sort((a, b) => a.span[0] - b.span[0] || a.kind.localeCompare(b.kind));
}

function analyseChineseInContext(message: string, context: AnalysisContext): Signal[] {
  const repeated = analyseChinese(message).sentences.filter((sentence) => context.saidBefore?.has(sentenceKey(sentence.text)));
  const isRepeated = (start: number) => repeated.some((sentence) => start >= sentence.start && start < sentence.end);
  const signals = analyseChineseMessage(message, context, isRepeated);
  for (const sentence of repeated) push(signals, message, "repeats", sentence.start, sentence.end);
  return signals.sort((a, b) => a.span[0] - b.span[0] || a.kind.localeCompare(b.kind));
}

export function strongest(signals: Signal[], kind: SignalKind): Signal | undefined {
  const matching = signals.filter((signal) => signal.kind === kind);
  return matching.find((signal) => signal.strength === "strong") ?? matching[0];
}

export function has(signals: Signal[], kind: SignalKind, ref?: string): boolean {
  return signals.some((signal) => signal.kind === kind && (ref === undefined || signal.ref === ref));
}
