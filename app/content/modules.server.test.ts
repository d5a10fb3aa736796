import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { loadCatalogFromSource, moduleRef, versionRef, type CompiledModule } from "./modules.server.ts";
import type { ContentProblem } from "./schemas.ts";

const COMPILE_TIMEOUT = 120_000;

const COMPETENCIES = `# test vocabulary
- key: empathy
  name: Empathy
  description: Noticing how the customer feels and showing it.
- key: resolution
  name: Resolution
  description: Finding the real problem and fixing it within policy.
`;

type ModuleOptions = {
  title?: string;
  track?: string;
  order?: number;
  competencies?: string[];
  prerequisites?: string[];
  scenarios?: string[];
  version?: number;
  /** How many questions the module's quiz holds (default 4). */
  questions?: number;
  keyTakeaways?: boolean;
  /** Scenario slugs linked with <ScenarioLink> in the body. */
  links?: string[];
};

/** A module that passes every rule unless an option breaks one. */
function moduleSource(slug: string, options: ModuleOptions = {}): string {
  const {
    title = `Module ${slug}`,
    track = "onboarding",
    order = 1,
    competencies = ["empathy"],
    prerequisites = [],
    scenarios = [],
    version = 1,
    questions = 4,
    keyTakeaways = true,
    links = scenarios,
  } = options;
  const list = (items: string[]) => `[${items.join(", ")}]`;
  const questionBlocks = Array.from(
    { length: questions },
    (
      _,
      index,
    ) => `  <Question id="${slug}-q${index + 1}" prompt="Prompt number ${index + 1} for ${slug}?" explanation="SECRET-${slug}-${index + 1} is why.">
    <Choice id="yes" correct>Yes</Choice>
    <Choice id="no">No</Choice>
  </Question>`,
  );
  return `---
title: ${title}
summary: A summary of ${slug} that is long enough to pass.
track: ${track}
order: ${order}
minutes: 5
competencies: ${list(competencies)}
prerequisites: ${list(prerequisites)}
scenarios: ${list(scenarios)}
version: ${version}
---

## Getting started with ${slug}

Some teaching text.

${links.map((scenario) => `<ScenarioLink scenario="${scenario}">Practise ${scenario}</ScenarioLink>`).join("\n\n")}

<Quiz id="check">
${questionBlocks.join("\n")}
</Quiz>

${keyTakeaways ? "<KeyTakeaways>\n- One takeaway.\n</KeyTakeaways>\n" : ""}`;
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

/** Writes a content tree: `files` maps paths under the root (e.g. "modules/onboarding/a.mdx") to their text. */
function contentTree(files: Record<string, string>, competencies: string | null = COMPETENCIES): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "frontline-content-"));
  roots.push(root);
  fs.mkdirSync(path.join(root, "modules"));
  if (competencies !== null) fs.writeFileSync(path.join(root, "competencies.yml"), competencies);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

/** A file path as problems report it: the root folder's name, then the path inside it. */
const at = (root: string, file: string) => path.join(path.basename(root), file);

async function load(files: Record<string, string>, competencies?: string | null) {
  const root = contentTree(files, competencies);
  const result = await loadCatalogFromSource(root);
  return { root, ...result };
}

describe("loadCatalogFromSource on a temporary content tree", () => {
  test(
    "a valid tree loads with no problems, modules sorted by track then order",
    async () => {
      const { root, catalog, problems } = await load({
        // File names sort the other way round from track/order.
        "modules/ongoing/a-library.mdx": moduleSource("a-library", { track: "ongoing", order: 1, competencies: ["resolution"] }),
        "modules/onboarding/b-second.mdx": moduleSource("b-second", {
          order: 2,
          prerequisites: ["c-first"],
          scenarios: ["angry-caller"],
          version: 3,
        }),
        "modules/onboarding/c-first.mdx": moduleSource("c-first", { order: 1, competencies: ["empathy", "resolution"] }),
      });
      expect(problems).toEqual([]);
      expect(catalog.competencies.map((competency) => competency.key)).toEqual(["empathy", "resolution"]);
      expect(catalog.modules.map((module) => module.slug)).toEqual(["c-first", "b-second", "a-library"]);

      const second = catalog.modules[1];
      expect(second.file).toBe(at(root, "modules/onboarding/b-second.mdx"));
      expect(second.file.endsWith("modules/onboarding/b-second.mdx")).toBe(true);
      expect(second.frontmatter).toEqual({
        title: "Module b-second",
        summary: "A summary of b-second that is long enough to pass.",
        track: "onboarding",
        order: 2,
        minutes: 5,
        competencies: ["empathy"],
        prerequisites: ["c-first"],
        scenarios: ["angry-caller"],
        version: 3,
      });
      expect(second.sections).toEqual([{ id: "getting-started-with-b-second", title: "Getting started with b-second" }]);
      expect(second.scenarioLinks).toEqual(["angry-caller"]);
      expect(second.hasKeyTakeaways).toBe(true);
      expect(second.quizzes).toHaveLength(1);
      expect(second.quizzes[0].questions.map((question) => question.id)).toEqual([
        "b-second-q1",
        "b-second-q2",
        "b-second-q3",
        "b-second-q4",
      ]);
      expect(second.quizzes[0].questions[0].explanation).toBe("SECRET-b-second-1 is why.");
      expect(second.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(second.code).toContain("Prompt number 1 for b-second?");
      expect(second.code).not.toContain("SECRET");
      expect(second.code).not.toMatch(/correct/);
      expect(second).not.toHaveProperty("problems");

      expect(moduleRef(second)).toEqual({ slug: "b-second", track: "onboarding", order: 2, version: 3, prerequisites: ["c-first"] });
      expect(versionRef(second)).toEqual({ slug: "b-second", version: 3, quizIds: ["check"] });
    },
    COMPILE_TIMEOUT,
  );

  test(
    "an unknown competency is reported at its index",
    async () => {
      const { root, problems } = await load({
        "modules/onboarding/a.mdx": moduleSource("a", { competencies: ["empathy", "telepathy"] }),
      });
      expect(problems).toEqual([
        {
          file: at(root, "modules/onboarding/a.mdx"),
          where: "competencies[1]",
          message: 'unknown competency "telepathy" (see content/competencies.yml)',
        },
      ]);
    },
    COMPILE_TIMEOUT,
  );

  test(
    "a prerequisite naming a missing module is reported",
    async () => {
      const { root, problems } = await load({
        "modules/onboarding/a.mdx": moduleSource("a", { order: 1 }),
        "modules/onboarding/b.mdx": moduleSource("b", { order: 2, prerequisites: ["a", "ghost"] }),
      });
      expect(problems).toEqual([
        { file: at(root, "modules/onboarding/b.mdx"), where: "prerequisites[1]", message: 'unknown module "ghost"' },
      ]);
    },
    COMPILE_TIMEOUT,
  );

  test(
    "a prerequisite cycle is reported once, on the module that closes it",
    async () => {
      const { root, problems } = await load({
        "modules/onboarding/a.mdx": moduleSource("a", { order: 1, prerequisites: ["b"] }),
        "modules/onboarding/b.mdx": moduleSource("b", { order: 2, prerequisites: ["c"] }),
        "modules/ongoing/c.mdx": moduleSource("c", { track: "ongoing", order: 1, prerequisites: ["a"] }),
      });
      expect(problems).toHaveLength(1);
      const [problem] = problems;
      expect(problem.file.endsWith("modules/ongoing/c.mdx")).toBe(true);
      expect(problem).toEqual({
        file: at(root, "modules/ongoing/c.mdx"),
        where: "prerequisites[0]",
        message: "prerequisites form a cycle: a → b → c → a",
      });
    },
    COMPILE_TIMEOUT,
  );

  test(
    "a track in the frontmatter that does not match the folder is reported",
    async () => {
      const { root, catalog, problems } = await load({
        "modules/ongoing/a.mdx": moduleSource("a", { track: "onboarding" }),
      });
      expect(problems).toEqual([
        { file: at(root, "modules/ongoing/a.mdx"), where: "track", message: 'is "onboarding" but the file is in modules/ongoing/' },
      ]);
      expect(catalog.modules.map((module) => module.slug)).toEqual(["a"]);
    },
    COMPILE_TIMEOUT,
  );

  test(
    "a folder other than the two tracks is reported",
    async () => {
      const { root, problems } = await load({
        "modules/advanced/a.mdx": moduleSource("a"),
      });
      expect(problems).toEqual([
        {
          file: at(root, "modules/advanced/a.mdx"),
          where: "(file)",
          message: 'modules live in content/modules/{onboarding,ongoing}/, not "advanced"',
        },
      ]);
    },
    COMPILE_TIMEOUT,
  );

  test(
    "a duplicate order within a track is reported on the later file; the same order in the other track is fine",
    async () => {
      const { root, problems } = await load({
        "modules/onboarding/a.mdx": moduleSource("a", { order: 1 }),
        "modules/onboarding/b.mdx": moduleSource("b", { order: 1 }),
        "modules/ongoing/c.mdx": moduleSource("c", { track: "ongoing", order: 1 }),
      });
      expect(problems).toEqual([
        {
          file: at(root, "modules/onboarding/b.mdx"),
          where: "order",
          message: `1 is also used by ${at(root, "modules/onboarding/a.mdx")}`,
        },
      ]);
    },
    COMPILE_TIMEOUT,
  );

  test(
    "the same slug in both tracks is reported",
    async () => {
      const { root, problems } = await load({
        "modules/onboarding/same.mdx": moduleSource("same", { order: 1 }),
        "modules/ongoing/same.mdx": moduleSource("same", { track: "ongoing", order: 1 }),
      });
      expect(problems).toHaveLength(1);
      expect(problems[0].where).toBe("(file)");
      expect(problems[0].message).toMatch(/^slug "same" is also used by .*modules\/(onboarding|ongoing)\/same\.mdx$/);
      expect([at(root, "modules/onboarding/same.mdx"), at(root, "modules/ongoing/same.mdx")]).toContain(problems[0].file);
    },
    COMPILE_TIMEOUT,
  );

  test(
    "scenario links must match the frontmatter's scenarios both ways",
    async () => {
      const { root, problems } = await load({
        "modules/onboarding/a.mdx": moduleSource("a", {
          scenarios: ["listed-and-linked", "listed-only"],
          links: ["listed-and-linked", "linked-only"],
        }),
      });
      const file = at(root, "modules/onboarding/a.mdx");
      expect(problems).toEqual([
        { file, where: "scenarios[1]", message: '"listed-only" is listed but no <ScenarioLink> uses it' },
        { file, where: "scenarios", message: '<ScenarioLink scenario="linked-only"> is not listed here' },
      ]);
    },
    COMPILE_TIMEOUT,
  );

  test(
    "fewer than 4 quiz questions, a missing KeyTakeaways and no ## section are reported",
    async () => {
      const { root, problems } = await load({
        "modules/onboarding/a.mdx": moduleSource("a", { order: 1, questions: 3 }),
        "modules/onboarding/b.mdx": moduleSource("b", { order: 2, keyTakeaways: false }),
        "modules/onboarding/c.mdx": moduleSource("c", { order: 3 }).replace("## Getting started with c", "Getting started with c"),
      });
      expect(problems).toEqual([
        {
          file: at(root, "modules/onboarding/a.mdx"),
          where: "(body)",
          message: "needs a knowledge check with at least 4 questions, found 3",
        },
        { file: at(root, "modules/onboarding/b.mdx"), where: "(body)", message: "needs a <KeyTakeaways> block" },
        { file: at(root, "modules/onboarding/c.mdx"), where: "(body)", message: "needs at least one ## section" },
      ]);
    },
    COMPILE_TIMEOUT,
  );

  test(
    "questions are counted across every quiz in the module",
    async () => {
      const source = moduleSource("a", { questions: 2 }).replace(
        "<KeyTakeaways>",
        `<Quiz id="more">
  <Question id="extra-1" prompt="Extra prompt one?" explanation="An explanation long enough.">
    <Choice id="yes" correct>Yes</Choice>
    <Choice id="no">No</Choice>
  </Question>
  <Question id="extra-2" prompt="Extra prompt two?" explanation="An explanation long enough.">
    <Choice id="yes" correct>Yes</Choice>
    <Choice id="no">No</Choice>
  </Question>
</Quiz>

<KeyTakeaways>`,
      );
      const { problems, catalog } = await load({ "modules/onboarding/a.mdx": source });
      expect(problems).toEqual([]);
      expect(catalog.modules[0].quizzes.map((quiz) => quiz.id)).toEqual(["check", "more"]);
    },
    COMPILE_TIMEOUT,
  );

  test(
    "component problems carry the file and the line in the file",
    async () => {
      const source = moduleSource("a").replace("Some teaching text.", "Some teaching text.\n\n<Foo />");
      const line = source.slice(0, source.indexOf("<Foo />")).split("\n").length;
      const { root, problems } = await load({ "modules/onboarding/a.mdx": source });
      expect(problems).toEqual([
        {
          file: at(root, "modules/onboarding/a.mdx"),
          where: `<Foo> (line ${line})`,
          message: "unknown component; use one of Callout, KeyTakeaways, Checklist, Reflection, Quiz, Question, Choice, ScenarioLink",
        },
      ]);
    },
    COMPILE_TIMEOUT,
  );

  test(
    "an MDX syntax error is one problem for the file, and the module is left out",
    async () => {
      const source = moduleSource("a", { order: 1 }).replace("Some teaching text.", "<Callout>\n\nNever closed.");
      const { root, catalog, problems } = await load({
        "modules/onboarding/a.mdx": source,
        "modules/onboarding/b.mdx": moduleSource("b", { order: 2 }),
      });
      expect(problems).toHaveLength(1);
      expect(problems[0].file).toBe(at(root, "modules/onboarding/a.mdx"));
      expect(problems[0].message).toContain("Expected a closing tag for `<Callout>`");
      expect(catalog.modules.map((module) => module.slug)).toEqual(["b"]);
    },
    COMPILE_TIMEOUT,
  );

  test(
    "an MDX syntax error is located at its line in the file, in a one-line message",
    async () => {
      const source = moduleSource("a").replace("Some teaching text.", "<Callout>\n\nNever closed.");
      const line = source.slice(0, source.indexOf("<Callout>")).split("\n").length;
      const { problems } = await load({ "modules/onboarding/a.mdx": source });
      expect(problems).toHaveLength(1);
      // content:check prints one line per problem, located in the file.
      expect({ where: problems[0].where, lines: problems[0].message.split("\n").length }).toEqual({ where: `line ${line}`, lines: 1 });
    },
    COMPILE_TIMEOUT,
  );

  test(
    "invalid frontmatter is reported by field and the module is left out",
    async () => {
      const { root, catalog, problems } = await load({
        "modules/onboarding/a.mdx": moduleSource("a", { order: 1 }).replace("minutes: 5", "minutes: 0"),
        "modules/onboarding/b.mdx": moduleSource("b", { order: 2 }),
      });
      expect(problems).toEqual([
        { file: at(root, "modules/onboarding/a.mdx"), where: "minutes", message: "Number must be greater than or equal to 1" },
      ]);
      expect(catalog.modules.map((module) => module.slug)).toEqual(["b"]);
    },
    COMPILE_TIMEOUT,
  );

  test(
    "invalid YAML in competencies.yml is reported on that file (and every competency is then unknown)",
    async () => {
      const { root, catalog, problems } = await load(
        { "modules/onboarding/a.mdx": moduleSource("a") },
        "- key: empathy\n  name: [unclosed\n",
      );
      expect(catalog.competencies).toEqual([]);
      expect(problems[0]).toMatchObject({ file: at(root, "competencies.yml"), where: "(file)" });
      expect(problems[0].message).not.toBe("");
      expect(problems[0].message).not.toContain("\n");
      expect(problems.slice(1)).toEqual([
        {
          file: at(root, "modules/onboarding/a.mdx"),
          where: "competencies[0]",
          message: 'unknown competency "empathy" (see content/competencies.yml)',
        },
      ]);
    },
    COMPILE_TIMEOUT,
  );

  test(
    "a competencies.yml that breaks the schema is reported by field",
    async () => {
      const { root, problems } = await load(
        { "modules/onboarding/a.mdx": moduleSource("a") },
        `${COMPETENCIES}- key: empathy\n  name: Again\n  description: The same key a second time.\n`,
      );
      expect(problems).toContainEqual({ file: at(root, "competencies.yml"), where: "[2].key", message: 'duplicate key "empathy"' });
    },
    COMPILE_TIMEOUT,
  );
});

describe("the repository's content/", () => {
  let loaded: { modules: CompiledModule[]; problems: ContentProblem[] } | undefined;
  async function real() {
    if (!loaded) {
      const { catalog, problems } = await loadCatalogFromSource();
      loaded = { modules: catalog.modules, problems };
    }
    return loaded;
  }

  /** Undo esbuild's string escaping, so text is compared as written. */
  const unescape = (code: string) =>
    code
      .replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/\\(["'\\])/g, "$1");

  test(
    "loads with zero problems",
    async () => {
      const { problems } = await real();
      expect(problems.map((problem) => `${problem.file}: ${problem.where}: ${problem.message}`)).toEqual([]);
    },
    COMPILE_TIMEOUT,
  );

  test(
    "has at least 8 onboarding and 8 ongoing modules",
    async () => {
      const { modules } = await real();
      expect(modules.filter((module) => module.frontmatter.track === "onboarding").length).toBeGreaterThanOrEqual(8);
      expect(modules.filter((module) => module.frontmatter.track === "ongoing").length).toBeGreaterThanOrEqual(8);
      for (const module of modules)
        expect(module.file.startsWith(`content${path.sep}modules${path.sep}${module.frontmatter.track}${path.sep}`)).toBe(true);
    },
    COMPILE_TIMEOUT,
  );

  test(
    "every module has 4+ questions, KeyTakeaways, a section, and no explanation or answer key in its compiled code",
    async () => {
      const { modules } = await real();
      expect(modules.length).toBeGreaterThan(0);
      for (const module of modules) {
        const questions = module.quizzes.flatMap((quiz) => quiz.questions);
        expect(questions.length, module.slug).toBeGreaterThanOrEqual(4);
        expect(module.hasKeyTakeaways, module.slug).toBe(true);
        expect(module.sections.length, module.slug).toBeGreaterThanOrEqual(1);
        const code = unescape(module.code);
        for (const question of questions) {
          // The prompt does reach the page, which shows the comparison below can find text in the code.
          expect(code, `${module.slug}: prompt of ${question.id}`).toContain(question.prompt);
          expect(code, `${module.slug}: explanation of ${question.id}`).not.toContain(question.explanation);
        }
        expect(code, module.slug).not.toMatch(/\bcorrect:/);
        expect(code, module.slug).not.toMatch(/\bexplanation:/);
      }
    },
    COMPILE_TIMEOUT,
  );
});

describe("translations of a module", () => {
  /** The English module worded in "Chinese": every string changes, nothing structural does. */
  const translated = (slug: string) =>
    moduleSource(slug)
      .replace(`title: Module ${slug}`, `title: 單元 ${slug}`)
      .replace(`## Getting started with ${slug}`, "## 開始之前")
      .replace("Some teaching text.", "一些教學內容。")
      .replace(/>Yes</g, ">是<")
      .replace(/>No</g, ">否<")
      .replace(/explanation="SECRET-/g, 'explanation="原因 SECRET-');

  test(
    "a variant with the English structure loads beside its module, keeps its section ids and is reported per language",
    async () => {
      const { catalog, problems } = await load({
        "modules/onboarding/a-first.mdx": moduleSource("a-first"),
        "modules/onboarding/a-first.zh-Hant.mdx": translated("a-first"),
      });
      expect(problems).toEqual([]);
      expect(catalog.modules.map((module) => module.slug)).toEqual(["a-first"]);
      const [module] = catalog.modules;
      const variant = module.variants["zh-Hant"]!;
      expect(variant.frontmatter.title).toBe("單元 a-first");
      expect(variant.sections).toEqual([{ id: module.sections[0].id, title: "開始之前" }]);
      expect(variant.quizzes[0].questions[0].explanation).toBe("原因 SECRET-a-first-1 is why.");
      expect(variant.code).not.toContain("SECRET");
      expect(module.variants["zh-Hans"]).toBeUndefined();

      const { localizeModule, untranslatedModules } = await import("./modules.server.ts");
      expect(localizeModule(module, "zh-Hant")).toMatchObject({ locale: "zh-Hant", fallback: false, slug: "a-first" });
      expect(localizeModule(module, "zh-Hant").frontmatter.title).toBe("單元 a-first");
      expect(localizeModule(module, "zh-Hans")).toMatchObject({ locale: "en", fallback: true });
      expect(localizeModule(module, "en")).toMatchObject({ locale: "en", fallback: false });
      expect(untranslatedModules(catalog)).toEqual({ "zh-Hant": [], "zh-Hans": ["a-first"] });
    },
    COMPILE_TIMEOUT,
  );

  test(
    "a variant that drifts from its English module, or has none, is a problem naming the file",
    async () => {
      const drifted = translated("b-second")
        .replace("order: 1", "order: 2")
        .replace('<Choice id="yes" correct>是</Choice>\n    <Choice id="no">否</Choice>', '<Choice id="yes">是</Choice>\n    <Choice id="no" correct>否</Choice>');
      const { root, catalog, problems } = await load({
        "modules/onboarding/b-second.mdx": moduleSource("b-second"),
        "modules/onboarding/b-second.zh-Hans.mdx": drifted,
        "modules/onboarding/c-orphan.zh-Hant.mdx": translated("c-orphan"),
      });
      const file = at(root, "modules/onboarding/b-second.zh-Hans.mdx");
      expect(problems).toEqual([
        { file: at(root, "modules/onboarding/c-orphan.zh-Hant.mdx"), where: "(file)", message: "is a translation of c-orphan.mdx, which does not exist" },
        { file, where: "order", message: "must be the same as in the English file (1)" },
        { file, where: '<Question id="b-second-q1">', message: "marks [no] correct, English marks [yes]" },
      ]);
      expect(catalog.modules[0].variants).toEqual({});
    },
    COMPILE_TIMEOUT,
  );
});
