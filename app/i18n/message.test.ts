import i18next from "i18next";
import ICU from "i18next-icu";
import { expect, test } from "vitest";
import { message, parseMessage, translateMessage } from "./message.ts";

test("a message carries its key and values", () => {
  expect(message("auth:login.invalid")).toBe("auth:login.invalid");
  const text = message("validation:tooLong", { max: 200, field: "Title" });
  expect(parseMessage(text)).toEqual({ key: "validation:tooLong", values: { max: 200, field: "Title" } });
});

test("text that is not a message is not mistaken for one", () => {
  for (const text of ["Changes saved.", "Meet at 10:30", "https://example.com", "a:b|not json", ""])
    expect(parseMessage(text)).toBeUndefined();
});

test("a message is worded in the reader's language; other text is shown as it is", async () => {
  const instance = i18next.createInstance();
  await instance.use(ICU).init({
    lng: "zh-Hant",
    initImmediate: false,
    resources: {
      en: { validation: { tooLong: "Use at most {max} characters" } },
      "zh-Hant": {
        validation: { tooLong: "最多 {max} 個字元" },
        common: { level: { "agent-1": "客服專員 I" } },
        career: { since: "自 {since} 起擔任{level}" },
      },
    },
  });
  expect(translateMessage(instance.t, message("validation:tooLong", { max: 200 }))).toBe("最多 200 個字元");
  expect(translateMessage(instance.getFixedT("en"), message("validation:tooLong", { max: 5 }))).toBe("Use at most 5 characters");
  expect(translateMessage(instance.t, "Saved before catalogs existed.")).toBe("Saved before catalogs existed.");
  expect(translateMessage(instance.t, message("career:since", { level: "common:level.agent-1", since: "2026" }))).toBe(
    "自 2026 起擔任客服專員 I",
  );
  expect(translateMessage(instance.t, message("career:since", { level: "Jo: lead", since: "2026" }))).toBe("自 2026 起擔任Jo: lead");
});
