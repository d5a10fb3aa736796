// The language layer for English: what a message says, read with wink-nlp
// (ADR 008) rather than with hand-rolled tokenising. Sentences, tokens with
// lemmas, parts of speech and negation scope, question types and the entities
// support talk is full of, each with character offsets into the original text
// so evidence can quote it. Pure: the model ships inside the npm package.
import model from "wink-eng-lite-web-model";
import winkNLP, { type ItemEntity, type ItemSentence } from "wink-nlp";

const nlp = winkNLP(model, ["sbd", "negation", "pos", "ner"]);
const its = nlp.its;

export type Token = {
  text: string;
  /** Lower-case base form: "sent" → "send", "can't" → "can" + "not". */
  lemma: string;
  /** Universal part of speech: NOUN, VERB, AUX, PRON, … */
  pos: string;
  start: number;
  end: number;
  /** Inside the scope of a negation ("I can't [promise it'll be there]"). */
  negated: boolean;
  sentence: number;
};

/**
 * - wh: what, when, where, which, who, why, how
 * - yes-no: starts with an auxiliary ("Is it…", "Did you…")
 * - choice: a question offering alternatives ("…the door or the frame?")
 * - request: a polite command phrased as a question ("Could you send…")
 */
export type QuestionKind = "wh" | "yes-no" | "choice" | "request";

export type Sentence = {
  index: number;
  text: string;
  start: number;
  end: number;
  question: QuestionKind | null;
  /** Index of the sentence's first token and one past its last. */
  tokens: [number, number];
};

export type EntityKind = "date" | "time" | "duration" | "money" | "percent" | "number" | "ordinal" | "email" | "phone" | "reference";

export type Entity = { kind: EntityKind; text: string; start: number; end: number; sentence: number };

export type TextAnalysis = { text: string; sentences: Sentence[]; tokens: Token[]; entities: Entity[] };

const WINK_ENTITY: Record<string, EntityKind> = {
  DATE: "date",
  TIME: "time",
  DURATION: "duration",
  MONEY: "money",
  PERCENT: "percent",
  CARDINAL: "number",
  ORDINAL: "ordinal",
  EMAIL: "email",
};

// Negators wink's negation does not scope ("nothing I can do", "nobody will ask"); they negate to the clause's end.
const EXTRA_NEGATORS = new Set(["nothing", "nobody", "none", "neither", "nor", "without", "hardly"]);
const CLAUSE_END = new Set([",", ";", ":", ".", "!", "?", "—", "–"]);
// A contrast ends a negation: "I can't refund it, but I'll [not negated] send a replacement".
const SCOPE_BREAKERS = new Set(["but", "however", "though", "although", "instead", "unless", "because", "so"]);
const WH_WORDS = new Set(["what", "when", "where", "which", "who", "whom", "whose", "why", "how"]);
const REQUEST_OPENERS =
  /^(?:(?:and|so|also|but|ok|okay)\s+)?(?:could|can|would|will)\s+you\s+(?:please\s+)?(?:send|share|give|tell|confirm|check|let|try|provide|upload|attach|describe|reply|forward|pop|drop|email|dm|message|read|type)/i;
const LEADING_FILLER = new Set(["and", "so", "also", "but", "ok", "okay", "oh", "right", "then"]);

function tokensOf(text: string, doc: ReturnType<typeof nlp.readDoc>): Token[] {
  const values = doc.tokens().out(its.value);
  const spaces = doc.tokens().out(its.precedingSpaces);
  // wink types its.lemma with the model add-ons it is called with; it reads like its.value.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value);
  const pos = doc.tokens().out(its.pos);
  const negation = doc.tokens().out(its.negationFlag) as unknown as boolean[];
  const tokens: Token[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    cursor += spaces[i].length;
    // wink keeps the text whole, but searching keeps offsets right if a token was normalised.
    let start = text.startsWith(values[i], cursor) ? cursor : text.indexOf(values[i], cursor);
    if (start < 0) start = cursor;
    const end = start + values[i].length;
    tokens.push({ text: values[i], lemma: lemmas[i].toLowerCase(), pos: pos[i], start, end, negated: Boolean(negation[i]), sentence: 0 });
    cursor = end;
  }
  return tokens;
}

/** wink scopes "not", "never", "n't" and "no" to the end of the clause; this adds the negators it misses and stops at a contrast. */
function settleNegationScope(tokens: Token[]): void {
  let extra = false;
  let contrasted = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const word = token.text.toLowerCase();
    if (CLAUSE_END.has(word) || (i > 0 && token.sentence !== tokens[i - 1].sentence)) extra = false;
    if (SCOPE_BREAKERS.has(word)) {
      extra = false;
      contrasted = true;
    } else if (!token.negated) contrasted = false;
    if (contrasted) token.negated = false;
    if (extra) token.negated = true;
    if (EXTRA_NEGATORS.has(word) || (word === "one" && tokens[i - 1]?.text.toLowerCase() === "no")) extra = true;
  }
}

function questionKind(sentence: string, tokens: Token[]): QuestionKind | null {
  const trimmed = sentence.trim();
  const words = tokens.filter((token) => /\w/.test(token.text));
  let first = 0;
  while (first < words.length - 1 && LEADING_FILLER.has(words[first].text.toLowerCase())) first += 1;
  const opener = words[first];
  const endsAsQuestion = trimmed.endsWith("?");
  const startsAsQuestion =
    opener !== undefined && (WH_WORDS.has(opener.text.toLowerCase()) || opener.pos === "AUX") && !/[.!]$/.test(trimmed);
  if (!endsAsQuestion && !startsAsQuestion) return null;
  if (REQUEST_OPENERS.test(trimmed)) return "request";
  if (opener && WH_WORDS.has(opener.text.toLowerCase())) return "wh";
  if (words.some((token) => token.text.toLowerCase() === "or")) return "choice";
  return "yes-no";
}

const PHONE = /(?<![\w#])\+?\d[\d ()-]{6,}\d(?!\w)/g;
// An identifier with digits in it: "#48213", "ORD-2231-X", "order 48213".
const REFERENCE_AFTER = new Set(["order", "ticket", "case", "reference", "ref", "invoice", "booking", "account", "no", "number", "#"]);

function extraEntities(text: string, tokens: Token[]): Entity[] {
  const found: Entity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const previous = tokens[i - 1];
    if (token.pos === "SYM" && /^[£€¥₹$]$/.test(token.text) && tokens[i + 1] && /^\d/.test(tokens[i + 1].text)) {
      found.push({
        kind: "money",
        text: text.slice(token.start, tokens[i + 1].end),
        start: token.start,
        end: tokens[i + 1].end,
        sentence: token.sentence,
      });
    } else if (
      /\d/.test(token.text) &&
      /[a-z]/i.test(token.text) &&
      /-|\d{3,}/.test(token.text) &&
      !/^\d+(?:st|nd|rd|th|am|pm|%)$/i.test(token.text)
    ) {
      found.push({ kind: "reference", text: token.text, start: token.start, end: token.end, sentence: token.sentence });
    } else if (/^\d{4,}$/.test(token.text) && previous && REFERENCE_AFTER.has(previous.text.toLowerCase())) {
      const start = previous.text === "#" ? previous.start : token.start;
      found.push({ kind: "reference", text: text.slice(start, token.end), start, end: token.end, sentence: token.sentence });
    }
  }
  for (const match of text.matchAll(PHONE)) {
    const digits = match[0].replace(/\D/g, "");
    if (digits.length >= 7 && /[ -]/.test(match[0])) {
      const start = match.index ?? 0;
      found.push({
        kind: "phone",
        text: match[0],
        start,
        end: start + match[0].length,
        sentence: tokens.find((token) => token.start >= start)?.sentence ?? 0,
      });
    }
  }
  return found;
}

/** wink sometimes keeps a sentence's full stop on the last token ("3pm."); an entity never ends in punctuation. */
function withoutTrailingPunctuation(entity: Entity): Entity {
  const trimmed = entity.text.replace(/[.,;:!?]+$/, "");
  return trimmed === entity.text ? entity : { ...entity, text: trimmed, end: entity.start + trimmed.length };
}

function overlaps(a: Entity, b: Entity): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Everything the analyser and the customer read from one English message. */
// A message is read when it arrives (by the customer), again when the
// conversation is graded, and again by each what-if replay: recent readings are kept.
const recent = new Map<string, TextAnalysis>();
const RECENT_LIMIT = 256;

/** The reading of a text; callers must not change it, as it may be shared. */
export function analyseText(text: string): TextAnalysis {
  const known = recent.get(text);
  if (known) {
    recent.delete(text);
    recent.set(text, known);
    return known;
  }
  const analysis = read(text);
  recent.set(text, analysis);
  if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  return analysis;
}

/** wink-nlp's own reading of a text and nothing of ours: the floor under analyseText's cost, for the bench. */
export function readWithLibraryOnly(text: string): void {
  nlp.readDoc(text);
}

function read(text: string): TextAnalysis {
  const doc = nlp.readDoc(text);
  const tokens = tokensOf(text, doc);
  // wink's sentences, cut again at line breaks: chat messages often end a thought with Enter, not a full stop.
  const spans: [number, number][] = [];
  let next = 0;
  doc.sentences().each((item: ItemSentence) => {
    const end = next + item.tokens().length();
    let from = next;
    for (let i = next; i < end; i++) {
      if (tokens[i].text.includes("\n") && tokens[i].text.trim() === "") {
        if (i > from) spans.push([from, i]);
        from = i + 1;
      }
    }
    if (end > from) spans.push([from, end]);
    next = end;
  });
  const sentences: Sentence[] = spans.map(([from, to], index) => {
    const span = tokens.slice(from, to);
    for (const token of span) token.sentence = index;
    const start = span[0].start;
    const end = span.at(-1)!.end;
    return { index, text: text.slice(start, end), start, end, question: null, tokens: [from, to] };
  });
  settleNegationScope(tokens);
  for (const sentence of sentences) sentence.question = questionKind(sentence.text, tokens.slice(...sentence.tokens));

  const specific = extraEntities(text, tokens);
  const entities: Entity[] = [...specific];
  doc.entities().each((entity: ItemEntity) => {
    const kind = WINK_ENTITY[entity.out(its.type)];
    if (!kind) return;
    const [first, last] = entity.out(its.span) as unknown as [number, number];
    const candidate = withoutTrailingPunctuation({
      kind,
      text: text.slice(tokens[first].start, tokens[last].end),
      start: tokens[first].start,
      end: tokens[last].end,
      sentence: tokens[first].sentence,
    });
    // Our own readings (money in any currency, references) are more specific than a bare number.
    if (!specific.some((entity) => overlaps(entity, candidate))) entities.push(candidate);
  });
  for (const token of tokens) {
    if (
      token.text.includes("@") &&
      /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(token.text) &&
      !entities.some((entity) => entity.start === token.start)
    ) {
      entities.push({ kind: "email", text: token.text, start: token.start, end: token.end, sentence: token.sentence });
    }
  }
  entities.sort((a, b) => a.start - b.start);
  return { text, sentences, tokens, entities };
}

const CONTENT_POS = new Set(["NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"]);
const LIGHT_LEMMAS = new Set([
  "be",
  "have",
  "do",
  "get",
  "go",
  "make",
  "let",
  "will",
  "would",
  "can",
  "could",
  "just",
  "really",
  "very",
  "so",
  "also",
  "still",
  "now",
  "then",
  "there",
  "here",
  "thank",
  "please",
]);

/** The lemmas that carry a message's content: what two messages share when they talk about the same thing. */
export function contentLemmas(tokens: Token[]): Set<string> {
  return new Set(
    tokens
      .filter((token) => CONTENT_POS.has(token.pos) && token.lemma.length > 2 && !LIGHT_LEMMAS.has(token.lemma))
      .map((token) => token.lemma),
  );
}

/** The token that covers (or first follows) a character offset. */
export function tokenAt(analysis: TextAnalysis, offset: number): Token | undefined {
  return analysis.tokens.find((token) => token.end > offset);
}
