// The message analyser: which signals a reply carries, with the exact words
// (and their offsets) that triggered each, so the customer and grader agree.
import { describe, expect, test } from "vitest";
import { analyseMessage, type AnalysisContext, type Signal, type SignalKind } from "./signals.ts";

const CUSTOMER = "My daughter's play kitchen arrived broken and her party is on Saturday.";

const FACTS: AnalysisContext["facts"] = [
  { id: "order-number", ask: ["order number", "order id"] },
  { id: "photo", ask: ["photo", "picture"] },
];
const OFFERS: AnalysisContext["offers"] = [
  { id: "express-replacement", match: ["replacement", "send a new"] },
  { id: "refund", match: ["refund", "money back"] },
];

const ofKind = (signals: Signal[], kind: SignalKind) => signals.filter((signal) => signal.kind === kind);
const textsOf = (message: string, kind: SignalKind, context: AnalysisContext = {}) =>
  ofKind(analyseMessage(message, context), kind).map((signal) => signal.text);
const only = (message: string, kind: SignalKind, context: AnalysisContext = {}) => {
  const found = ofKind(analyseMessage(message, context), kind);
  expect(found, `${kind} in ${JSON.stringify(message)}`).toHaveLength(1);
  return found[0];
};

describe("each signal kind reports the words that triggered it", () => {
  const cases: [SignalKind, string, AnalysisContext, string[]][] = [
    ["apology", "I'm sorry.", {}, ["sorry"]],
    ["ownership", "Let me check that for you.", {}, ["Let me"]],
    ["ownership", "I'll look into it now.", {}, ["I'll"]],
    ["blame", "You should have checked the box.", {}, ["You should have"]],
    ["dismissive", "As I already said, the refund takes five days.", {}, ["As I already said"]],
    ["rudeness", "Calm down, please.", {}, ["Calm down"]],
    ["rudeness", "That is a stupid question.", {}, ["stupid"]],
    ["false-promise", "I promise it will be there.", {}, ["I promise"]],
    ["sets-expectations", "It should arrive within 2 business days.", {}, ["should arrive", "within 2"]],
    ["checks-satisfaction", "Does that work for you?", {}, ["Does that work"]],
    ["checks-satisfaction", "Does that plan work for you?", {}, ["Does that plan work"]],
    ["checks-satisfaction", "這樣的安排對您來說可行嗎？", {}, ["可行嗎"]],
    ["blame", "這不是我們的問題。", {}, ["不是我們的問題"]],
    ["blame", "这不怪我们，是快递的事。", {}, ["这不怪我们"]],
    ["blame", "这不是您的错，是我们系统的问题。", {}, []],
    ["closes", "Thanks for your patience. Take care.", {}, ["Thanks for your patience", "Take care"]],
    ["escalates", "I'll escalate this to my supervisor.", {}, ["escalate this to my supervisor"]],
    ["negative-language", "Unfortunately we cannot do that.", {}, ["Unfortunately", "cannot"]],
    ["negative-language", "很遗憾，这个我们不能退。", {}, ["很遗憾", "不能"]],
    ["negative-language", "能不能告诉我每一笔扣款的日期？", {}, []],
    ["dismissive", "我剛剛說過了，系統正在修。", {}, ["我剛剛說過了"]],
    ["dismissive", "这个我这边也没办法。", {}, ["我这边也没办法"]],
    ["rudeness", "随便啦。不就一个晚上嘛。", {}, ["不就一个晚上嘛"]],
    ["exploration", "今晚要聯絡您，是傳簡訊到手機，還是寄到信箱比較方便？", {}, []],
    ["sets-expectations", "在那之前，我每 30 分钟给您发一次进展。", {}, ["每 30 分钟"]],
    ["offers-resolution", "如果您愿意，我也能补发一台新的。", { offers: [{ id: "replacement", match: ["补发"] }] }, ["补发"]],
    ["offers-resolution", "我保证给您全额退款，绝对没问题。", { offers: [{ id: "refund", match: ["全额退款"] }] }, ["全额退款"]],
    ["offers-resolution", "很抱歉，我們真的沒辦法幫您處理。", { offers: [{ id: "nothing-can-be-done", match: ["没办法"] }] }, ["沒辦法"]],
    ["offers-resolution", "很抱歉，我们真的没办法帮您处理。", { offers: [{ id: "nothing-can-be-done", match: ["没办法"] }] }, ["没办法"]],
    ["dismissive", "您得跟其他人一样排队等着。", {}, ["您得跟其他人一样排队"]],
    ["jargon", "Our backend has a DNS cache issue.", {}, ["backend", "DNS", "cache"]],
    ["asks-secret", "Please send me your password.", {}, ["password"]],
    ["asks-fact", "Could you send me your order number?", { facts: FACTS }, ["order number"]],
    ["offers-resolution", "I can send a replacement today.", { offers: OFFERS }, ["replacement"]],
    ["personalises", "Hi Dana, thanks for waiting.", { customerName: "Dana Whitfield" }, ["Dana"]],
    ["emotional-reaction", "Sorry for the inconvenience.", {}, ["Sorry for the inconvenience."]],
    ["interpretation", "I understand your frustration.", {}, ["I understand your frustration."]],
    ["exploration", "Can you tell me more?", {}, ["Can you tell me more?"]],
  ];

  test.each(cases)("%s in %j", (kind, message, context, expected) => {
    expect(textsOf(message, kind, context)).toEqual(expected);
  });

  test("exact offsets for a rule match inside a longer message", () => {
    const message = "Thanks Dana. I'll look into it.";
    const ownership = only(message, "ownership");
    expect(ownership.span).toEqual([13, 17]);
    expect(ownership.text).toBe("I'll");
  });

  test("sentence-level signals span the trimmed sentence, not the whitespace around it", () => {
    const message = "Thanks for writing in.   Can you tell me more?  ";
    const exploration = only(message, "exploration");
    expect(exploration.span).toEqual([25, 46]);
    expect(exploration.text).toBe("Can you tell me more?");
  });
});

describe("negation", () => {
  test('"I\'m not sorry" is neither an apology nor an emotional reaction', () => {
    const signals = analyseMessage("I'm not sorry.");
    expect(ofKind(signals, "apology")).toEqual([]);
    expect(ofKind(signals, "emotional-reaction")).toEqual([]);
    // Control: without the negator both appear.
    expect(textsOf("I'm sorry.", "apology")).toEqual(["sorry"]);
  });

  test("\"I don't understand why you're upset\" is not interpretation", () => {
    expect(textsOf("I don't understand why you're upset.", "interpretation")).toEqual([]);
    expect(only("I understand why you're upset.", "interpretation").strength).toBe("weak");
  });

  test('"I can\'t promise" is not a false promise, "I promise" is', () => {
    expect(textsOf("I can't promise it will arrive by Friday.", "false-promise")).toEqual([]);
    expect(textsOf("I promise it will arrive by Friday.", "false-promise")).toEqual(["I promise"]);
  });

  test('"I won\'t guarantee" is not a false promise, "I guarantee" is', () => {
    expect(textsOf("I won't guarantee that.", "false-promise")).toEqual([]);
    expect(textsOf("I guarantee that.", "false-promise")).toEqual(["I guarantee"]);
  });

  test("a refusal that is itself a negation (沒辦法) is said, but a negated one (不是沒辦法) is not", () => {
    const context = { offers: [{ id: "nothing-can-be-done", match: ["没办法"] }] };
    expect(ofKind(analyseMessage("我沒辦法幫您退款。", context), "offers-resolution")).toHaveLength(1);
    expect(ofKind(analyseMessage("也不是沒辦法，我幫您申請組長審核。", context), "offers-resolution")).toHaveLength(0);
  });

  test('"never share your password" warns, it does not ask for a secret', () => {
    expect(textsOf("Never share your password with anyone.", "asks-secret")).toEqual([]);
    expect(textsOf("Please don't share your password with anyone.", "asks-secret")).toEqual([]);
    expect(textsOf("We will never ask for your password.", "asks-secret")).toEqual([]);
    expect(textsOf("Please share your password.", "asks-secret")).toEqual(["password"]);
  });

  test("a negation elsewhere in the sentence does not hide a request for a secret", () => {
    // "Don't worry" negates nothing about the request that follows it.
    expect(textsOf("Don't worry, just send me your password.", "asks-secret")).toEqual(["password"]);
  });
});

describe("case, punctuation and line breaks", () => {
  test("shouting with repeated punctuation is still an apology and an emotional reaction", () => {
    const message = "I'M SO SORRY!!!";
    const apology = only(message, "apology");
    expect(apology.text).toBe("SORRY");
    expect(apology.span).toEqual([7, 12]);
    expect(only(message, "emotional-reaction").text).toBe("I'M SO SORRY!!!");
  });

  test('"sorry," followed by more words', () => {
    const message = "sorry, let me check";
    expect(only(message, "apology").span).toEqual([0, 5]);
    expect(only(message, "emotional-reaction").text).toBe("sorry, let me check");
    expect(textsOf(message, "ownership")).toEqual(["let me"]);
  });

  test("a message with no final punctuation", () => {
    const message = "I'm so sorry your parcel is late";
    const reaction = only(message, "emotional-reaction", { customerMessage: "My parcel is late." });
    expect(reaction.text).toBe(message);
    expect(reaction.span).toEqual([0, message.length]);
    expect(reaction.strength).toBe("strong");
  });

  test("line breaks end sentences", () => {
    const message = "Hi Dana\nI'm so sorry your parcel is late\nI'll check now";
    const signals = analyseMessage(message, { customerMessage: "My parcel is late.", customerName: "Dana Whitfield" });
    const reaction = ofKind(signals, "emotional-reaction");
    expect(reaction.map((signal) => signal.text)).toEqual(["I'm so sorry your parcel is late"]);
    expect(reaction[0].span).toEqual([8, 40]);
    expect(ofKind(signals, "ownership").map((signal) => [signal.text, signal.span])).toEqual([["I'll", [41, 45]]]);
    expect(ofKind(signals, "personalises").map((signal) => signal.span)).toEqual([[3, 7]]);
  });
});

describe("asks-secret", () => {
  test.each([
    ["Please send me your full card number.", "full card number"],
    ["What's the CVV on the back of the card?", "CVV"],
    ["Can you tell me your password?", "password"],
    ["Please read out the one-time code we just sent you.", "one-time code"],
    ["Could you give me the one time passcode from the text?", "one time passcode"],
    ["What's the verification code you received?", "verification code"],
    ["Could you send me your new password?", "password"],
  ])("%j asks for %j", (message, secret) => {
    const signal = only(message, "asks-secret");
    expect(signal.text).toBe(secret);
    expect(message.slice(signal.span[0], signal.span[1])).toBe(secret);
  });

  test.each([
    "Please confirm the last four digits of your card.",
    "I've sent a password reset link to your email.",
    "Your password was reset an hour ago.",
    "Did the lock-out start after you changed your password?",
    "And did it start after a password change or out of nowhere?",
    "Have you forgotten your password, or is the account locked?",
    "Is it forgetting the password again that's bothering you most?",
    "密码是多久以前改的？是改了密码之后才登不进去的吗？",
    "您是不是最近重置过密码？",
  ])("%j asks about a secret, not for it", (message) => {
    expect(textsOf(message, "asks-secret")).toEqual([]);
  });

  test.each([
    ["麻烦把您的密码发给我，我帮您登录看看。", "密码"],
    ["您收到的验证码是多少？", "验证码"],
    ["请把新密码发给我确认一下。", "密码"],
  ])("%j asks for %j in Chinese", (message, secret) => {
    expect(textsOf(message, "asks-secret")).toEqual([secret]);
  });
});

describe("jargon", () => {
  test("terms from the default list, matched as whole words", () => {
    expect(textsOf("The RMA is logged against your SKU.", "jargon")).toEqual(["RMA", "SKU"]);
    expect(textsOf("Thanks for the application details.", "jargon")).toEqual([]);
  });

  test("terms from the scenario's own list", () => {
    const message = "There's a carrier exception on your parcel.";
    expect(textsOf(message, "jargon")).toEqual([]);
    const signal = only(message, "jargon", { jargon: ["carrier exception"] });
    expect(signal.text).toBe("carrier exception");
    expect(signal.span).toEqual([10, 27]);
  });
});

describe("asks-fact", () => {
  test("a question naming the fact carries its ref", () => {
    const signal = only("Could you send me your order number?", "asks-fact", { facts: FACTS });
    expect(signal).toMatchObject({ ref: "order-number", text: "order number", span: [23, 35] });
  });

  test("a question without a question mark still counts", () => {
    expect(only("What is the order number", "asks-fact", { facts: FACTS }).ref).toBe("order-number");
  });

  test("a request counts", () => {
    expect(only("Please attach a photo of the damage.", "asks-fact", { facts: FACTS })).toMatchObject({ ref: "photo", text: "photo" });
  });

  test("a statement that mentions the fact does not", () => {
    expect(textsOf("Your order number is in the confirmation email.", "asks-fact", { facts: FACTS })).toEqual([]);
    expect(textsOf("I have your order number.", "asks-fact", { facts: FACTS })).toEqual([]);
  });

  test("a negated request does not", () => {
    expect(textsOf("I don't need the order number.", "asks-fact", { facts: FACTS })).toEqual([]);
  });

  test("a question without an ask keyword does not", () => {
    expect(textsOf("Could you send me the receipt?", "asks-fact", { facts: FACTS })).toEqual([]);
  });

  test("several facts in one message, each with its ref and offsets", () => {
    const message = "Could you share a photo? And the order id please.";
    const asks = ofKind(analyseMessage(message, { facts: FACTS }), "asks-fact");
    expect(asks.map((signal) => [signal.ref, signal.text, signal.span])).toEqual([
      ["photo", "photo", [18, 23]],
      ["order-number", "order id", [33, 41]],
    ]);
  });
});

describe("offers-resolution", () => {
  test("an offer carries the offer's id", () => {
    expect(only("I can send a replacement today.", "offers-resolution", { offers: OFFERS })).toMatchObject({
      ref: "express-replacement",
      text: "replacement",
      span: [13, 24],
    });
    expect(only("I'll get your money back to you.", "offers-resolution", { offers: OFFERS })).toMatchObject({
      ref: "refund",
      text: "money back",
    });
  });

  test("each offer is reported once per message", () => {
    const signals = ofKind(
      analyseMessage("A replacement, or a refund if you prefer. The replacement is quicker.", { offers: OFFERS }),
      "offers-resolution",
    );
    expect(signals.map((signal) => signal.ref)).toEqual(["express-replacement", "refund"]);
    expect(signals[0].span).toEqual([2, 13]);
  });

  test("a negated offer is not an offer", () => {
    expect(textsOf("We can't send a replacement.", "offers-resolution", { offers: OFFERS })).toEqual([]);
    expect(textsOf("I won't refund this.", "offers-resolution", { offers: OFFERS })).toEqual([]);
  });

  test('a refusal phrased as "not able to" is not an offer', () => {
    expect(textsOf("We are not able to offer a refund.", "offers-resolution", { offers: OFFERS })).toEqual([]);
  });
});

describe("emotional-reaction strength", () => {
  test.each(["Sorry for the inconvenience.", "We apologise for any inconvenience.", "I'm sorry about that."])(
    "generic %j is weak",
    (message) => {
      expect(only(message, "emotional-reaction", { customerMessage: CUSTOMER }).strength).toBe("weak");
    },
  );

  test('a formulaic apology for "your inconvenience" is still weak', () => {
    expect(only("We're sorry for your inconvenience.", "emotional-reaction", { customerMessage: CUSTOMER }).strength).toBe("weak");
  });

  test.each([
    "I'm so sorry your daughter's play kitchen arrived broken.",
    "I'm so sorry the kitchen arrived broken right before the party.",
  ])("specific %j, anchored to the customer's words, is strong", (message) => {
    const signal = only(message, "emotional-reaction", { customerMessage: CUSTOMER });
    expect(signal.strength).toBe("strong");
    expect(signal.text).toBe(message);
  });
});

describe("interpretation strength", () => {
  test.each(["I understand your frustration.", "I completely understand how you feel.", "I understand."])(
    "generic %j is weak",
    (message) => {
      expect(only(message, "interpretation", { customerMessage: CUSTOMER }).strength).toBe("weak");
    },
  );

  test("naming the feeling the customer implied is strong (guide: Interpretations, 2)", () => {
    const message = "It sounds like you're panicking because the party is this Saturday.";
    const signal = only(message, "interpretation", { customerMessage: CUSTOMER });
    expect(signal.strength).toBe("strong");
    expect(signal.span).toEqual([0, message.length]);
  });

  test("the same words are not a strong reflection without the customer's message to anchor them", () => {
    const signals = ofKind(analyseMessage("So the kitchen arrived broken and the party is on Saturday."), "interpretation");
    expect(signals.filter((signal) => signal.strength === "strong")).toEqual([]);
  });
});

describe("exploration", () => {
  test.each(["Can you tell me more?", "What happened?", "How can I help?", "What would help most right now?"])(
    "generic %j is weak",
    (message) => {
      const signal = only(message, "exploration", { customerMessage: CUSTOMER });
      expect(signal.strength).toBe("weak");
      expect(signal.text).toBe(message);
    },
  );

  test.each([
    "Is it this exact kitchen you need for Saturday, or anything that arrives in time?",
    "Is the party this weekend, so you need it before Saturday?",
  ])("a question about this customer's situation %j is strong", (message) => {
    expect(only(message, "exploration", { customerMessage: CUSTOMER }).strength).toBe("strong");
  });

  test("a question that checks an offer is not exploration (guide: rule 7)", () => {
    expect(textsOf("Would a replacement or a refund suit you better?", "exploration", { customerMessage: CUSTOMER })).toEqual([]);
  });

  test("a request to confirm a record is not exploration", () => {
    expect(textsOf("Can you confirm your email?", "exploration", { customerMessage: CUSTOMER })).toEqual([]);
  });

  test('"Is there anything else?" is a closing question, not a check that the fix works', () => {
    expect(textsOf("Is there anything else?", "checks-satisfaction")).toEqual([]);
    expect(textsOf("Is there anything else?", "closes")).toEqual(["anything else"]);
  });

  test("a statement is not exploration", () => {
    expect(textsOf("The kitchen will be replaced.", "exploration", { customerMessage: CUSTOMER })).toEqual([]);
  });

  test("an exclamatory sign-off is not a question, so not exploration", () => {
    const signals = analyseMessage("Have a great day!", { customerMessage: CUSTOMER });
    expect(ofKind(signals, "closes").map((signal) => signal.text)).toEqual(["Have a great day"]);
    expect(ofKind(signals, "exploration")).toEqual([]);
  });
});

describe("personalises", () => {
  test("the customer's first name, in any case", () => {
    const signals = ofKind(analyseMessage("Hi dana, thanks DANA.", { customerName: "Dana Whitfield" }), "personalises");
    expect(signals.map((signal) => [signal.text, signal.span])).toEqual([
      ["dana", [3, 7]],
      ["DANA", [16, 20]],
    ]);
  });

  test("only as a whole word, and only when the name is known", () => {
    expect(textsOf("Hi Danakin.", "personalises", { customerName: "Dana Whitfield" })).toEqual([]);
    expect(textsOf("Hi Dana.", "personalises")).toEqual([]);
  });
});

describe("spans", () => {
  const samples: [string, AnalysisContext][] = [
    [
      "  Hi Dana!!  I'm SO sorry your daughter's play kitchen arrived broken.\n\nCould you send me the order number and a photo?  ",
      { customerMessage: CUSTOMER, customerName: "Dana Whitfield", facts: FACTS },
    ],
    ["Unfortunately our backend can't refund that. You should have read the SLA, calm down.", { offers: OFFERS }],
    [
      "So the kitchen arrived broken before the party.\nI'll send a replacement, it should arrive within 2 days. Does that work for you? Take care",
      { customerMessage: CUSTOMER, offers: OFFERS },
    ],
    ["What's the CVV?? I promise it's safe… whatever", {}],
    ["I'll escalate this to my supervisor — there's a carrier exception", { jargon: ["carrier exception"] }],
  ];

  test.each(samples)("index into the original message: %j", (message, context) => {
    const signals = analyseMessage(message, context);
    expect(signals.length).toBeGreaterThan(2);
    for (const signal of signals) {
      expect(signal.span[0]).toBeGreaterThanOrEqual(0);
      expect(signal.span[1]).toBeGreaterThan(signal.span[0]);
      expect(signal.span[1]).toBeLessThanOrEqual(message.length);
      expect(message.slice(signal.span[0], signal.span[1]), signal.kind).toBe(signal.text);
    }
    const starts = signals.map((signal) => signal.span[0]);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

// The empathy levels are learned from labelled replies, so single sentences out
// of context are read statistically; the guide's own examples as a set must
// still be read at the guide's level.
describe("the labelling guide's examples", () => {
  const examples: [message: string, mechanism: SignalKind, level: 0 | 1 | 2][] = [
    ["Sorry about that.", "emotional-reaction", 1],
    ["I'm sorry to hear that.", "emotional-reaction", 1],
    ["Oh no!", "emotional-reaction", 1],
    ["Don't worry, we'll get this sorted.", "emotional-reaction", 1],
    ["I'm really sorry — I'd be upset too if my daughter's present arrived broken.", "emotional-reaction", 2],
    ["I feel awful that you've been going round in circles.", "emotional-reaction", 2],
    ["I'm not sorry, that's policy.", "emotional-reaction", 0],
    ["I understand.", "interpretation", 1],
    ["I understand how you feel.", "interpretation", 1],
    ["That makes sense.", "interpretation", 1],
    ["I hear you.", "interpretation", 1],
    ["That must be stressful with the party on Saturday.", "interpretation", 2],
    ["So you've now been charged twice and still can't get in — no wonder you're fed up.", "interpretation", 2],
    ["I've had a parcel vanish the week of a move too; it throws everything off.", "interpretation", 2],
    ["Two days of no internet while you work from home — that's a real problem.", "interpretation", 2],
    ["Your order 48213 is damaged.", "interpretation", 0],
    ["What happened?", "exploration", 1],
    ["Can you tell me more?", "exploration", 1],
    ["How can I help?", "exploration", 1],
    ["What's going on?", "exploration", 1],
    ["Is the party this weekend, so you need it before Saturday?", "exploration", 2],
    ["When you say it arrived smashed — is it the oven door or the whole frame?", "exploration", 2],
    ["What's your order number?", "exploration", 0],
    ["Can you send a photo?", "exploration", 0],
    ["What email is on the account?", "exploration", 0],
    ["Anything else?", "exploration", 0],
    ["Shall I go ahead?", "exploration", 0],
    ["Would a replacement by Friday work for you?", "exploration", 0],
  ];

  test("at least 80% are read at the guide's level", () => {
    const misses = examples.filter(([message, mechanism, level]) => {
      const found = ofKind(analyseMessage(message, { customerMessage: CUSTOMER }), mechanism);
      const read = found.length === 0 ? 0 : found.some((signal) => signal.strength === "strong") ? 2 : 1;
      return read !== level;
    });
    expect(misses.length / examples.length, `missed: ${JSON.stringify(misses)}`).toBeLessThanOrEqual(0.2);
  });
});

describe("Chinese empathy readings", () => {
  test.each(["我看了真的很心疼。", "看到這句話，我心裡一沉。", "我聽著都替您著急。", "真替您松一口气！", "换成我也会抓狂。"])(
    "the agent naming a feeling of their own is a strong emotional reaction: %s",
    (message) => {
      expect(only(message, "emotional-reaction").strength).toBe("strong");
    },
  );

  test("a feeling said of someone else, or negated, is not the agent's own", () => {
    expect(ofKind(analyseMessage("我相信教练听了也会很开心。"), "emotional-reaction").filter((s) => s.strength === "strong")).toHaveLength(
      0,
    );
    expect(ofKind(analyseMessage("我明白这让人心里不踏实。"), "emotional-reaction").filter((s) => s.strength === "strong")).toHaveLength(0);
  });

  test.each(["那种被两头追着跑的感觉一定很难受。", "被一再要求证明自己，确实挺憋屈的。", "等于整个礼拜的工作都被卡住。"])(
    "an experience named for the customer is a strong interpretation: %s",
    (message) => {
      expect(only(message, "interpretation").strength).toBe("strong");
    },
  );

  test.each(["我明白您的意思。", "您会这么想，很正常。", "您的心情我可以想像。"])("understanding without what is weak: %s", (message) => {
    expect(only(message, "interpretation").strength).toBe("weak");
  });

  test.each(["能跟我说说今天都遇到了哪些事吗？", "第一次自己把人邀请进来，您感觉怎么样？"])(
    "an open invitation is weak exploration: %s",
    (message) => {
      expect(only(message, "exploration").strength).toBe("weak");
    },
  );

  test.each(["您是在手机上还是电脑上点的？", "请问您用的是 Windows 还是 Mac？", "您想先听听这个，还是直接帮您办取消？"])(
    "a device check or a choice between the agent's own plans explores nothing: %s",
    (message) => {
      expect(ofKind(analyseMessage(message), "exploration")).toHaveLength(0);
    },
  );
});

describe("Chinese interpretations said in plain words", () => {
  test.each(["每次都要从头讲一遍，换谁都会烦。", "三台设备都试过，等于您在营业高峰还得替我们排查。", "这种悬着的感觉挺磨人的。"])(
    "how it lands for the customer is a strong interpretation: %s",
    (message) => {
      expect(only(message, "interpretation").strength).toBe("strong");
    },
  );

  test("the agent's own feeling next to the customer's experience is read as both", () => {
    const signals = analyseMessage("您专门请了一天假在家守着，最后什么都没等到，换谁都会窝火。我听了心里也挺不是滋味的。", {
      customerMessage: "我专门请了一天假在家等，结果什么都没送来，电话也没人接。",
    });
    expect(ofKind(signals, "emotional-reaction")[0]?.strength).toBe("strong");
    expect(ofKind(signals, "interpretation")[0]?.strength).toBe("strong");
  });
});
