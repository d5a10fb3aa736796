// A Chinese reader gets all of Frontline's own training in their script: every module and
// every built-in scenario, in both zh-Hant and zh-Hans. (A scenario an organisation writes
// is in the language it was written in.)
import { describe, expect, test } from "vitest";
import { getCatalog } from "~/content/modules.server.ts";
import { CHANNELS } from "~/content/practice-schemas.ts";
import { getContentPracticeCatalog } from "~/content/practice.server.ts";
import { TRANSLATED_LOCALES } from "~/i18n/locales.ts";

const { modules } = await getCatalog();
const { scenarios } = await getContentPracticeCatalog();

describe.each(TRANSLATED_LOCALES)("in %s", (locale) => {
  test("every module, onboarding and ongoing, is translated", () => {
    expect(new Set(modules.map((module) => module.frontmatter.track))).toEqual(new Set(["onboarding", "ongoing"]));
    expect(modules.filter((module) => !module.variants[locale]).map((module) => module.slug)).toEqual([]);
  });

  test("every built-in scenario is translated, on every channel", () => {
    expect(new Set(scenarios.map((scenario) => scenario.channel))).toEqual(new Set(CHANNELS));
    expect(scenarios.filter((scenario) => !scenario.variants[locale]).map((scenario) => scenario.slug)).toEqual([]);
  });
});
