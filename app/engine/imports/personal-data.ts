// Masking a customer's personal data in an imported conversation before anything is stored: emails,
// phone numbers, card numbers, street addresses and the names the organisation lists. Masked text is
// graded and quoted afterwards, so an order number or a date must never be taken for a phone number.

export const MASK_KINDS = ["email", "phone", "card", "address", "name"] as const;
export type MaskKind = (typeof MASK_KINDS)[number];

/** What was replaced: `start` and `end` are offsets into the original text. */
export type MaskedSpan = { kind: MaskKind; original: string; start: number; end: number };

export const maskToken = (kind: MaskKind) => `[${kind}]`;

type Candidate = Omit<MaskedSpan, "original">;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

// Digits in groups, with an optional international prefix and area code in brackets.
const NUMBER_RUN = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{1,19}(?:[\s.-]\d{1,8}){0,5}/g;
const ORDER_CONTEXT =
  /(?:#|\b(?:order|ticket|case|invoice|ref|reference|tracking|booking|confirmation)\b(?:\s+(?:no\.?|number|id))?[\s:#.-]*|订单号?|訂單號?|单号|單號|编号|編號|运单号?|運單號?)\s*[:：]?\s*$/i;
const MONEY_BEFORE = /[$¥€£￥]\s*$|\b(?:usd|rmb|cny|twd|nt\$|hk\$)\s*$/i;
const DATE_SHAPE = /^\d{4}[-.]\d{1,2}[-.]\d{1,2}$|^\d{1,2}[-.]\d{1,2}[-.]\d{2,4}$/;
const CHINESE_MOBILE = /^1[3-9]\d{9}$/;
const TAIWAN_MOBILE = /^09\d{8}$/;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Card and phone numbers among the runs of digits, leaving order numbers, dates, amounts and versions alone. */
function numberCandidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(NUMBER_RUN)) {
    const run = match[0].replace(/[\s.-]+$/, "");
    const end = match.index + run.length;
    // A bracketed area code at the very start belongs to the number.
    const start = text[match.index - 1] === "(" && /^\d{1,4}\)/.test(run) ? match.index - 1 : match.index;
    const digits = run.replace(/\D/g, "");
    const before = text.slice(Math.max(0, start - 24), start);
    const after = text.slice(end, end + 2);
    // Part of a word or a longer figure (A12345, 3.5 GB, v2.3.1, $1,299.00) is no number of ours.
    if (/[\p{L}\d]$/u.test(before) && !/\p{Script=Han}$/u.test(before)) continue;
    if (/^\p{L}/u.test(after) && !/^\p{Script=Han}/u.test(after)) continue;
    if (/^[.,]?\d/.test(after) || MONEY_BEFORE.test(before)) continue;
    if (digits.length >= 13 && digits.length <= 19 && /^\d+(?:[ -]\d+)*$/.test(run) && luhn(digits)) {
      found.push({ kind: "card", start, end });
      continue;
    }
    if (ORDER_CONTEXT.test(before) || DATE_SHAPE.test(run) || digits.length < 7 || digits.length > 15) continue;
    // A bare run of digits is an order or account number unless it has a mobile's shape.
    const bare = run === digits;
    if (bare && !CHINESE_MOBILE.test(digits) && !TAIWAN_MOBILE.test(digits)) continue;
    found.push({ kind: "phone", start, end });
  }
  return found;
}

const STREET_SUFFIX = "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl|Terrace|Close|Crescent";
const STREET = new RegExp(
  `\\b\\d{1,5}[A-Za-z]?,?\\s+(?:[A-Z][\\w'-]*\\s+){0,3}(?:${STREET_SUFFIX})\\b\\.?(?:,?\\s*(?:Apt|Apartment|Unit|Flat|Suite)\\.?\\s*#?\\w+)?`,
  "g",
);
const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b/g;
const US_ZIP = /\b[A-Z]{2}\s\d{5}(?:-\d{4})?\b/g;

// From the road's name to the door: 松仁路100號5樓, 世纪大道1号2单元301室.
const CHINESE_DOOR =
  /(?:大道|路|街|巷|弄|道)(?:[\d一二三四五六七八九十]+段)?(?:\d+[巷弄])*\d+[号號](?:\d+(?:楼|樓|层|層|单元|單元|室|[Ff]))*(?:之\d+)?/g;
const DIVISION_END = /[省市区區县縣镇鎮乡鄉]$/;
const NOT_IN_A_PLACE_NAME = /[\s\p{P}在到是的住址寄送给給往从從请請我您你他她们們和与與及]/u;

/** Extends a door number leftwards over its road's name and any province, city and district before it. */
function chineseAddresses(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(CHINESE_DOOR)) {
    let start = match.index;
    let taken = 0;
    while (start > 0 && taken < 6 && /\p{Script=Han}/u.test(text[start - 1]) && !NOT_IN_A_PLACE_NAME.test(text[start - 1])) {
      if (DIVISION_END.test(text[start - 1]) && taken > 0) break;
      start -= 1;
      taken += 1;
    }
    if (taken === 0) continue;
    // Districts, cities and provinces, nearest first.
    for (;;) {
      let at = start;
      let length = 0;
      if (!DIVISION_END.test(text[at - 1] ?? "")) break;
      at -= 1;
      while (
        at > 0 &&
        length < 6 &&
        /\p{Script=Han}/u.test(text[at - 1]) &&
        !NOT_IN_A_PLACE_NAME.test(text[at - 1]) &&
        !DIVISION_END.test(text[at - 1])
      ) {
        at -= 1;
        length += 1;
      }
      if (length === 0) break;
      start = at;
    }
    found.push({ kind: "address", start, end: match.index + match[0].length });
  }
  return found;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function nameCandidates(text: string, names: string[]): Candidate[] {
  const found: Candidate[] = [];
  const terms = new Set<string>();
  for (const name of names.map((entry) => entry.trim()).filter((entry) => entry.length >= 2)) {
    terms.add(name);
    if (!/\p{Script=Han}/u.test(name)) for (const part of name.split(/\s+/)) if (part.length >= 2) terms.add(part);
  }
  for (const term of terms) {
    const pattern = /\p{Script=Han}/u.test(term)
      ? new RegExp(escape(term), "g")
      : new RegExp(`(?<![\\p{L}\\p{N}])${escape(term)}(?![\\p{L}\\p{N}])`, "giu");
    for (const match of text.matchAll(pattern)) found.push({ kind: "name", start: match.index, end: match.index + match[0].length });
  }
  return found;
}

const each = (text: string, pattern: RegExp, kind: MaskKind): Candidate[] =>
  [...text.matchAll(pattern)].map((match) => ({ kind, start: match.index, end: match.index + match[0].length }));

/** The text with each piece of personal data replaced by its token, and what was replaced where. */
export function maskPersonalData(text: string, { names }: { names: string[] }): { text: string; spans: MaskedSpan[] } {
  const emails = each(text, EMAIL, "email");
  const candidates = [
    ...emails,
    ...numberCandidates(text),
    ...each(text, STREET, "address"),
    ...each(text, UK_POSTCODE, "address"),
    ...each(text, US_ZIP, "address"),
    ...chineseAddresses(text),
    ...nameCandidates(text, names),
  ];
  // The longest reading of a stretch wins: an email is not also a name, a card not also a phone.
  const kept: Candidate[] = [];
  for (const candidate of candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (!kept.some((other) => candidate.start < other.end && other.start < candidate.end)) kept.push(candidate);
  }
  kept.sort((a, b) => a.start - b.start);
  let masked = "";
  let at = 0;
  for (const span of kept) {
    masked += text.slice(at, span.start) + maskToken(span.kind);
    at = span.end;
  }
  masked += text.slice(at);
  return { text: masked, spans: kept.map((span) => ({ ...span, original: text.slice(span.start, span.end) })) };
}
