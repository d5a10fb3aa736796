import { expect, test } from "vitest";
import { checkCatalogs, checkKeyUses, checkSchemaMessages } from "./catalog-check.ts";

const en = {
  common: {
    save: "Save",
    replies: "{count, plural, one {# reply} other {# replies}}",
    intro: "Hi <strong>{name}</strong>",
    brand: "Frontline",
  },
};

test("matching catalogs have no problems", () => {
  const zh = { common: { save: "儲存", replies: "{count} 則回覆", intro: "你好，<strong>{name}</strong>", brand: "Frontline" } };
  expect(checkCatalogs({ en, "zh-Hant": zh, "zh-Hans": { ...zh, common: { ...zh.common, save: "保存" } } })).toEqual([]);
});

test("missing keys and files, extra keys, broken ICU, changed placeholders and tags, and English left in are reported", () => {
  const problems = checkCatalogs({
    en,
    "zh-Hant": { common: { save: "Save", replies: "{total} 則回覆", intro: "你好，{name}", brand: "Frontline", extra: "多" } },
    "zh-Hans": {},
  }).map((problem) => `${problem.where}: ${problem.message}`);
  expect(problems).toEqual([
    "locales/zh-Hant/common.json: extra: is not in the English catalog",
    "locales/zh-Hant/common.json: save: is still the English text",
    "locales/zh-Hant/common.json: replies: has placeholders {total}, English has {count}",
    "locales/zh-Hant/common.json: intro: has tags <none>, English has <strong>",
    "locales/zh-Hans/common.json: is missing",
  ]);
  expect(checkCatalogs({ en: { common: { broken: "{count, plural, one {# x}" } }, "zh-Hant": {}, "zh-Hans": {} })[0]).toMatchObject({
    where: "locales/en/common.json: broken",
    message: expect.stringMatching(/^is not valid ICU/),
  });
});

test("keys named in code must exist, including the prefix of a key built from a value", () => {
  const source = [
    't("common:save")',
    't("common:missing")',
    "t(`common:level.${level}`)",
    'const url = "https://example.com"',
    '// t("common:alsoMissing") in a comment is not a use',
  ].join("\n");
  const catalog = { common: { save: "Save", roles: { agent: "Agent" } } };
  expect(checkKeyUses("a.tsx", source, catalog)).toEqual([
    { where: "a.tsx:2", message: 'key "common:missing" is not in locales/en' },
    { where: "a.tsx:3", message: 'key prefix "common:level" is not in locales/en' },
  ]);
});

test("validation messages written as English text are found", () => {
  const source = [
    'z.string({ required_error: "Enter a title" })',
    '.max(200, "Use at most 200 characters")',
    '.max(200, message("validation:tooLong", { max: 200 }))',
    '.refine((v) => v.ok, { message: message("validation:mismatch") })',
  ].join("\n");
  expect(checkSchemaMessages("s.ts", source).map((problem) => problem.where)).toEqual(["s.ts:1", "s.ts:2"]);
});

test("a tag named after an HTML element that holds no words is refused, in every language", () => {
  const withLink = { common: { more: "Read <link>the guide</link>" } };
  const problems = checkCatalogs({
    en: withLink,
    "zh-Hant": { common: { more: "閱讀<link>指南</link>" } },
    "zh-Hans": { common: { more: "阅读<anchor>指南</anchor>" } },
  });
  expect(problems.map((problem) => `${problem.where}: ${problem.message}`)).toEqual([
    "locales/en/common.json: more: uses <link>, an HTML element that cannot hold words",
    "locales/zh-Hant/common.json: more: uses <link>, an HTML element that cannot hold words",
    "locales/zh-Hans/common.json: more: has tags <anchor>, English has <link>",
  ]);
});
