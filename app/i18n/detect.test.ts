import { expect, test } from "vitest";
import { localeFromAcceptLanguage } from "./detect.ts";

test.each([
  ["zh-TW,zh;q=0.9,en;q=0.8", "zh-Hant"],
  ["zh-HK", "zh-Hant"],
  ["zh-Hant-TW", "zh-Hant"],
  ["zh-CN,zh;q=0.9", "zh-Hans"],
  ["zh", "zh-Hans"],
  ["zh-SG", "zh-Hans"],
  ["en-GB,en;q=0.9", "en"],
  ["fr-FR,fr;q=0.9,zh-TW;q=0.5", "zh-Hant"],
  ["en;q=0.3,zh-CN;q=0.8", "zh-Hans"],
  ["de-DE", "en"],
  ["", "en"],
  ["*", "en"],
  ["not a tag,,;q=x", "en"],
])("Accept-Language %j → %s", (header, locale) => {
  expect(localeFromAcceptLanguage(header)).toBe(locale);
});
