// How much of the training a Chinese reader gets in their own script: every onboarding
// module, at least four ongoing ones, and at least five scenarios that between them
// cover every channel, each in both zh-Hant and zh-Hans.
import { describe, expect, test } from "vitest";
import { getCatalog } from "~/content/modules.server.ts";
import { CHANNELS } from "~/content/practice-schemas.ts";
import { TRANSLATED_LOCALES } from "~/i18n/locales.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";

const { modules } = await getCatalog();
const { scenarios } = await getPracticeCatalog();

describe.each(TRANSLATED_LOCALES)("in %s", (locale) => {
  test("every onboarding module is translated", () => {
    const onboarding = modules.filter((module) => module.frontmatter.track === "onboarding");
    expect(onboarding.length).toBeGreaterThan(0);
    expect(onboarding.filter((module) => !module.variants[locale]).map((module) => module.slug)).toEqual([]);
  });

  test("at least four ongoing modules are translated", () => {
    const ongoing = modules.filter((module) => module.frontmatter.track === "ongoing" && module.variants[locale]);
    expect(ongoing.length).toBeGreaterThanOrEqual(4);
  });

  test("at least five scenarios are translated, covering every channel", () => {
    const translated = scenarios.filter((scenario) => scenario.variants[locale]);
    expect(translated.length).toBeGreaterThanOrEqual(5);
    expect(new Set(translated.map((scenario) => scenario.channel))).toEqual(new Set(CHANNELS));
  });
});
