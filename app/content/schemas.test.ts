import { describe, expect, test } from "vitest";
import { z } from "zod";
import { CompetenciesFileSchema, ModuleFrontmatterSchema, SlugSchema, formatProblem, zodProblems } from "./schemas.ts";

const VALID = {
  title: "How support works",
  summary: "What customers value and how a support team earns their trust.",
  track: "onboarding",
  order: 1,
  minutes: 9,
  competencies: ["communication", "efficiency"],
  version: 1,
};

/** Parses and returns the formatted problem lines for file "m.mdx" ([] when valid). */
function frontmatterProblems(input: unknown): string[] {
  const parsed = ModuleFrontmatterSchema.safeParse(input);
  return parsed.success ? [] : zodProblems("m.mdx", parsed.error).map(formatProblem);
}

const competency = (key: string) => ({ key, name: `Name ${key}`, description: `What ${key} means in practice.` });

describe("ModuleFrontmatterSchema", () => {
  test("a valid frontmatter passes, defaulting prerequisites and scenarios to []", () => {
    const parsed = ModuleFrontmatterSchema.safeParse(VALID);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual({ ...VALID, prerequisites: [], scenarios: [] });
  });

  test("given prerequisites and scenarios are kept", () => {
    const parsed = ModuleFrontmatterSchema.parse({
      ...VALID,
      track: "ongoing",
      prerequisites: ["how-support-works"],
      scenarios: ["damaged-item-deadline"],
    });
    expect(parsed.track).toBe("ongoing");
    expect(parsed.prerequisites).toEqual(["how-support-works"]);
    expect(parsed.scenarios).toEqual(["damaged-item-deadline"]);
  });

  test("rejects unknown extra keys (strict)", () => {
    expect(frontmatterProblems({ ...VALID, author: "Sam" })).toEqual(["m.mdx: (file): Unrecognized key(s) in object: 'author'"]);
  });

  test("rejects a track other than onboarding or ongoing", () => {
    expect(frontmatterProblems({ ...VALID, track: "advanced" })).toEqual([
      "m.mdx: track: Invalid enum value. Expected 'onboarding' | 'ongoing', received 'advanced'",
    ]);
  });

  test("rejects a non-integer order", () => {
    expect(frontmatterProblems({ ...VALID, order: 1.5 })).toEqual(["m.mdx: order: Expected integer, received float"]);
    expect(frontmatterProblems({ ...VALID, order: "1" })).toEqual(["m.mdx: order: Expected number, received string"]);
  });

  test("minutes must be 1–60", () => {
    expect(frontmatterProblems({ ...VALID, minutes: 0 })).toEqual(["m.mdx: minutes: Number must be greater than or equal to 1"]);
    expect(frontmatterProblems({ ...VALID, minutes: 61 })).toEqual(["m.mdx: minutes: Number must be less than or equal to 60"]);
    expect(frontmatterProblems({ ...VALID, minutes: 1 })).toEqual([]);
    expect(frontmatterProblems({ ...VALID, minutes: 60 })).toEqual([]);
  });

  test("the title must be 3–80 characters", () => {
    expect(frontmatterProblems({ ...VALID, title: "Hi" })).toEqual(["m.mdx: title: String must contain at least 3 character(s)"]);
    expect(frontmatterProblems({ ...VALID, title: "abc" })).toEqual([]);
    expect(frontmatterProblems({ ...VALID, title: "x".repeat(81) })).toEqual(["m.mdx: title: String must contain at most 80 character(s)"]);
  });

  test("competencies must be kebab-case, and there must be at least one", () => {
    expect(frontmatterProblems({ ...VALID, competencies: ["empathy", "Product_Knowledge"] })).toEqual([
      "m.mdx: competencies[1]: must be kebab-case (lowercase letters, digits and single hyphens)",
    ]);
    expect(frontmatterProblems({ ...VALID, competencies: [] })).toEqual(["m.mdx: competencies: list at least one competency"]);
  });

  test("a missing version is required", () => {
    const { version: _, ...withoutVersion } = VALID;
    expect(frontmatterProblems(withoutVersion)).toEqual(["m.mdx: version: Required"]);
  });
});

describe("SlugSchema", () => {
  test.each(["a", "how-support-works", "step-2", "24-7"])("accepts %s", (slug) => {
    expect(SlugSchema.safeParse(slug).success).toBe(true);
  });
  test.each(["", "Caps", "double--hyphen", "-leading", "trailing-", "under_score", "with space"])("rejects %j", (slug) => {
    expect(SlugSchema.safeParse(slug).success).toBe(false);
  });
});

describe("CompetenciesFileSchema", () => {
  test("a list of distinct competencies passes", () => {
    const list = [competency("empathy"), competency("resolution")];
    expect(CompetenciesFileSchema.parse(list)).toEqual(list);
  });

  test('rejects a duplicate key at [index, "key"] of the repeat', () => {
    const parsed = CompetenciesFileSchema.safeParse([competency("empathy"), competency("resolution"), competency("empathy")]);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues).toHaveLength(1);
    expect(parsed.error!.issues[0].path).toEqual([2, "key"]);
    expect(parsed.error!.issues[0].message).toBe('duplicate key "empathy"');
    expect(zodProblems("competencies.yml", parsed.error!).map(formatProblem)).toEqual([
      'competencies.yml: [2].key: duplicate key "empathy"',
    ]);
  });

  test("rejects an empty list", () => {
    const parsed = CompetenciesFileSchema.safeParse([]);
    expect(parsed.success).toBe(false);
    expect(zodProblems("competencies.yml", parsed.error!).map(formatProblem)).toEqual([
      "competencies.yml: (file): must list at least one competency",
    ]);
  });

  test("field problems are located by index and field", () => {
    const parsed = CompetenciesFileSchema.safeParse([competency("empathy"), { key: "Bad Key", name: "X", description: "short" }]);
    expect(parsed.success).toBe(false);
    expect(zodProblems("competencies.yml", parsed.error!).map(formatProblem)).toEqual([
      "competencies.yml: [1].key: must be kebab-case (lowercase letters, digits and single hyphens)",
      "competencies.yml: [1].name: String must contain at least 2 character(s)",
      "competencies.yml: [1].description: String must contain at least 10 character(s)",
    ]);
  });
});

describe("zodProblems and formatProblem", () => {
  const error = (...paths: (string | number)[][]) =>
    new z.ZodError(paths.map((path, index) => ({ code: "custom" as const, path, message: `message ${index}` })));

  test("turns each issue into a problem with a field path", () => {
    expect(zodProblems("content/modules/ongoing/x.mdx", error(["title"], ["scenarios", 2], [0, "key"], ["a", "b", 3, "c"], []))).toEqual([
      { file: "content/modules/ongoing/x.mdx", where: "title", message: "message 0" },
      { file: "content/modules/ongoing/x.mdx", where: "scenarios[2]", message: "message 1" },
      { file: "content/modules/ongoing/x.mdx", where: "[0].key", message: "message 2" },
      { file: "content/modules/ongoing/x.mdx", where: "a.b[3].c", message: "message 3" },
      { file: "content/modules/ongoing/x.mdx", where: "(file)", message: "message 4" },
    ]);
  });

  test("formatProblem joins file, where and message with ': '", () => {
    expect(
      formatProblem({
        file: "content/modules/onboarding/clear-replies.mdx",
        where: "prerequisites[0]",
        message: 'unknown module "how-suport-works"',
      }),
    ).toBe('content/modules/onboarding/clear-replies.mdx: prerequisites[0]: unknown module "how-suport-works"');
    expect(
      formatProblem({
        file: "content/modules/ongoing/phone-calls.mdx",
        where: 'Question "tone" (line 88)',
        message: "needs 2–6 choices, found 1",
      }),
    ).toBe('content/modules/ongoing/phone-calls.mdx: Question "tone" (line 88): needs 2–6 choices, found 1');
  });
});
