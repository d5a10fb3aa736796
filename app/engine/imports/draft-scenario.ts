// A practice scenario drafted from a real conversation: the customer's opening, the facts they gave when
// the agent asked (the agent's questions become `ask` phrases), the agent's moves as candidate offers and
// a temperament read from the customer's words. A draft is a starting point a lead edits; it reads only
// the masked transcript, so no personal data reaches a scenario.
import type { z } from "zod";
import type { DraftWording, ScenarioSchema, TEMPERAMENTS } from "~/content/practice-schemas.ts";
import { distressOf } from "../coaching/review-sample.ts";
import type { Turn } from "../grading/criteria.ts";
import { analyseChinese, chineseContentWords } from "../language/chinese.ts";
import { analyseText, type Sentence, type TextAnalysis } from "../language/english.ts";
import { analyseMessage, languageOf, type TextLanguage } from "../simulation/signals.ts";
import { CHANNEL_PAR } from "./grade-real.ts";
import type { ImportChannel } from "./types.ts";

export type ScenarioDraft = z.input<typeof ScenarioSchema>;
type Lines = ScenarioDraft["lines"];
type Temperament = (typeof TEMPERAMENTS)[number];

export type DraftSource = { subject: string | null; channel: ImportChannel; turns: Pick<Turn, "from" | "text">[] };

const MAX_FACTS = 6;
const MAX_OFFERS = 4;
const MAX_PHRASES = 3;

const PATIENCE: Record<Temperament, number> = { angry: 3, frustrated: 4, anxious: 5, confused: 6, calm: 7 };
const DIFFICULTY: Record<Temperament, ScenarioDraft["difficulty"]> = {
  angry: "advanced",
  frustrated: "intermediate",
  anxious: "intermediate",
  confused: "starter",
  calm: "starter",
};

const WORRY =
  /\b(?:worried|anxious|nervous|urgent|asap|as soon as possible|scared|panic(?:king)?|desperate|need it by)\b|担心|擔心|着急|著急|急用|紧急|緊急|害怕|焦虑|焦慮/i;
const CONFUSION =
  /\b(?:confused|don'?t understand|not sure how|no idea how|what does .{1,30} mean|how do i)\b|不懂|看不懂|不明白|搞不清楚|怎么用|怎麼用/i;
const ANGER = /\b(?:furious|outraged|disgusted|unacceptable|ridiculous|lawyer|worst)\b|气死|氣死|不可理喻|离谱|離譜|投诉|投訴/i;
const CLOSING_QUESTION = /\b(?:anything else|is there anything)\b|还有其他|還有其他|还有什么|還有什麼/i;

/** How the customer comes across, from their own words: the most upset message sets the tone. */
export function temperamentOf(customerMessages: string[]): Temperament {
  const text = customerMessages.join("\n");
  const distress = Math.max(0, ...customerMessages.map(distressOf));
  if (ANGER.test(text) || distress >= 3) return "angry";
  if (distress > 0) return "frustrated";
  if (WORRY.test(text)) return "anxious";
  if (CONFUSION.test(text)) return "confused";
  return "calm";
}

function analyse(text: string, language: TextLanguage): TextAnalysis {
  return language === "zh" ? analyseChinese(text) : analyseText(text);
}

const NOUNISH = new Set(["NOUN", "PROPN", "ADJ"]);

/**
 * Short phrases that say what a sentence is about, in the form the analyser matches by meaning (every
 * content word present, in any order): noun groups in English ("order number"), optionally led by the
 * sentence's first verb for an offer ("refund duplicate charge"); pairs of content words in Chinese.
 */
export function keyPhrases(analysis: TextAnalysis, sentence: Sentence, language: TextLanguage, withVerb: boolean): string[] {
  const tokens = analysis.tokens.slice(sentence.tokens[0], sentence.tokens[1]);
  const phrases: string[] = [];
  if (language === "zh") {
    const content = chineseContentWords(tokens);
    const words = tokens.filter((token) => content.has(token.lemma) && token.text.length >= 2);
    for (let index = 0; index < words.length - 1; index += 1)
      if (words[index].end === words[index + 1].start) phrases.push(`${words[index].text}${words[index + 1].text}`);
    phrases.push(...words.map((token) => token.text));
  } else {
    const verb = tokens.find((token) => token.pos === "VERB" && token.lemma.length > 2);
    let group: string[] = [];
    const flush = () => {
      const nouns = group.filter((word) => /[a-z]/.test(word));
      if (nouns.length > 0) {
        const phrase = nouns.slice(-3).join(" ");
        if (withVerb && verb) phrases.push(`${verb.lemma} ${phrase}`);
        phrases.push(phrase);
      }
      group = [];
    };
    for (const token of tokens) {
      if (NOUNISH.has(token.pos) && /^[a-z][a-z-]+$/i.test(token.text) && token.text.length > 2) group.push(token.text.toLowerCase());
      else flush();
    }
    flush();
  }
  return [...new Set(phrases)].filter((phrase) => phrase.length >= 2 && phrase.length <= 60).slice(0, MAX_PHRASES);
}

/** Cut to `max` characters at a word or sentence boundary, so a quoted message stays readable. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const boundary = Math.max(cut.lastIndexOf(". "), cut.lastIndexOf("。"), cut.lastIndexOf(" "));
  return `${(boundary > max / 2 ? cut.slice(0, boundary) : cut).trim()}…`;
}

export function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .split("-")
    .slice(0, 5)
    .join("-");
}

function uniqueId(base: string, fallback: string, taken: Set<string>): string {
  let id = slugOf(base) || fallback;
  for (let suffix = 2; taken.has(id); suffix += 1) id = `${slugOf(base) || fallback}-${suffix}`;
  taken.add(id);
  return id;
}

/** The offer as the customer repeats it back ("Okay, so {offer}."): the agent's sentence without its full stop. */
const heardAs = (sentence: string) => clip(sentence, 120).replace(/[.。!！…]+$/u, "");

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

type Fact = ScenarioDraft["facts"] extends (infer F)[] | undefined ? F : never;
type Offer = ScenarioDraft["policy"]["allowed"][number];

/** The questions the agent asked, each with the customer's next message as its answer. */
function draftFacts(turns: DraftSource["turns"], language: TextLanguage, taken: Set<string>): Fact[] {
  const facts: Fact[] = [];
  turns.forEach((turn, index) => {
    if (turn.from !== "agent") return;
    const answer = turns.slice(index + 1).find((next) => next.from === "customer");
    if (!answer) return;
    const analysis = analyse(turn.text, language);
    for (const sentence of analysis.sentences) {
      if (!sentence.question || CLOSING_QUESTION.test(sentence.text) || facts.length >= MAX_FACTS) continue;
      const ask = keyPhrases(analysis, sentence, language, false);
      if (ask.length === 0) continue;
      facts.push({
        id: uniqueId(ask[0], `fact-${facts.length + 1}`, taken),
        description: clip(sentence.text, 200),
        ask,
        answer: clip(answer.text, 400),
        required: true,
      });
    }
  });
  return facts;
}

// Without a scenario there are no offers to recognise; a sentence where the agent commits to doing
// something, or says what will happen, is the move a scenario would list as an offer.
const MOVE_SIGNALS = new Set(["ownership", "sets-expectations"]);

/** An offer in the agent's own sentence; without key phrases, none unless the sentence itself must serve as the phrase. */
function offerFrom(
  analysis: TextAnalysis,
  sentence: Sentence,
  language: TextLanguage,
  fallbackId: string,
  taken: Set<string>,
  { evenWithoutPhrases = false } = {},
): Offer | null {
  const match = keyPhrases(analysis, sentence, language, true);
  if (match.length === 0 && !evenWithoutPhrases) return null;
  const description = clip(sentence.text, 200);
  return {
    id: uniqueId(match[0] ?? "", fallbackId, taken),
    description,
    match: match.length > 0 ? match : [clip(description, 60)],
    heard: heardAs(description),
    resolves: false,
  };
}

/** The agent's moves, in order; the last one is taken to be what resolved the case. */
function draftOffers(turns: DraftSource["turns"], language: TextLanguage, taken: Set<string>): Offer[] {
  const offers: Offer[] = [];
  for (const turn of turns) {
    if (turn.from !== "agent") continue;
    const analysis = analyse(turn.text, language);
    const moveStarts = analyseMessage(turn.text, { language })
      .filter((signal) => MOVE_SIGNALS.has(signal.kind))
      .map((signal) => signal.span[0]);
    for (const sentence of analysis.sentences) {
      if (sentence.question || !moveStarts.some((start) => start >= sentence.start && start < sentence.end) || offers.length >= MAX_OFFERS)
        continue;
      const offer = offerFrom(analysis, sentence, language, `offer-${offers.length + 1}`, taken);
      if (offer) offers.push(offer);
    }
  }
  // No sentence read as an offer: the agent's last message is the nearest thing to one, for the lead to reword.
  const last = turns.findLast((turn) => turn.from === "agent");
  if (offers.length === 0 && last) {
    const analysis = analyse(last.text, language);
    const sentence = analysis.sentences.reduce<Sentence | undefined>(
      (longest, next) => (!longest || next.text.length > longest.text.length ? next : longest),
      undefined,
    );
    const offer = sentence && offerFrom(analysis, sentence, language, "offer-1", taken, { evenWithoutPhrases: true });
    if (offer) offers.push(offer);
  }
  if (offers.length > 0) offers[offers.length - 1].resolves = true;
  return offers;
}

/** The customer's own words where the conversation has them; the organisation's wording elsewhere. */
function draftLines(customerMessages: string[], wording: Lines): Lines {
  const upset = customerMessages.filter((message) => distressOf(message) > 0).map((message) => clip(message, 600));
  const last = customerMessages.length > 1 ? customerMessages[customerMessages.length - 1] : undefined;
  const thanked = last && /\b(?:thanks|thank you|cheers|great|perfect)\b|谢谢|謝謝|感谢|感謝|太好了/i.test(last) ? [clip(last, 600)] : [];
  return {
    ...wording,
    opening: customerMessages.length > 0 ? [clip(customerMessages[0], 600)] : wording.opening,
    frustrated: [...upset.slice(0, 2), ...wording.frustrated],
    satisfied: [...thanked, ...wording.satisfied],
  };
}

/** A complete draft that passes the scenario schema; what it cannot know (the policy) the brief asks the lead to add. */
export function draftScenario(source: DraftSource, wording: DraftWording): ScenarioDraft {
  const customerMessages = source.turns.filter((turn) => turn.from === "customer").map((turn) => turn.text);
  const agentTurns = source.turns.filter((turn) => turn.from === "agent").length;
  const language = languageOf(customerMessages.join(" ") || source.turns.map((turn) => turn.text).join(" "));
  const subject = clip(source.subject?.trim() || customerMessages[0] || wording.personaName, 70).replace(/[.。!！?？…]+$/u, "");
  const taken = new Set<string>();
  const facts = draftFacts(source.turns, language, taken);
  const offers = draftOffers(source.turns, language, taken);
  const temperament = temperamentOf(customerMessages);
  const requiredFacts = facts.filter((fact) => fact.required).map((fact) => fact.description);
  const resolving = offers.find((offer) => offer.resolves);
  return {
    title: clip(fill(wording.title, { subject }), 80),
    summary: clip(fill(wording.summary, { subject }), 240),
    channel: source.channel,
    difficulty: DIFFICULTY[temperament],
    competencies: ["empathy", "resolution", "communication"],
    version: 1,
    par: { turns: Math.min(20, Math.max(2, agentTurns)), replySeconds: CHANNEL_PAR[source.channel].replySeconds },
    persona: { name: wording.personaName, temperament, patience: PATIENCE[temperament], showMood: true },
    brief: clip(fill(wording.brief, { subject }), 1200),
    goals: [
      ...requiredFacts.slice(0, 3).map((fact) => clip(fill(wording.goals.ask, { fact }), 200)),
      ...(resolving ? [clip(fill(wording.goals.offer, { offer: resolving.description }), 200)] : []),
      wording.goals.next,
    ],
    facts,
    policy: { allowed: offers, forbidden: [], escalationAllowed: false },
    jargon: [],
    lines: draftLines(customerMessages, wording.lines),
  };
}
