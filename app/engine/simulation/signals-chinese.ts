// The signals of an agent message written in Chinese, in either script: the
// same kinds, spans and rules as the English analyser (signals.ts), read from
// the Chinese language layer. Lexicons are written in Simplified characters and
// matched against the message read in Simplified (one character for one, so a
// match's offsets are the original text's), so one lexicon serves both scripts.
// Stock service phrases (套话) earn at most weak empathy, as the labelling guide's rule 3 says.
// Empathy levels come from the Chinese model (empathy-weights-zh.json, ADR 015), which reads
// these rules' readings and lexicons rather than the words themselves.
import { analyseChinese, chineseContentWords, isNegator, simplified } from "../language/chinese.ts";
import type { TextAnalysis } from "../language/english.ts";
import { empathyFeatures, type RuleReading, type SentenceFeatures } from "./empathy-features.ts";
import { compileModel, learnedLevels } from "./empathy-model.ts";
import weights from "./empathy-weights-zh.json";
import { CREDIT, EMPATHY, ON_TOPIC } from "./signal-kinds.ts";
import type { AnalysisContext, OfferRule, Signal, SignalKind, Strength } from "./signals.ts";

type Sentence = { text: string; start: number; plain: string; question: TextAnalysis["sentences"][number]["question"]; words: Set<string> };

type Reading = { message: string; plain: string; analysis: TextAnalysis; list: Sentence[]; anchor: Set<string> };

function push(signals: Signal[], message: string, kind: SignalKind, start: number, end: number, extra: Partial<Signal> = {}) {
  signals.push({ kind, span: [start, end], text: message.slice(start, end), ...extra });
}

function sentenceSignal(signals: Signal[], message: string, kind: SignalKind, sentence: Sentence, extra: Partial<Signal> = {}) {
  const trimmed = sentence.text.trim();
  const leading = sentence.text.indexOf(trimmed);
  push(signals, message, kind, sentence.start + leading, sentence.start + leading + trimmed.length, extra);
}

const contentCache = new Map<string, Set<string>>();
/** The content words of a Chinese text, in Simplified form. */
export function chineseContentOf(text: string): Set<string> {
  let words = contentCache.get(text);
  if (!words) {
    words = chineseContentWords(analyseChinese(text).tokens);
    if (contentCache.size >= 500) contentCache.clear();
    contentCache.set(text, words);
  }
  return words;
}

function read(message: string, context: AnalysisContext): Reading {
  const analysis = analyseChinese(message);
  const list = analysis.sentences.map((sentence) => ({
    text: sentence.text,
    start: sentence.start,
    plain: simplified(sentence.text),
    question: sentence.question,
    words: chineseContentWords(analysis.tokens.slice(...sentence.tokens)),
  }));
  return { message, plain: simplified(message), analysis, list, anchor: chineseContentOf(context.customerMessage ?? "") };
}

function negatedAt(analysis: TextAnalysis, offset: number): boolean {
  return analysis.tokens.find((token) => token.end > offset)?.negated ?? false;
}

/**
 * Negated by what comes before `offset`: a phrase that is itself a negation ("沒辦法幫您",
 * "不是我們的問題") does not negate itself, but one that starts inside a negator ("是您的錯" in
 * "不是您的錯") is negated by it.
 */
function negatedBefore(analysis: TextAnalysis, offset: number): boolean {
  const index = analysis.tokens.findIndex((token) => token.end > offset);
  const token = analysis.tokens[index];
  if (!token) return false;
  if (!isNegator(token.lemma)) return token.negated;
  if (token.start < offset) return true;
  return analysis.tokens[index - 1]?.negated ?? false;
}

function sentenceAt(list: Sentence[], offset: number): Sentence {
  let found = list[0];
  for (const sentence of list) {
    if (sentence.start > offset) break;
    found = sentence;
  }
  return found;
}

const overlap = (sentence: Sentence, anchor: Set<string>) => [...sentence.words].filter((word) => anchor.has(word)).length;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const phraseCache = new Map<string, RegExp>();
/** Authored phrases (a fact's asks, an offer's words) as one pattern over Simplified text. */
function phrases(list: string[]): RegExp {
  const key = list.join("\u0000");
  let pattern = phraseCache.get(key);
  if (!pattern) {
    pattern = new RegExp(list.map((phrase) => escape(simplified(phrase).toLowerCase())).join("|"), "g");
    if (phraseCache.size > 1000) phraseCache.clear();
    phraseCache.set(key, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

type Rule = { kind: SignalKind; pattern: RegExp; negatable?: boolean; strength?: Strength };

const RULES: Rule[] = [
  { kind: "apology", pattern: /抱歉|对不起|不好意思|道歉|致歉|歉意/g, negatable: true },
  {
    kind: "ownership",
    pattern:
      /我(?:来|会|马上|这就|立刻|立即|现在就?|负责)(?:帮您|为您|给您|替您)?(?:处理|查|核实|跟进|安排|申请|联系|解决|办理|重置|补发|退|发)|交给我|我已(?:经)?(?:为您|帮您|给您)?(?:申请|安排|处理|提交|发送|发出|退款|补发|重置|升级|登记|办理)|我帮您|我替您|包在我身上/g,
    negatable: true,
  },
  {
    kind: "blame",
    pattern:
      /(?:您|你)(?:自己)?(?:应该|本该|早该|本来就该)|(?:是|都是|这是)(?:您|你)(?:自己)?的(?:错|问题|责任|失误)|(?:您|你)(?:没有|没)(?:仔细)?(?:看|读|注意|按)|不是我们的(?:错|问题|责任)|这(?:不)?怪(?:我们)?(?:您|你)|(?:这|那)?(?:可)?不(?:能)?怪我们|(?:您|你)(?:自己)?操作(?:错误|有误|不当)|用户(?:自己的)?(?:错误|问题)|谁让(?:您|你)|(?:您|你)(?:的)?(?:电脑|手机|网络|浏览器|设备)的问题/g,
    negatable: true,
  },
  {
    kind: "dismissive",
    pattern:
      /我(?:已经|刚才|刚刚|之前)?(?:说过|讲过|解释过)了|我都说了|(?:说|讲)了(?:好几遍|很多遍)|就这样吧|我(?:们|这边)?也没(?:办法|辙)|(?:这|那)是(?:公司的?)?规定|规定就是规定|这不归我管|不是我的(?:问题|事|工作|部门)|(?:您|你)(?:只能|得|就得|只好)(?:等|.{0,8}排队)|爱(?:信|要)不(?:信|要)|随便(?:您|你)|冷静(?:一点|点)|别激动|就是这样的|这还用说|明摆着|显而易见|很明显/g,
  },
  {
    kind: "rudeness",
    pattern:
      /笨|蠢|白痴|有病|神经病|脑子|废话|闭嘴|烦不烦|(?:您|你)是不是(?:傻|不识字|看不懂)|(?:您|你)?连.{0,10}都(?:不会|看不懂|搞不清|弄不明白|不懂|找不到|做不好)|不过就是.{0,10}(?:而已|罢了|嘛)?|不识字|爱买不买|不就(?:是)?.{0,8}(?:吗|嘛)|至于吗|有什么好(?:生气|激动|抱怨)的|矫情|事儿?(?:真)?多|自己(?:去)?看(?:说明|清楚)|难为(?:您|你)了/g,
  },
  {
    kind: "false-promise",
    pattern: /我(?:保证|发誓|打包票)|保证(?:会|能|一定)|百分之百|100\s?[%％]|绝对(?:会|能|不会)|再也不会(?:发生|出现)/g,
    negatable: true,
  },
  {
    kind: "sets-expectations",
    pattern:
      /(?:\d+|[一两三四五六七八九十几])\s?(?:个)?\s?(?:工作日|工作天|小时|天|分钟|周)(?:之?内|以内)|每(?:隔)?\s?(?:\d+|[一两三四五六七八九十半])\s?(?:个)?\s?(?:小时|分钟|天)|(?:今天|明天|后天|本周|下周|周[一二三四五六日]|星期[一二三四五六日天]|月底|今晚)(?:之前|以前|前|内)|(?:您|你)(?:会|将|就能|就会)(?:收到|看到|接到|拿到)|预计|下一步|接下来|稍后(?:会|我)|(?:一有|有了)(?:结果|消息|进展)|(?:会|将|就能|就会|一定|肯定)(?:送到|送达|到货|到账|恢复|寄到|退回|回复您)/g,
  },
  {
    kind: "checks-satisfaction",
    pattern:
      /(?:这样|这个方案|这样安排|这样处理)(?:您|你)?(?:看)?(?:可以|行|好|合适|方便)(?:吗|么|嘛)|(?:您|你)(?:觉得|看)(?:这样)?(?:怎么样|可以吗|行吗|合适吗)|(?:满意|接受|可行|妥当)(?:吗|么)|能解决(?:您的)?问题吗|有帮助吗|问题解决了吗|可以吗？?$/g,
  },
  {
    kind: "closes",
    pattern:
      /祝您.{0,6}(?:愉快|顺利|开心)|感谢(?:您的)?(?:耐心|等待|来信|联系|支持|理解)|谢谢(?:您的)?(?:耐心|等待|来信|联系|理解)|还有(?:其他|什么|别的)(?:问题|需要)?(?:可以|需要)?(?:帮|帮忙|协助)|有任何问题(?:随时)?(?:联系|找)|很高兴(?:为您服务|能帮到您|帮到您)|再见/g,
  },
  {
    kind: "escalates",
    pattern:
      /(?:转|转接|转给|交给|升级给|上报给|提交给|请)(?:我的|我们的)?(?:主管|经理|上级|专员|技术团队|技术部门|二线|工程师|组长|财务团队|账务团队|资深同事)|升级(?:处理|到)|上报(?:给|到)?/g,
  },
  {
    kind: "negative-language",
    pattern: /很遗憾|遗憾的是|(?:(?<!能)不能|无法)(?!保证|承诺|确定)|做不到|办不到|找不到|不会找|不可能|不允许|不行/g,
  },
];

const DEFAULT_JARGON = [
  "SKU",
  "RMA",
  "SLA",
  "API",
  "后台",
  "后端",
  "二线",
  "三线",
  "缓存",
  "DNS",
  "拒付",
  "预授权",
  "履约中心",
  "接口",
  "同步任务",
  "根因",
  "P1",
  "P2",
  "工单系统",
];

const SECRET_NOUN =
  /密码|验证码|动态码|短信码|校验码|(?<![a-z])(?:cvv|cvc|pin)(?![a-z])码?|安全码|完整(?:的)?(?:卡号|银行卡号|信用卡号)|(?:银行卡|信用卡)卡?号|支付密码|一次性(?:密码|验证码)/gi;
const SECRET_ACTED_ON = /(?:改|修改|更改|重置|重设|换|更换|忘记|忘|设置|设定|记住|保存)(?:了|过)?(?:一下)?(?:您的|你的|的|个)?$/;
const SECRET_AS_MODIFIER = /^(?:重置|修改|更改|管理|规则|要求|强度|过期|之后|以后|后)|^[^，。？！；]*?(?:改|重置|重设|更换|换)(?:的|了|过)/;
const SECRET_REQUEST = /发|提供|告诉|给我|输入|确认|报一下|说一下|念|填|回复|贴|留言/;

// Empathy lexicons (guide: Emotional Reactions, Interpretations, Explorations).
const FEELING =
  /着急|生气|难过|心疼|焦虑|担心|失望|崩溃|难受|闹心|头疼|烦|委屈|糟心|郁闷|不安|无奈|恼火|抓狂|泄气|憋屈|不踏实|不舒服|压力|受够|累|怕|慌/;
const STRONG_EMOTION =
  /(?:换(?:作|成)?是?我|我(?:也|都)会)(?:也)?(?:会)?(?:很|非常)?(?:着急|生气|崩溃|难受|失望|恼火)|(?:真的|非常|特别|实在|十分|很)(?:难过|心疼|着急|担心|遗憾|过意不去)|听到.{0,12}(?:我)?(?:很|真的很|非常)?(?:难过|心疼|着急|担心)|太糟(?:糕)?了|真(?:是)?(?:太)?糟心|太让人(?:着急|生气|失望)了|我(?:很|非常|真的)?(?:心疼|过意不去|着急)|替(?:您|你)(?:着急|难过|担心|松一口气|高兴|开心|捏把汗|委屈)|过意不去|心里(?:发紧|难受|不好受|不是滋味)|揪心|我.{0,8}(?:着急|心疼|难过|不安|不好受|揪心|不是滋味|过意不去|担心|生气|不舒服|心酸|难受)|替(?:您|你).{0,4}(?:累|着急|难过|担心|心疼)/;
/** The agent naming a feeling of their own about what the customer went through: strong whatever else the sentence says (guide: ER 2). */
const OWN_FEELING_WORDS =
  "心疼|着急|焦急|难过|难受|不好受|惭愧|过意不去|不是滋味|揪心|一沉|一紧|松(?:了)?(?:一)?(?:大)?口气|泄气|抓狂|悬着心|憋屈|可惜|舍不得|开心|窝火|刺心|捏了把汗|吓了一跳|后怕|对不住|紧张|踏实|气我们";
const OWN_FEELING = new RegExp(
  `我(?:们|自己)?(?:也|都|真的|真心|真|心里|实在|一直|在这边|跟着|看了|听了|看着|听着|读了|看完|(?:看到|听到)[^，。！？；您你]{0,8}?)*(?:替(?:您|你))?(?:觉得)?(?:好|很|挺|有点|特别|非常|真的|真|也|都|心里)*(?<!不)(?:${OWN_FEELING_WORDS})|` +
    `替(?:您|你)(?:觉得)?(?:好|很|挺|有点)?(?:${OWN_FEELING_WORDS}|高兴)|` +
    "换(?:作|成)?(?:是)?我(?:也)?(?:会)?(?:很|非常)?(?:抓狂|着急|生气|崩溃|难受|失望|恼火|烦)",
);
/** Stock service phrases: they allude to feeling without any of this customer's situation. */
const STOCK_APOLOGY =
  /(?:给您)?带来(?:的)?不便(?:深表|表示|十分)?(?:歉意|抱歉)?|敬请(?:谅解|见谅)|深表歉意|非常抱歉给您带来|对此(?:深表)?歉意|不好意思|对不起|抱歉|感谢(?:您的)?(?:耐心|理解|支持|等待)|太好了|真好/;
/** Reassurance meant to comfort ("别担心"): weak emotional reaction, though it is worded as a negation. */
const REASSURANCE =
  /别(?:担心|着急|急|慌|紧张|自责)|不用(?:担心|着急|急|慌|自责|不好意思)|不要(?:担心|着急|慌|自责)|放心|没事的|不是(?:您|你)的(?:错|问题)|一点都不笨|哪有|哎呀|真可惜|太可惜/;
const GENERIC_UNDERSTANDING =
  /(?:我|我们)(?:非常|完全|很|十分|能|可以)?(?:理解|明白|懂|了解|知道)(?:您|你)?(?:的)?(?:心情|感受|着急|不满|困扰)?|能理解|可以理解|理解您|感同身受|(?:我|我们)?(?:能|可以)想(?:象|像)|(?:这|那)(?:很|挺|也)?合理|^明白|听进去了|(?:才|很|挺)正常/;
const INTERPRETIVE =
  /听起来|看来(?:您|你)|也就是说|所以(?:您|你)|(?:您|你)(?:本来|原本|特意|专门)|指望|(?:您|你)(?:一定|肯定|应该)(?:很|非常|挺)?(?:着急|生气|失望|担心|难受|焦虑|不好受|郁闷)|这(?:一定|肯定|确实|真的)(?:很|挺|太)?(?:让人)?(?:着急|麻烦|糟心|难受|闹心|头疼|折腾)|(?:难怪|怪不得)(?:您|你)|(?:白白|一直|一连)(?:等|跑|折腾)/;
const SECOND_PERSON = /您|你/;
/** What the customer is living through, named as an experience: "那种被两头追着跑的感觉", "确实挺憋屈的", "等于整个礼拜都被卡住". */
const NAMED_EXPERIENCE =
  /(?:那种|这种).{1,24}(?:感觉|滋味)|(?:换|搁)谁(?:心里)?都|等于(?=[^\d\s])|难免(?:会)?觉得|光想就|想想都|比.{1,16}还(?:让人|要|更)|(?:一定|肯定|确实|真的|难免|实在|真是|想必)(?:会|是)?(?:很|挺|有点|有些|特别|非常|太|够)?(?:难受|憋屈|不舒服|泄气|没底|揪心|委屈|心累|磨人|伤人|不好受|闹心|煎熬|提心吊胆|心急|窝火|郁闷|无助|烦)|提心吊胆|被(?:晾|打发|当成|推来推去|踢皮球)|不被当(?:一)?回事|等于.{0,12}(?:卡|白费|白干|泡汤|耽误)|白(?:干|忙|等|跑)(?:了)?(?:一场|一趟)?/;
/** Words that weigh how something lands for the customer: "最要命了", "确实让人心慌", "搁谁都会…". */
const EVALUATIVE =
  /让人|令人|要命|心慌|折腾|不容易|说不过去|搁谁|换谁|谁都会|不只是|直接影响|难怪|怪不得|确实|可想而知|够呛|糟心|崩溃|头疼|闹心|不好受|太.{1,4}了|真是|偏偏|白白|眼看|石沉大海|更像是|肯定不小|一定很/;
/** What living through a support problem is like, whatever the case: waiting, no news, being passed around. */
const EXPERIENCE = /等了|一直等|干等|没有(?:任何)?(?:消息|回复|音讯)|没人(?:告诉|理|回)|白跑|来回|折腾|耽误|晚了|拖了/;
const ACTION = /我(?:会|已|来|马上|帮|为|给|可以|这就)|我们(?:会|已|将|可以)|请(?:您)?|您可以|您需要|您只要|麻烦您/;
const RECORD_QUESTION =
  /订单号|单号|订单编号|邮箱|信箱|电子邮件|邮件地址|email|e-mail|手机号|电话|地址|姓名|名字|账号|账户|帐号|帐户|照片|图片|截图|卡号|后四位|身份|核实|验证|编号|会员号|浏览器|版本|型号|收据|凭证|金额|手机|电脑|平板|windows|mac|安卓|android|ios|管道|渠道|还有(?:其他|别的|什么)(?:问题|需要)|其他问题|还需要什么帮助/i;
/** Questions that check the agent's own plan or give an instruction (guide rule 7): no exploration. */
const PLAN_QUESTION =
  /需要我|要不要我|要我帮|我(?:来|先)?(?:给您|帮您|为您).{0,12}[吗吧]|您觉得(?:这个|这样|怎么样)|(?:适合|合适)(?:您)?吗|可以吗|行吗|好吗|方便吗|(?:您|你)可以.{0,14}吗|(?:能不能|可不可以).{0,8}(?:试试|检查|重启|清除|换用)|为什么不|何不|还有(?:什么|其他|别的).{0,6}(?:能|可以)?帮|直接(?:帮您|为您)?(?:办|取消|换|退)|(?:要|需要)(?:帮|给|为)您|想先听听|给您添/;
const GENERIC_QUESTION =
  /发生了什么|什么情况|怎么回事|详细说说|具体说说|多说一点|具体(?:是)?什么问题|有什么可以帮(?:您|你)|我能为您做什么|需要什么帮助|(?:跟|和)我(?:说说|聊聊|讲讲)|多说说|遇到(?:了)?(?:哪些|什么)|碰上了什么|什么原因|感觉怎么样|怎么个情况|什么影响/;
const NEED_QUESTION =
  /对(?:您|你)来说(?:最)?重要|(?:您|你)(?:最)?(?:希望|想要|需要|在意)|什么时候(?:需要|要用|用)|(?:会不会|有没有)影响|是.{1,12}还是|急着用|赶在.{0,6}(?:之前|前)/;

const CLAUSE = /[^，,；;：:]+[，,；;：:]?/gu;

function clausesOf(sentence: Sentence): { text: string; plain: string; start: number }[] {
  return [...sentence.text.matchAll(CLAUSE)].map((match) => ({
    text: match[0],
    plain: simplified(match[0]),
    start: sentence.start + (match.index ?? 0),
  }));
}

function empathySignals({ message, analysis, list, anchor }: Reading, signals: Signal[]) {
  for (const sentence of list) {
    const anchored = overlap(sentence, anchor) >= 1;
    const strongAt = sentence.plain.search(STRONG_EMOTION);
    const stockAt = sentence.plain.search(STOCK_APOLOGY);
    const ownAt = sentence.plain.search(OWN_FEELING);
    if (ownAt >= 0 && !negatedAt(analysis, sentence.start + ownAt)) {
      sentenceSignal(signals, message, "emotional-reaction", sentence, { strength: "strong" });
    } else if (strongAt >= 0 && !negatedAt(analysis, sentence.start + strongAt) && (anchored || FEELING.test(sentence.plain))) {
      // The agent's own feeling about what happened to this customer: their words, or the experience itself ("一直等着没有消息").
      sentenceSignal(signals, message, "emotional-reaction", sentence, {
        strength: anchored || EXPERIENCE.test(sentence.plain) ? "strong" : "weak",
      });
    } else if ((stockAt >= 0 && !negatedAt(analysis, sentence.start + stockAt)) || REASSURANCE.test(sentence.plain)) {
      // An apology or a word of comfort alludes to feeling without naming the agent's own: weak (guide: Emotional Reactions).
      sentenceSignal(signals, message, "emotional-reaction", sentence, { strength: "weak" });
    }

    // Chinese runs an apology, a reflection and an action together in one sentence: each clause is read on its own.
    const reflects =
      sentence.question === null &&
      clausesOf(sentence).some((clause) => {
        const anchoredSentence = overlap(sentence, anchor) >= 2;
        if (/抱歉|对不起|不好意思/.test(clause.plain)) return false;
        // Saying one understands, without what, is weak however it is dressed (guide: Interpretations, 1).
        if (GENERIC_UNDERSTANDING.test(clause.plain) && !NAMED_EXPERIENCE.test(clause.plain)) return false;
        // The agent's own feeling, or comfort (别担心), is an emotional reaction, not an understanding of the customer's.
        if ((OWN_FEELING.test(clause.plain) || REASSURANCE.test(clause.plain)) && !NAMED_EXPERIENCE.test(clause.plain)) return false;
        const markerAt = clause.plain.search(INTERPRETIVE);
        const clauseAnchored = [...chineseContentOf(clause.text)].filter((word) => anchor.has(word)).length;
        const namedAt = clause.plain.search(NAMED_EXPERIENCE);
        return (
          (namedAt >= 0 && !negatedAt(analysis, clause.start + namedAt)) ||
          (markerAt >= 0 && !negatedAt(analysis, clause.start + markerAt) && (clauseAnchored >= 1 || EXPERIENCE.test(clause.plain))) ||
          (SECOND_PERSON.test(clause.plain) && !ACTION.test(clause.plain) && clauseAnchored >= 2) ||
          // A restatement of what the customer said, weighed for how it lands, is an interpretation (guide rule 4).
          (!ACTION.test(clause.plain) &&
            (clauseAnchored >= 1 || anchoredSentence || SECOND_PERSON.test(clause.plain)) &&
            (EVALUATIVE.test(clause.plain) || FEELING.test(clause.plain)))
        );
      });
    const understandingAt = sentence.plain.search(GENERIC_UNDERSTANDING);
    if (reflects) sentenceSignal(signals, message, "interpretation", sentence, { strength: "strong" });
    else if (understandingAt >= 0 && !negatedAt(analysis, sentence.start + understandingAt))
      sentenceSignal(signals, message, "interpretation", sentence, { strength: "weak" });

    if (sentence.question !== null && !RECORD_QUESTION.test(sentence.plain) && !PLAN_QUESTION.test(sentence.plain)) {
      const specific = anchored || sentence.question === "choice" || sentence.plain.length >= 14;
      const strong = NEED_QUESTION.test(sentence.plain) || (specific && !GENERIC_QUESTION.test(sentence.plain));
      sentenceSignal(signals, message, "exploration", sentence, { strength: strong ? "strong" : "weak" });
    }
  }
}

function ruleSignals({ message, plain, analysis }: Reading, signals: Signal[]) {
  for (const rule of RULES) {
    for (const match of plain.matchAll(rule.pattern)) {
      const at = match.index ?? 0;
      if (rule.negatable && negatedBefore(analysis, at)) continue;
      push(signals, message, rule.kind, at, at + match[0].length, rule.strength ? { strength: rule.strength } : {});
    }
  }
}

function listSignals({ message, plain }: Reading, kind: SignalKind, terms: string[], signals: Signal[]) {
  if (terms.length === 0) return;
  for (const match of plain.toLowerCase().matchAll(phrases(terms))) {
    const at = match.index ?? 0;
    push(signals, message, kind, at, at + match[0].length);
  }
}

const REQUEST_WORDS = /请|麻烦|劳烦|提供|告诉|告知|发(?:一下|给我|给我们|过来|个)|确认|需要|说一下|报一下|方便/;
const asking = (sentence: Sentence) => sentence.question !== null || REQUEST_WORDS.test(sentence.plain);

/** Content words of an authored phrase, for matching a paraphrase; null when the phrase has fewer than two. */
function meaningOf(phrase: string): Set<string> | null {
  const words = chineseContentOf(phrase);
  return words.size >= 2 ? words : null;
}

function factSignals(reading: Reading, facts: AnalysisContext["facts"], signals: Signal[]) {
  const { message, plain, analysis, list } = reading;
  for (const fact of facts ?? []) {
    let found = false;
    for (const match of plain.toLowerCase().matchAll(phrases(fact.ask))) {
      const at = match.index ?? 0;
      const sentence = sentenceAt(list, at);
      if (asking(sentence) && !negatedAt(analysis, at)) {
        push(signals, message, "asks-fact", at, at + match[0].length, { ref: fact.id });
        found = true;
        break;
      }
    }
    if (found) continue;
    const meanings = fact.ask.map(meaningOf).filter((words) => words !== null);
    const sentence = list.find(
      (candidate) => asking(candidate) && meanings.some((words) => [...words].every((word) => candidate.words.has(word))),
    );
    if (sentence) sentenceSignal(signals, message, "asks-fact", sentence, { ref: fact.id });
  }
}

function unknownAskSignals({ message, list }: Reading, facts: AnalysisContext["facts"], signals: Signal[]) {
  if (!facts) return;
  for (const sentence of list) {
    if (!sentence.question || !RECORD_QUESTION.test(sentence.plain) || /还有(?:其他|别的|什么)|其他问题/.test(sentence.plain)) continue;
    const end = sentence.start + sentence.text.length;
    if (signals.some((signal) => signal.kind === "asks-fact" && signal.span[0] >= sentence.start && signal.span[0] < end)) continue;
    sentenceSignal(signals, message, "asks-unknown", sentence);
  }
}

const OFFER_FRAME =
  /我(?:们)?(?:也|还)?(?:保证)?(?:会|可以|能|来|马上|这就|立刻|将|已经?|帮您|给您|为您|替您|现在就?)|可以(?:为|帮|给)您|为您(?:安排|申请|办理|处理)|(?:您|你)(?:可以|可|能)|要不要|是否需要|需要我|(?:这样|如何|怎么样)|已(?:为您|帮您|给您)?(?:安排|申请|办理|发出|退|寄出)|帮您|给您(?:发|寄|退|补)/;
const DISMISSED = /(?:别管|不用管|算了|忘了|不用考虑|与其|不如|而不是)[^，。！？]*$/;

/** A sentence that offers, proposes or directs: "我可以为您补发", "您自己联系快递吧", "请点击重置". */
function isOfferSentence(sentence: Sentence): boolean {
  const plain = sentence.plain.trim();
  return (
    OFFER_FRAME.test(plain) ||
    sentence.question === "choice" ||
    /^(?:首先|接着|然后|先|再)?[，,]?(?:请|麻烦)?(?:您)?(?:先|再)?(?:点击|打开|选择|进入|尝试|重新|清除|更新|下载|安装)/.test(plain) ||
    /(?:您|你)(?:自己|直接|去)|吧[。！!]?$/.test(plain)
  );
}

function offerSignals(reading: Reading, offers: OfferRule[], signals: Signal[]) {
  const { message, plain, analysis, list } = reading;
  for (const offer of offers) {
    let found = false;
    for (const match of plain.toLowerCase().matchAll(phrases(offer.match))) {
      const at = match.index ?? 0;
      const sentence = sentenceAt(list, at);
      if (negatedBefore(analysis, at) || DISMISSED.test(plain.slice(sentence.start, at)) || !isOfferSentence(sentence)) continue;
      push(signals, message, "offers-resolution", at, at + match[0].length, { ref: offer.id });
      found = true;
      break;
    }
    if (found || offer.exact) continue;
    const meanings = offer.match.map(meaningOf).filter((words) => words !== null);
    const sentence = list.find(
      (candidate) => isOfferSentence(candidate) && meanings.some((words) => [...words].every((word) => candidate.words.has(word))),
    );
    if (sentence) sentenceSignal(signals, message, "offers-resolution", sentence, { ref: offer.id });
  }
}

function timeSignals({ message, analysis }: Reading, signals: Signal[]) {
  for (const entity of analysis.entities) {
    if (entity.kind !== "date" && entity.kind !== "time" && entity.kind !== "duration") continue;
    const before = /(?:在|于|到|最晚|最迟)\s?$/.exec(message.slice(Math.max(0, entity.start - 3), entity.start));
    const after = /^\s?(?:之前|以前|前|之内|以内|内)/.exec(message.slice(entity.end, entity.end + 3));
    push(signals, message, "names-time", entity.start - (before?.[0].length ?? 0), entity.end + (after?.[0].length ?? 0));
  }
}

const NUMBER = /\d+(?:[.,]\d+)*/g;
const numbersOf = (text: string) => [...text.matchAll(NUMBER)].map((match) => match[0].replace(/,/g, ""));

/** The money amounts and percentages in a Chinese text, as numbers without separators. */
export function chineseAmountsIn(text: string): Set<string> {
  return new Set(
    analyseChinese(text)
      .entities.filter((entity) => entity.kind === "money" || entity.kind === "percent")
      .flatMap((entity) => numbersOf(entity.text)),
  );
}

function inventedTermSignals({ message, analysis, list }: Reading, known: ReadonlySet<string> | undefined, signals: Signal[]) {
  if (!known) return;
  for (const entity of analysis.entities) {
    if (entity.kind !== "money" && entity.kind !== "percent") continue;
    const sentence = list[entity.sentence];
    if (!sentence || !isOfferSentence(sentence) || negatedAt(analysis, entity.start)) continue;
    if (numbersOf(entity.text).some((amount) => !known.has(amount))) push(signals, message, "invented-terms", entity.start, entity.end);
  }
}

const CERTAIN = /会|一定|肯定|保证|绝对|确定|就能|准时/;
const HEDGED = /应该|大概|预计|一般|通常|可能|争取|尽量|希望|如果|一旦|左右|估计|也许|大约|力争|期待|以为|原本|本来/;

function promiseSignals({ message, analysis, list }: Reading, unpromisable: AnalysisContext["unpromisable"], signals: Signal[]) {
  if (!unpromisable?.length) return;
  list.forEach((sentence, index) => {
    if (sentence.question || !CERTAIN.test(sentence.plain) || HEDGED.test(sentence.plain)) return;
    if (negatedAt(analysis, sentence.start + sentence.plain.search(CERTAIN))) return;
    const when = analysis.entities.find(
      (entity) => entity.sentence === index && (entity.kind === "date" || entity.kind === "time" || entity.kind === "duration"),
    );
    if (!when) return;
    const outcome = unpromisable.find((limit) => phrases(limit.about).test(sentence.plain.toLowerCase()));
    if (outcome) sentenceSignal(signals, message, "false-promise", sentence, { ref: outcome.id });
  });
}

function secretSignals({ message, plain, analysis, list }: Reading, signals: Signal[]) {
  for (const match of plain.matchAll(SECRET_NOUN)) {
    const at = match.index ?? 0;
    const sentence = sentenceAt(list, at);
    // "请勿向任何人透露验证码" warns rather than asks.
    if (!(SECRET_REQUEST.test(sentence.plain) || sentence.question) || /勿|不要|别|切勿|千万不/.test(sentence.plain)) continue;
    // "是改了密码之后才登不进去的吗？" asks about the password, not for it.
    if (SECRET_ACTED_ON.test(plain.slice(sentence.start, at)) || SECRET_AS_MODIFIER.test(plain.slice(at + match[0].length))) continue;
    if (negatedAt(analysis, at)) continue;
    push(signals, message, "asks-secret", at, at + match[0].length);
  }
}

/** A person's name as Chinese support addresses them: the full name, or the surname with a courtesy title. */
function namesFor(customerName: string | undefined): string[] {
  if (!customerName) return [];
  const name = customerName.trim();
  if (!/\p{Script=Han}/u.test(name[0] ?? "")) return [name.split(/\s+/)[0]].filter((first) => first.length > 1);
  const surname = name.replace(/(?:先生|女士|小姐|太太)$/, "")[0];
  return [name, ...["先生", "女士", "小姐", "太太"].map((title) => `${surname}${title}`)];
}

/** Words about the customer's trouble whatever it is: "抱歉让您久等了" is on any scenario's topic. */
const TROUBLE_WORDS = /久等|等待|延误|耽误|麻烦|不便|问题|困扰|失误|错误|情况|心情|着急|担心/;

function offTopic({ list, anchor, plain }: Reading, signals: Signal[], topic: ReadonlySet<string>): boolean {
  if (signals.some((signal) => ON_TOPIC.has(signal.kind)) || TROUBLE_WORDS.test(plain)) return false;
  const words = new Set(list.flatMap((sentence) => [...sentence.words]));
  if (words.size === 0) return false;
  return ![...words].some((word) => topic.has(word) || anchor.has(word));
}

const EMPATHY_MODEL = compileModel(weights);

/** The phrase rules' lexicons, each a feature of its own: the model weighs what the rules' combinations decide by hand. */
const EMPATHY_CUES: [string, RegExp][] = [
  ["own-feeling", OWN_FEELING],
  ["strong-emotion", STRONG_EMOTION],
  ["feeling", FEELING],
  ["stock-apology", STOCK_APOLOGY],
  ["reassurance", REASSURANCE],
  ["named-experience", NAMED_EXPERIENCE],
  ["interpretive", INTERPRETIVE],
  ["generic-understanding", GENERIC_UNDERSTANDING],
  ["evaluative", EVALUATIVE],
  ["experience", EXPERIENCE],
  ["action", ACTION],
  ["record-question", RECORD_QUESTION],
  ["plan-question", PLAN_QUESTION],
  ["generic-question", GENERIC_QUESTION],
  ["need-question", NEED_QUESTION],
];

function sentenceFeaturesOf(reading: Reading): SentenceFeatures[] {
  const rules: Signal[] = [];
  empathySignals(reading, rules);
  const readings: RuleReading[] = rules.map((signal) => ({
    kind: signal.kind as RuleReading["kind"],
    strength: signal.strength ?? "weak",
    start: signal.span[0],
  }));
  // No words: the two scripts and the market's wording vary too much for the labelled replies to teach them.
  return empathyFeatures(reading.analysis, reading.anchor, chineseContentWords, readings, () => []).map((sentence, index) => {
    const plain = reading.list[index]?.plain ?? "";
    const cues = EMPATHY_CUES.filter(([, pattern]) => pattern.test(plain)).map(([name]) => `cue:${name}`);
    return { ...sentence, features: [...sentence.features, ...cues] };
  });
}

/** Words that make a question about a record one about the customer's needs ("什么时候需要用这个账号"). */
const NEED_WORDS = /希望|想要|需要|在意|重要|急着|什么时候/;

/** Where questions start that ask only for a record or about the agent's own plan: they explore nothing (guide: Explorations, 0). */
function recordQuestionsAt({ list }: Reading): number[] {
  return list
    .filter(
      (sentence) =>
        sentence.question !== null &&
        ((RECORD_QUESTION.test(sentence.plain) && !NEED_WORDS.test(sentence.plain)) ||
          (PLAN_QUESTION.test(sentence.plain) && !NEED_QUESTION.test(sentence.plain))),
    )
    .map((sentence) => sentence.start);
}

/** What the Chinese empathy model reads in a reply, sentence by sentence (empathy-features.ts). */
export function chineseEmpathySentenceFeatures(message: string, context: AnalysisContext): SentenceFeatures[] {
  return sentenceFeaturesOf(read(message, context));
}

/** The learned empathy levels of a Chinese reply, as signals spanning the sentence that argued most for each; a repeated sentence earns nothing. */
function learnedEmpathySignals(reading: Reading, repeatedAt: (start: number) => boolean, notExploringAt: number[], signals: Signal[]) {
  const sentences = sentenceFeaturesOf(reading).filter((sentence) => !repeatedAt(sentence.start));
  for (const { mechanism, start, end, strength } of learnedLevels(EMPATHY_MODEL, sentences, notExploringAt))
    push(signals, reading.message, mechanism, start, end, { strength });
}

/** Every signal in a Chinese agent message, in order of where it starts (same contract as analyseMessage). */
export function analyseChineseMessage(message: string, context: AnalysisContext, repeatedAt: (start: number) => boolean): Signal[] {
  const reading = read(message, context);
  const signals: Signal[] = [];
  const secrets: Signal[] = [];
  secretSignals(reading, secrets);
  learnedEmpathySignals(reading, repeatedAt, [...secrets.map((signal) => signal.span[0]), ...recordQuestionsAt(reading)], signals);
  ruleSignals(reading, signals);
  listSignals(reading, "jargon", [...DEFAULT_JARGON, ...(context.jargon ?? [])], signals);
  factSignals(reading, context.facts, signals);
  unknownAskSignals(reading, context.facts, signals);
  timeSignals(reading, signals);
  offerSignals(reading, context.offers ?? [], signals);
  signals.push(...secrets);
  promiseSignals(reading, context.unpromisable, signals);
  inventedTermSignals(reading, context.knownAmounts, signals);
  listSignals(reading, "personalises", namesFor(context.customerName), signals);
  // A question that asks for one of the case's facts explores the customer's situation only weakly (guide: Explorations).
  for (const signal of signals) {
    if (signal.kind !== "exploration" || signal.strength !== "strong") continue;
    const [start, end] = signal.span;
    if (signals.some((other) => other.kind === "asks-fact" && other.span[0] >= start && other.span[0] < end)) signal.strength = "weak";
  }
  const rude = signals.some((signal) => signal.kind === "rudeness" || signal.kind === "dismissive");
  const credited = signals.filter(
    (signal) =>
      !(rude && EMPATHY.has(signal.kind)) && !(signal.kind !== "repeats" && repeatedAt(signal.span[0]) && CREDIT.has(signal.kind)),
  );
  if (context.topic && offTopic(reading, credited, context.topic)) {
    const kept = credited.filter((signal) => !EMPATHY.has(signal.kind) && signal.kind !== "apology");
    push(kept, message, "off-topic", 0, message.length);
    return kept;
  }
  return credited;
}
