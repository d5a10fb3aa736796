// What the empathy model sees in a reply, sentence by sentence: the words
// (lemmas and lemma pairs, negated ones marked), what kind of sentence it is,
// how much it shares with what the customer said, tone markers, and the
// phrase rules' own reading. Training (scripts/grader-train.ts) and grading
// both call this, so a model always sees what it was trained on.
import type { TextAnalysis, Token } from "../language/english.ts";

export type SentenceFeatures = { start: number; end: number; features: string[] };

export type RuleReading = {
  kind: "emotional-reaction" | "interpretation" | "exploration";
  strength: "weak" | "strong";
  start: number;
};

// Words in either language: Latin letters, or Chinese characters (read in Simplified by the Chinese layer).
const WORD = /[a-z]|\p{Script=Han}/u;
// Words in capitals that are not shouting.
const ACRONYMS = new Set([
  "I",
  "OK",
  "PIN",
  "ID",
  "FAQ",
  "UK",
  "US",
  "EU",
  "PDF",
  "SMS",
  "URL",
  "VAT",
  "ETA",
  "TV",
  "PC",
  "CVV",
  "DM",
  "PM",
  "AM",
  "ASAP",
  "IT",
]);

function bucket(value: number, edges: number[]): string {
  const index = edges.findIndex((edge) => value <= edge);
  return index < 0 ? `${edges.at(-1)}+` : `<=${edges[index]}`;
}

function tokenFeatures(tokens: Token[]): string[] {
  const words = tokens.filter((token) => WORD.test(token.lemma));
  const features: string[] = [];
  words.forEach((token, i) => {
    const lemma = token.negated ? `not_${token.lemma}` : token.lemma;
    features.push(`w:${lemma}`);
    if (i > 0) features.push(`b:${words[i - 1].lemma}_${token.lemma}`);
  });
  if (words.length > 0) features.push(`first:${words[0].lemma}`);
  return features;
}

// Words naming how something feels to live through. They let the model see "waiting with no news is
// frustrating" as an interpretation however the experience is worded, in any domain.
const FEELING =
  /^(?:frustrat\w*|stress\w*|worr\w*|upset\w*|annoy\w*|madden\w*|infuriat\w*|exasperat\w*|disappoint\w*|scar\w*|afraid|anxious|nerv\w*|awful|horrible|terrible|hard|difficult|tough|rough|painful|hurt\w*|sad|lonely|overwhelm\w*|exhaust\w*|tiring|draining|confus\w*|heartbreak\w*|unsettl\w*|embarrass\w*|fed|unfair|miserable|devastat\w*|panic\w*|angry|furious)$/;
const FEELING_PREDICATES = new Set(["be", "sound", "seem", "feel", "look", "wonder", "imagine", "understand"]);

function feelingFeatures(tokens: Token[]): string[] {
  const words = tokens.filter((token) => WORD.test(token.lemma));
  const features: string[] = [];
  words.forEach((token, i) => {
    if (!FEELING.test(token.lemma) || token.negated) return;
    features.push("feel:word");
    const before = words.slice(Math.max(0, i - 3), i);
    if (before.some((word) => FEELING_PREDICATES.has(word.lemma))) features.push("feel:predicate");
    if (before.some((word) => /^(?:i|we)$/i.test(word.text))) features.push("feel:own");
  });
  return features;
}

/** Words written in capitals for emphasis ("SO sorry"), not acronyms. */
export function shoutedWords(tokens: Token[]): Token[] {
  return tokens.filter((token) => token.text.length >= 2 && /^[A-Z]+$/.test(token.text) && !ACRONYMS.has(token.text));
}

/**
 * The features of each sentence of a reply. `customerWords` are the content
 * lemmas of the customer's message; `rules` the phrase rules' empathy readings.
 */
export function empathyFeatures(
  analysis: TextAnalysis,
  customerWords: Set<string>,
  contentOf: (tokens: Token[]) => Set<string>,
  rules: RuleReading[],
  wordFeatures: (tokens: Token[]) => string[] = tokenFeatures,
): SentenceFeatures[] {
  return analysis.sentences.map((sentence) => {
    const tokens = analysis.tokens.slice(...sentence.tokens);
    const content = contentOf(tokens);
    let shared = 0;
    for (const word of content) if (customerWords.has(word)) shared += 1;
    const features = [...wordFeatures(tokens), ...feelingFeatures(tokens), `shared:${bucket(shared, [0, 1, 2])}`];
    if (sentence.question) features.push(`question:${sentence.question}`, `question:${sentence.question}:shared:${bucket(shared, [0, 1])}`);
    if (shoutedWords(tokens).length > 0) features.push("tone:capitals");
    if (/[!！]/.test(sentence.text)) features.push("tone:exclamation");
    if (tokens.some((token) => /^(?:you|your|yours|yourself|您|你|妳|您的|你的|妳的)$/i.test(token.text))) features.push("person:you");
    if (tokens.some((token) => /^(?:i|me|my|我|我的)$/i.test(token.text))) features.push("person:i");
    for (const rule of rules)
      if (rule.start >= sentence.start && rule.start < Math.max(sentence.end, sentence.start + 1))
        features.push(`rule:${rule.kind}:${rule.strength}`);
    return { start: sentence.start, end: sentence.end, features: [...new Set(features)] };
  });
}
