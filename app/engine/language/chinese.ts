// The language layer for Chinese, in either script (ADR 014): words from the
// ICU word segmenter built into Node (Intl.Segmenter), each also read in
// Simplified characters (opencc-js) so one lexicon serves Traditional and
// Simplified text; sentences, negation scope, question types and the entities
// support talk is full of, with character offsets into the original text so
// evidence can quote it. Same shapes as the English layer (english.ts).
// The two directions are two entry points of one package that share one type file.
// eslint-disable-next-line import-x/no-duplicates
import * as OpenCCTraditional from "opencc-js/cn2t";
// eslint-disable-next-line import-x/no-duplicates
import * as OpenCC from "opencc-js/t2cn";
import type { Entity, EntityKind, QuestionKind, Sentence, TextAnalysis, Token } from "./english.ts";

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
const toSimplifiedText = OpenCC.Converter({ from: "twp", to: "cn" });
const toTraditionalText = OpenCCTraditional.Converter({ from: "cn", to: "twp" });

const simplifiedChars = new Map<string, string>();
/**
 * Traditional characters read as Simplified with every offset still pointing into
 * the original text ("訂單還沒到" → "订单还没到"). Phrase by phrase where that keeps
 * the length (it almost always does, and "著急" needs its phrase to become "着急"),
 * otherwise one character at a time.
 */
export function simplified(text: string): string {
  const whole = toSimplifiedText(text);
  if (whole.length === text.length) return whole;
  let out = "";
  for (const char of text) {
    let mapped = simplifiedChars.get(char);
    if (mapped === undefined) {
      const converted = toSimplifiedText(char);
      mapped = converted.length === char.length ? converted : char;
      if (simplifiedChars.size < 20_000) simplifiedChars.set(char, mapped);
    }
    out += mapped;
  }
  return out;
}

/** A phrase as it may be written: itself and, when it is Chinese, in both scripts. */
export function scriptVariants(phrase: string): string[] {
  if (!HAN.test(phrase)) return [phrase];
  return [...new Set([phrase, toSimplifiedText(phrase), toTraditionalText(phrase)])];
}

const HAN = /\p{Script=Han}/u;
const HAN_GLOBAL = /\p{Script=Han}/gu;
const LATIN_GLOBAL = /[A-Za-z]/g;

/** True when most of a message's letters are Chinese characters. */
export function isMostlyChinese(text: string): boolean {
  const han = text.match(HAN_GLOBAL)?.length ?? 0;
  const latin = text.match(LATIN_GLOBAL)?.length ?? 0;
  // One Chinese character carries about as much as a short English word.
  return han > 0 && han * 3 >= latin;
}

/** Sentence ends, in full-width and ASCII forms; a line break also ends a chat thought. */
const SENTENCE_END = /[。！？!?；;…]+[」』”’)）]*|\n+/g;
const CLAUSE_END = new Set(["，", ",", "、", "；", ";", "：", ":", "。", "！", "!", "？", "?", "\n", "…", "—"]);

/** Negators, in Simplified form: 不 (not), 没/没有 (have not), 别 (don't), 未 (not yet), 无 (without), 非, 勿, 莫, 甭. */
const NEGATORS = new Set([
  "不",
  "没",
  "没有",
  "别",
  "未",
  "无",
  "非",
  "勿",
  "莫",
  "甭",
  "不要",
  "不用",
  "不会",
  "不能",
  "不可",
  "无法",
  "未能",
  "并非",
  "不是",
  "从未",
  "从不",
  "毫无",
  "不太",
  "没办法",
  "没法",
  "不必",
  "不需要",
  "不应该",
  "不可能",
  "不想",
  "不肯",
  "不让",
  "不给",
  "不准",
  "不行",
  "不对",
  "不该",
  "没能",
  "不再",
  "不至于",
  "别再",
]);
/** The segmenter sometimes glues a negator to the word before it ("也不是", "我没|办法"). */
const NEGATOR_AFTER_LIGHT_WORD =
  /^(?:也|都|还|并|就|又|我|你|您|他|她|我们|真的|根本|从来|完全|实在)(?:不|没|没有|别|未|无|不是|不能|不会|不用|不要)$/;
/** Words that end a negation's reach early: "不能退款，但是[可以换货]". */
const SCOPE_BREAKERS = new Set(["但", "但是", "不过", "可是", "然而", "而是", "只是", "却", "所以", "因为", "如果"]);

const WH_WORDS = [
  "什么",
  "怎么",
  "怎样",
  "为什么",
  "为何",
  "哪",
  "哪里",
  "哪儿",
  "哪个",
  "哪些",
  "几",
  "多少",
  "多久",
  "何时",
  "什么时候",
  "谁",
  "如何",
  "是否",
  "能否",
  "可否",
  "有没有",
  "是不是",
  "能不能",
  "可不可以",
  "会不会",
];
const YES_NO_PARTICLES = /[吗嗎麼么][\s。？?!！]*$/u;
const TRAILING_NE = /[呢][\s。？?!！]*$/u;
const REQUEST_OPENERS =
  /^(?:那|好的?|也|另外|然后|麻烦|劳驾)?[，,]?\s*(?:请|麻烦|劳烦|能否|可否|可以|能不能|可不可以|方便)(?:您|你)?(?:再|先|帮我|帮忙)?(?:提供|发|发送|告诉|告知|确认|分享|上传|传|拍|截图|回复|说明|描述|检查|看一下|试试)/u;

function questionKind(sentence: string): QuestionKind | null {
  const plain = simplified(sentence).trim();
  if (REQUEST_OPENERS.test(plain)) return "request";
  const asked = /[？?]\s*[」』”’)）]*$/u.test(plain) || YES_NO_PARTICLES.test(plain) || TRAILING_NE.test(plain);
  if (!asked) return null;
  if (/还是/u.test(plain)) return "choice";
  if (WH_WORDS.some((word) => plain.includes(word))) return "wh";
  return "yes-no";
}

const ENTITY_PATTERNS: [EntityKind, RegExp][] = [
  ["email", /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g],
  ["reference", /\b[A-Z]{1,4}-?\d{4,}\b/g],
  ["phone", /(?:\+?\d{1,3}[\s-]?)?(?:1[3-9]\d{9}|09\d{2}-?\d{3}-?\d{3}|\d{2,4}-\d{6,8})/g],
  [
    "money",
    /(?:NT\$|HK\$|US\$|[¥￥$€£])\s?\d+(?:[.,]\d+)*|\d+(?:[.,]\d+)*\s?(?:元|块钱?|塊錢?|美元|港元|港幣|港币|新台幣|新台币|人民币|人民幣|英镑|英鎊|欧元|歐元)/g,
  ],
  ["percent", /\d+(?:\.\d+)?\s?[%％]|百分之[\d一二三四五六七八九十百]+/g],
  [
    "date",
    /\d{4}年\d{1,2}月\d{1,2}[日号號]|\d{1,2}月\d{1,2}[日号號]|(?:下|这|這|本|上)?(?:周|週|星期|礼拜|禮拜)[一二三四五六日天]|今天|明天|后天|後天|昨天|今晚|明早/g,
  ],
  ["time", /(?:上午|下午|晚上|早上|中午)?\d{1,2}[:：]\d{2}|(?:上午|下午|晚上|早上|中午)\s?\d{1,2}\s?[点點]/g],
  [
    "duration",
    /[\d一二两兩三四五六七八九十半]+\s?(?:个|個)?\s?(?:工作日|工作天|小时|小時|分钟|分鐘|天|周|週|星期|个月|個月|月)(?:内|內|之内|之內)?/g,
  ],
  ["number", /\d+(?:[.,]\d+)*/g],
];

function entitiesOf(text: string, sentences: Sentence[]): Entity[] {
  const taken: [number, number][] = [];
  const entities: Entity[] = [];
  for (const [kind, pattern] of ENTITY_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (taken.some(([from, to]) => start < to && end > from)) continue;
      taken.push([start, end]);
      const sentence = sentences.find((candidate) => start >= candidate.start && start < candidate.end)?.index ?? 0;
      entities.push({ kind, text: match[0], start, end, sentence });
    }
  }
  return entities.sort((a, b) => a.start - b.start);
}

/** True for a word that opens a negation (不, 没办法, 无法…), in Simplified form. */
export function isNegator(lemma: string): boolean {
  return NEGATORS.has(lemma) || NEGATOR_AFTER_LIGHT_WORD.test(lemma);
}

/** A negator reaches to the end of its clause, or to a contrast word, whichever comes first. */
function settleNegationScope(tokens: Token[]) {
  let open = false;
  for (const token of tokens) {
    if (CLAUSE_END.has(token.text) || CLAUSE_END.has(token.text.trim()) || SCOPE_BREAKERS.has(token.lemma)) {
      open = false;
      continue;
    }
    if (isNegator(token.lemma)) {
      token.negated = true;
      open = true;
      continue;
    }
    token.negated = open;
  }
}

function sentenceSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let from = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = (match.index ?? 0) + match[0].length;
    if (text.slice(from, end).trim()) spans.push([from, match[0].includes("\n") ? (match.index ?? 0) : end]);
    from = end;
  }
  if (text.slice(from).trim()) spans.push([from, text.length]);
  // Leading spaces belong to no sentence, so each sentence's text starts with its first character.
  return spans.map(([start, end]) => {
    let at = start;
    while (at < end && /\s/.test(text[at])) at += 1;
    return [at, end];
  });
}

const analyses = new Map<string, TextAnalysis>();

/** What a Chinese message says. Memoised: the customer and the grader read the same messages. */
export function analyseChinese(text: string): TextAnalysis {
  const cached = analyses.get(text);
  if (cached) return cached;
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  sentenceSpans(text).forEach(([start, end], index) => {
    const first = tokens.length;
    for (const part of segmenter.segment(text.slice(start, end))) {
      if (!part.segment.trim()) continue;
      const at = start + part.index;
      tokens.push({
        text: part.segment,
        lemma: simplified(part.segment).toLowerCase(),
        pos: part.isWordLike ? (HAN.test(part.segment) ? "X" : /\d/.test(part.segment) ? "NUM" : "X") : "PUNCT",
        start: at,
        end: at + part.segment.length,
        negated: false,
        sentence: index,
      });
    }
    const sentenceText = text.slice(start, end);
    sentences.push({ index, text: sentenceText, start, end, question: questionKind(sentenceText), tokens: [first, tokens.length] });
  });
  settleNegationScope(tokens);
  const analysis = { text, sentences, tokens, entities: entitiesOf(text, sentences) };
  if (analyses.size >= 500) analyses.clear();
  analyses.set(text, analysis);
  return analysis;
}

/** Particles, pronouns and function words that say nothing about what a message is about. */
const LIGHT_WORDS = new Set(
  "的 了 着 过 吗 呢 吧 啊 呀 哦 嗯 哈 啦 么 嘛 是 在 有 和 与 及 或 也 都 就 还 又 再 才 很 太 更 最 我 你 您 他 她 它 我们 你们 他们 她们 咱们 这 那 这个 那个 这些 那些 这样 那样 一个 一下 一些 个 些 把 被 给 让 对 向 从 到 为 为了 因为 所以 但是 但 不过 如果 可以 能 会 要 想 请 谢谢 感谢 好 好的 嗯嗯 哪 什么 怎么 吧 呗 就是 还是 已经 现在 然后 其实 真的 非常 一直 之前 之后 时候".split(
    " ",
  ),
);

/** The words that carry a Chinese message's content, in Simplified form: what two messages share when they talk about the same thing. */
export function chineseContentWords(tokens: Token[]): Set<string> {
  return new Set(
    tokens
      .filter((token) => token.pos === "X" && HAN.test(token.lemma) && !LIGHT_WORDS.has(token.lemma) && !isNegator(token.lemma))
      .map((token) => token.lemma),
  );
}
