import { describe, expect, test } from "vitest";
import { analyseChinese, chineseContentWords, isMostlyChinese, simplified } from "./chinese.ts";

const words = (text: string) => analyseChinese(text).tokens.map((token) => token.text);
const negatedWords = (text: string) =>
  analyseChinese(text)
    .tokens.filter((token) => token.negated)
    .map((token) => token.text)
    .join("");

describe("words and scripts", () => {
  test("segments Simplified and Traditional text into words with offsets into the original", () => {
    const text = "我的订单还没到，你们什么时候能处理？";
    const analysis = analyseChinese(text);
    expect(words(text)).toEqual(expect.arrayContaining(["订单", "你们", "什么时候", "处理", "？"]));
    for (const token of analysis.tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    expect(words("我的訂單還沒到")).toContain("訂單");
  });

  test("reads Traditional characters as Simplified, one for one, so one lexicon serves both", () => {
    expect(simplified("訂單還沒到，請問什麼時候處理？")).toBe("订单还没到，请问什么时候处理？");
    expect(simplified("Order 訂單")).toBe("Order 订单");
    const lemmas = analyseChinese("您的訂單").tokens.map((token) => token.lemma);
    expect(lemmas).toContain("订单");
  });

  test("tells Chinese messages from English ones", () => {
    expect(isMostlyChinese("您好，請問訂單號碼是多少？")).toBe(true);
    expect(isMostlyChinese("订单 WH-552087 还没到")).toBe(true);
    expect(isMostlyChinese("Sorry about the delay, what's your order number?")).toBe(false);
    expect(isMostlyChinese("Hi 王先生, your order is on its way.")).toBe(false);
  });
});

describe("sentences and questions", () => {
  test.each([
    ["请问您的订单号是多少？", "wh"],
    ["您方便告诉我收货地址吗", "yes-no"],
    ["請問是門壞了還是整個框架？", "choice"],
    ["请提供一下您的订单号。", "request"],
    ["麻煩您傳一張照片給我。", "request"],
    ["这个周末要用吗？", "yes-no"],
    ["那您现在在哪里呢", "wh"],
    ["我已经为您申请了退款。", null],
  ])("%s → %s", (text, kind) => {
    expect(analyseChinese(text).sentences[0].question).toBe(kind);
  });

  test("splits sentences at full-width and ASCII ends and at line breaks", () => {
    const text = "非常抱歉！我马上帮您查。请问订单号是多少？\n谢谢";
    expect(analyseChinese(text).sentences.map((sentence) => sentence.text)).toEqual([
      "非常抱歉！",
      "我马上帮您查。",
      "请问订单号是多少？",
      "谢谢",
    ]);
  });
});

describe("negation scope", () => {
  test("a negator reaches to the end of its clause", () => {
    expect(negatedWords("我们不能退款，但可以换货。")).toBe("不能退款");
    expect(negatedWords("我沒辦法保證明天送到")).toBe("沒辦法保證明天送到");
    expect(negatedWords("别担心，我来处理。")).toBe("别担心");
  });

  test("a contrast word ends it early, and stock words that start with 不 or 没 do not negate", () => {
    expect(negatedWords("这不是您的问题而是我们的失误")).toBe("不是您的问题");
    expect(negatedWords("不好意思，让您久等了")).toBe("");
    expect(negatedWords("没关系，我们会处理")).toBe("");
  });
});

test("finds the entities support talk is full of", () => {
  const analysis = analyseChinese("订单 WH-552087 的 ¥429 会在 24 小时内退回，预计12月5日到账，下午3点前回复您。");
  expect(analysis.entities.map((entity) => [entity.kind, entity.text])).toEqual([
    ["reference", "WH-552087"],
    ["money", "¥429"],
    ["duration", "24 小时内"],
    ["date", "12月5日"],
    ["time", "下午3点"],
  ]);
});

test("a span of working days reads the same in Taiwan usage (工作天) as in mainland usage (工作日)", () => {
  for (const text of ["款項會在 5 個工作天內退回。", "款项会在 5 个工作日内退回。"])
    expect(analyseChinese(text).entities.filter((entity) => entity.kind === "duration")).toHaveLength(1);
});

test("content words leave out particles, pronouns and negators, in Simplified form", () => {
  const content = chineseContentWords(analyseChinese("您的訂單還沒到，我們會追蹤包裹").tokens);
  expect(content.has("订单")).toBe(true);
  expect(content.has("包裹")).toBe(true);
  for (const light of ["您", "的", "我们", "还"]) expect(content.has(light)).toBe(false);
});
