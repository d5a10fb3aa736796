// One analyser turns an agent's message into signals, each with the span of
// text that triggered it. Sentences, negation scope, questions and lemmas come
// from the language layer (engine/language). The simulated customer reacts to these signals and
// the grader scores them, so the two can never disagree.

import { analyseText, contentLemmas, tokenAt, type QuestionKind, type TextAnalysis } from "../language/english.ts";

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
  | "negative-language";

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

export type OfferRule = { id: string; match: string[] };

/** What the analyser may know about the conversation it reads. */
export type AnalysisContext = {
  /** The customer message this reply answers; anchors "specific" empathy. */
  customerMessage?: string;
  customerName?: string;
  facts?: { id: string; ask: string[] }[];
  offers?: OfferRule[];
  jargon?: string[];
};

type Sentence = { text: string; start: number; lower: string; question: QuestionKind | null; words: Set<string> };

const recentContent = new Map<string, Set<string>>();

/**
 * The content of a message as lemmas: "sent the photos" and "send a photo"
 * share send and photo. The customer's message anchors every reply to it, so
 * recent ones are remembered rather than read again.
 */
export function contentWords(text: string): Set<string> {
  let words = recentContent.get(text);
  if (!words) {
    words = contentLemmas(analyseText(text).tokens);
    if (recentContent.size >= 500) recentContent.clear();
    recentContent.set(text, words);
  }
  return words;
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

type Rule = { kind: SignalKind; pattern: RegExp; strength?: Strength; negatable?: boolean };

const RULES: Rule[] = [
  { kind: "apology", pattern: /\b(?:sorry|apolog(?:y|ies|ise|ize|ising|izing))\b/g, negatable: true },
  {
    kind: "ownership",
    pattern: /\b(?:i'?ll|i will|let me|i'?m going to|i am going to|i can (?:help|fix|sort|get|do|check|look)|i'?ve (?:gone ahead|arranged|issued|sent|set up|refunded|processed|reset|booked|ordered|escalated|flagged)|i'?m (?:on it|taking care|looking into))\b/g,
    negatable: true,
  },
  {
    kind: "blame",
    pattern: /\b(?:you (?:should have|should've|shouldn'?t have|didn'?t|did not|failed to|forgot to|must have|need to read|were supposed to|clearly)|your (?:own )?(?:fault|mistake|error)|not our (?:fault|problem|responsibility)|user error|that'?s on you)\b/g,
  },
  {
    kind: "dismissive",
    pattern: /\b(?:as i (?:said|mentioned|already (?:said|explained|told you))|calm down|relax|obviously|there'?s nothing (?:i|we) can do|nothing (?:i|we) can do|that'?s (?:just )?(?:how it is|the way it is|policy)|not my (?:problem|job|department|issue)|you'?ll have to wait|it is what it is|i don'?t make the rules)\b/g,
  },
  {
    kind: "rudeness",
    pattern: /\b(?:stupid|idiot|idiotic|dumb|moron|pathetic|shut up|whatever|deal with it|get over it|stop (?:whining|complaining)|ridiculous request|waste of (?:my|our) time|not my problem)\b/g,
  },
  {
    kind: "false-promise",
    pattern: /\b(?:i (?:promise|guarantee)|guaranteed|100 ?%|definitely (?:arrive|be there|be fixed|get it)|will never happen again|never happen again|it will (?:definitely|certainly) )/g,
    negatable: true,
  },
  {
    kind: "sets-expectations",
    pattern: /\b(?:within (?:the next )?(?:\d+|one|two|three|24|48)|by (?:tomorrow|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the end of (?:the )?(?:day|week)|end of day|\d)|in the next \d+|\d+(?:\s?-\s?\d+)? (?:business |working )?(?:days?|hours?|minutes?)|you'?ll (?:receive|get|see|hear|have (?!to))|you will (?:receive|get|see|hear|have (?!to))|expect (?:it|an?|the|to)|next steps?|what happens next|(?:should|will) (?:arrive|reach you|be back|be resolved|show up|appear))\b/g,
  },
  {
    kind: "checks-satisfaction",
    pattern: /\b(?:does (?:that|this) (?:work|sound|help)|is (?:that|this) (?:ok|okay|alright|all right|acceptable)|would (?:that|this) (?:work|help|be ok)|how does (?:that|this) sound|are you happy with|anything else|does that answer|did that (?:help|work|fix))\b/g,
  },
  {
    kind: "closes",
    pattern: /\b(?:have a (?:great|good|lovely|nice|wonderful) (?:day|evening|weekend|night|one)|take care|thanks (?:again )?for (?:contacting|reaching out|your patience|getting in touch|bearing with)|thank you for (?:contacting|reaching out|your patience|getting in touch|bearing with)|glad (?:i|we) could help|happy to help)\b/g,
  },
  {
    kind: "escalates",
    pattern: /\b(?:(?:transfer|escalate|pass|hand|connect|bring in|loop in)(?:\s+(?:you|this|it|your case))?(?:\s+over)?\s+to\s+(?:my|a|our|the)\s+(?:supervisor|manager|specialist|team lead|lead|engineering|engineers|tier 2|second-line|billing team|senior)|escalat(?:e|ed|ing) (?:this|it|your)|raise (?:this|it) with (?:my|our|the) (?:team lead|manager|engineers|engineering))\b/g,
  },
  {
    kind: "negative-language",
    pattern: /\b(?:unfortunately|can'?t|cannot|won'?t be able|unable to|impossible|no way|not possible|not allowed|policy (?:doesn'?t|does not) allow)\b/g,
  },
];

const DEFAULT_JARGON = [
  "sku", "rma", "sla", "api", "backend", "back-end", "back end", "dns", "cache", "endpoint", "ticket id", "escalation matrix",
  "tier 2", "tier two", "l2", "t2", "kb article", "provisioning", "sync job", "propagation", "bug ticket", "jira", "p1", "p2",
  "root cause", "eta", "payload", "auth token", "2fa seed", "chargeback", "pending authorization", "ledger", "fulfillment center",
];

const SECRET_NOUN = /\b(?:(?:full|whole|entire|complete|long)\s+(?:card|credit card|debit card)\s+number|card number|credit card number|cvv|cvc|security code|password(?! reset)(?!-reset)|passcode|pin(?: number)?|one[- ]time (?:code|passcode|password)|otp|verification code|2fa code|login code)\b/g;
const REQUEST_VERB = /\b(?:send|share|give|tell|provide|confirm|type|read out|enter|need|what(?:'s| is)|can i (?:have|get)|could i (?:have|get)|reply with|dm|message)\b/;

const EMOTION_PHRASES = [
  "i can only imagine", "i can imagine", "must be", "must have been", "must feel", "i'd be", "i would be", "how stressful", "how frustrating",
  "how worrying", "how upsetting", "how disappointing", "how annoying", "what a pain", "what a nightmare", "what a hassle", "i hate that",
  "i hate to hear", "that's awful", "that's terrible", "that's horrible", "that's rough", "that's stressful", "that's so frustrating",
  "that sounds awful", "that sounds stressful", "that sounds frustrating", "that sounds exhausting", "that sounds really", "i feel terrible",
  "i'm so sorry", "i'm really sorry", "i'm truly sorry", "i am so sorry", "i am really sorry", "i'm very sorry", "so sorry",
  "really sorry", "truly sorry", "genuinely sorry", "sincerely sorry", "heartbreaking", "gutting",
];
const GENERIC_APOLOGY = /\b(?:sorry (?:for|about) (?:the|any|this|that|your) (?:inconvenience|trouble|hassle|issue|confusion|delay|experience)|sorry about that|sorry to hear that|we apologi[sz]e for (?:any|the) inconvenience|apologies for (?:any|the) inconvenience|sorry for any inconvenience|oh no|oops|my apologies|apologies)\b/;
const FEELING_WORDS = /\b(?:worr|stress|frustrat|upset|annoy|disappoint|anxious|scar|angry|awful|terrible|horrible|rough|exhaust|nightmare|hassle|panic|sad|hurt|gutt)/;

const UNDERSTANDING_GENERIC = /\b(?:(?:i|we) (?:completely |totally |fully |really |do )?understand|totally understand|understood|(?:i|we) know how|(?:i|we) get it|(?:i|we) get that|i hear you|that makes sense|understandable|(?:i|we) can see why|i see why|i see how|(?:i|we) know (?:\w+ )?(?:delays|that|this|how) (?:is|are|can be|must be)? ?(?:frustrating|annoying|stressful)|that'?s (?:frustrating|annoying|never fun|no fun|a pain)|understand (?:the|your) frustration)\b/;
const INTERPRETIVE_MARKER = /\b(?:it sounds like|sounds like (?:you|your|the|this)|so (?:you|your|the|this|that)\b|if i (?:understand|have this) (?:right|correctly)|you must (?:be|have|feel)|that must (?:be|have|feel)|which means (?:you|your)|that means (?:you|your)|on top of (?:everything|that|this)|so beyond)/;
const SECOND_PERSON = /\b(?:you|your|you'?re|you'?ve|you'?d|yourself)\b/;
const ACTION_STATEMENT = /\b(?:i'?ve|we'?ve|i'?ll|we'?ll|i have|we have|has been|have been|is on its way|are on their way|will be|i can|we can|please|you can|you'?ll|you will|you need to|you should|let me|here'?s|attached)\b/;
const APOLOGY = /\b(?:sorry|apologi[sz]e|apologies)\b/;

const ADMIN_QUESTION = /\b(?:for (?:verification|security)|to verify|verify (?:your|the) (?:identity|account)|anything else|is there anything|can (?:you|i) (?:confirm|verify) your|what(?:'s| is) your (?:email|name|order|account|phone|address|date of birth|username)|could you (?:confirm|verify) your|may i have your|can i have your|could i have your)\b/;
const GENERIC_QUESTION = /\b(?:tell me more|can you (?:tell me more|explain|describe|elaborate)|could you (?:tell me more|explain|describe|elaborate)|what happened|what'?s (?:going on|the (?:issue|problem))|what seems to be the (?:issue|problem)|how can i help|what can i do for you|more details|more information|what exactly)\b/;
const NEED_QUESTION = /\b(?:what would (?:help|make this right|work (?:best|for you)|be most helpful|you like|you prefer|be ideal)|what matters (?:most )?to you|would it help (?:if|to)|is it (?:the|this|that)|when you say|how (?:is|has) (?:this|that) (?:affecting|affected)|what do you need|what are you hoping|which (?:would|matters|is more)|do you need it by|how soon do you need|is there a (?:date|deadline|time)|what would you like (?:us|me) to)\b/;
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
      sentenceSignal(signals, message, "emotional-reaction", sentence, { strength: anchored && sentence.text.trim().split(/\s+/).length > 4 ? "strong" : "weak" });
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

    if (isQuestion(sentence) && !ADMIN_QUESTION.test(sentence.lower)) {
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

function factSignals(message: string, lower: string, analysis: TextAnalysis, list: Sentence[], facts: AnalysisContext["facts"], signals: Signal[]) {
  for (const fact of facts ?? []) {
    for (const match of lower.matchAll(phrases(fact.ask.map((term) => term.toLowerCase())))) {
      const at = match.index ?? 0;
      const sentence = sentenceAt(list, at);
      const asking = isQuestion(sentence) || REQUEST_WORDS.test(sentence.lower);
      if (asking && !negatedAt(analysis, sentence, at - sentence.start)) {
        push(signals, message, "asks-fact", at, at + match[0].length, { ref: fact.id });
        break;
      }
    }
  }
}

function offerSignals(message: string, lower: string, analysis: TextAnalysis, list: Sentence[], offers: OfferRule[], signals: Signal[]) {
  for (const offer of offers) {
    for (const match of lower.matchAll(phrases(offer.match.map((term) => term.toLowerCase())))) {
      const at = match.index ?? 0;
      const sentence = sentenceAt(list, at);
      if (negatedAt(analysis, sentence, at - sentence.start)) continue;
      push(signals, message, "offers-resolution", at, at + match[0].length, { ref: offer.id });
      break;
    }
  }
}

function secretSignals(message: string, lower: string, analysis: TextAnalysis, list: Sentence[], signals: Signal[]) {
  for (const match of lower.matchAll(SECRET_NOUN)) {
    const at = match.index ?? 0;
    const sentence = sentenceAt(list, at);
    const asking = REQUEST_VERB.test(sentence.lower) || isQuestion(sentence);
    // "Never share your password" warns rather than asks; the negation must sit in the same clause.
    if (!asking || negatedAt(analysis, sentence, at - sentence.start)) continue;
    push(signals, message, "asks-secret", at, at + match[0].length);
  }
}

/** Every signal in an agent message, in order of where it starts. */
export function analyseMessage(message: string, context: AnalysisContext = {}): Signal[] {
  const analysis = analyseText(message);
  const list = sentences(analysis);
  const lower = message.toLowerCase();
  const anchor = contentWords(context.customerMessage ?? "");
  const signals: Signal[] = [];
  empathySignals(message, analysis, list, anchor, signals);
  ruleSignals(message, lower, analysis, list, signals);
  listSignals(message, lower, "jargon", [...DEFAULT_JARGON, ...(context.jargon ?? [])], signals);
  factSignals(message, lower, analysis, list, context.facts, signals);
  offerSignals(message, lower, analysis, list, context.offers ?? [], signals);
  secretSignals(message, lower, analysis, list, signals);
  const firstName = context.customerName?.split(/\s+/)[0];
  if (firstName && firstName.length > 1) listSignals(message, lower, "personalises", [firstName], signals);
  return signals.sort((a, b) => a.span[0] - b.span[0] || a.kind.localeCompare(b.kind));
}

export function strongest(signals: Signal[], kind: SignalKind): Signal | undefined {
  const matching = signals.filter((signal) => signal.kind === kind);
  return matching.find((signal) => signal.strength === "strong") ?? matching[0];
}

export function has(signals: Signal[], kind: SignalKind, ref?: string): boolean {
  return signals.some((signal) => signal.kind === kind && (ref === undefined || signal.ref === ref));
}
