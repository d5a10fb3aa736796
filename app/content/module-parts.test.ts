import { bundleMDX } from "mdx-bundler";
import { describe, expect, test } from "vitest";
import { createModulePartsPlugin, slugify, textOf, type ModuleParts } from "./module-parts.ts";

const FRONTMATTER = "---\ntitle: Test module\nversion: 1\n---\n";

/** Compiles `body` (after a frontmatter block) the way modules.server.ts does. */
async function compile(body: string): Promise<{ source: string; parts: ModuleParts; code: string }> {
  const source = FRONTMATTER + body;
  const { plugin, parts } = createModulePartsPlugin();
  const { code } = await bundleMDX({
    source,
    mdxOptions(options) {
      options.remarkPlugins = [plugin, ...(options.remarkPlugins ?? [])];
      return options;
    },
  });
  return { source, parts, code };
}

/** The 1-based line of the file (frontmatter included) holding the first occurrence of `marker`. */
function lineOf(source: string, marker: string): number {
  const index = source.indexOf(marker);
  if (index < 0) throw new Error(`marker ${marker} not in source`);
  return source.slice(0, index).split("\n").length;
}

const COMPILE_TIMEOUT = 30_000;

describe("slugify and textOf", () => {
  test("slugify lowercases, strips accents and joins words with single hyphens", () => {
    expect(slugify("What customers value, in order")).toBe("what-customers-value-in-order");
    expect(slugify("  Café & Crème brûlée!  ")).toBe("cafe-creme-brulee");
    expect(slugify("24/7 support")).toBe("24-7-support");
    expect(slugify("!!!")).toBe("section");
  });

  test("textOf joins text and inline code through nested children", () => {
    expect(
      textOf({
        type: "paragraph",
        children: [
          { type: "text", value: "Run " },
          { type: "inlineCode", value: "npm test" },
          { type: "strong", children: [{ type: "text", value: " now" }] },
        ],
      }),
    ).toBe("Run npm test now");
  });
});

describe("module parts plugin through mdx-bundler", () => {
  test(
    "sections come from ## headings with slug ids (duplicates get -2, -3); a # heading is a problem",
    async () => {
      const body = [
        "",
        "# A title in the body",
        "",
        "## First steps",
        "",
        "Some text.",
        "",
        "## Café & more",
        "",
        "### Not a section",
        "",
        "## First steps",
        "",
        "## First steps",
        "",
      ].join("\n");
      const { source, parts, code } = await compile(body);
      expect(parts.sections).toEqual([
        { id: "first-steps", title: "First steps" },
        { id: "cafe-more", title: "Café & more" },
        { id: "first-steps-2", title: "First steps" },
        { id: "first-steps-3", title: "First steps" },
      ]);
      // The frontmatter takes lines 1–4 and a blank line follows, so the # heading is on line 6.
      expect(lineOf(source, "# A title")).toBe(6);
      expect(parts.problems).toEqual([
        { where: "# heading (line 6)", message: "the title comes from the frontmatter; use ## for sections" },
      ]);
      // The ids reach the rendered headings.
      expect(code).toContain('id:"first-steps",children:"First steps"');
      expect(code).toContain('id:"first-steps-2",children:"First steps"');
      expect(code).toContain('id:"first-steps-3",children:"First steps"');
      expect(code).toContain('id:"cafe-more"');
      expect(parts.quizzes).toEqual([]);
      expect(parts.hasKeyTakeaways).toBe(false);
    },
    COMPILE_TIMEOUT,
  );

  test(
    "a valid module: quizzes are lifted out, answers and explanations stripped; reflections, scenario links and key takeaways collected",
    async () => {
      const body = `
## Reading the customer

Plain teaching text with **bold** and a [link](https://example.com).

<Callout tone="tip" title="A tip">
Tone is one of info, tip or warning.
</Callout>

<Checklist title="Before you send">
- Greet the customer by name
</Checklist>

<Reflection id="first-week" prompt="Think of the last time a company made you feel like a case number." />

<ScenarioLink scenario="damaged-item-deadline">Practise a damaged-item chat</ScenarioLink>

<ScenarioLink scenario="angry-caller">Practise an angry caller</ScenarioLink>

<Quiz id="knowledge-check">
  <Question id="first-priority" prompt="What do customers rank first?" explanation="EXPLAIN-ONE speed ranks first, ahead of availability.">
    <Choice id="speed" correct>A fast response</Choice>
    <Choice id="friendly">A friendly agent</Choice>
    <Choice id="always-on">Support around the clock</Choice>
  </Question>
  <Question id="signals" multiple prompt="Which of these are efficiency metrics?" explanation="EXPLAIN-TWO first reply time and resolution rate both are.">
    <Choice id="frt" correct>First reply time</Choice>
    <Choice id="resolution-rate" correct>Resolution rate</Choice>
    <Choice id="csat">Customer satisfaction score</Choice>
  </Question>
</Quiz>

<Quiz id="second-check" title="Second check" passPercent="80">
  <Question id="tone" prompt="Which tone fits a chat?" explanation="EXPLAIN-THREE a warm and brief tone fits chat.">
    <Choice id="warm">Warm and brief</Choice>
    <Choice id="formal" correct>Formal and long</Choice>
  </Question>
</Quiz>

<KeyTakeaways>
- Speed comes first.
</KeyTakeaways>
`;
      const { parts, code } = await compile(body);
      expect(parts.problems).toEqual([]);
      expect(parts.sections).toEqual([{ id: "reading-the-customer", title: "Reading the customer" }]);
      expect(parts.reflections).toEqual([
        { id: "first-week", prompt: "Think of the last time a company made you feel like a case number." },
      ]);
      expect(parts.scenarioLinks).toEqual(["damaged-item-deadline", "angry-caller"]);
      expect(parts.hasKeyTakeaways).toBe(true);
      expect(parts.quizzes).toEqual([
        {
          id: "knowledge-check",
          title: "Knowledge check",
          passPercent: 75,
          questions: [
            {
              id: "first-priority",
              prompt: "What do customers rank first?",
              explanation: "EXPLAIN-ONE speed ranks first, ahead of availability.",
              multiple: false,
              choices: [
                { id: "speed", text: "A fast response", correct: true },
                { id: "friendly", text: "A friendly agent", correct: false },
                { id: "always-on", text: "Support around the clock", correct: false },
              ],
            },
            {
              id: "signals",
              prompt: "Which of these are efficiency metrics?",
              explanation: "EXPLAIN-TWO first reply time and resolution rate both are.",
              multiple: true,
              choices: [
                { id: "frt", text: "First reply time", correct: true },
                { id: "resolution-rate", text: "Resolution rate", correct: true },
                { id: "csat", text: "Customer satisfaction score", correct: false },
              ],
            },
          ],
        },
        {
          id: "second-check",
          title: "Second check",
          passPercent: 80,
          questions: [
            {
              id: "tone",
              prompt: "Which tone fits a chat?",
              explanation: "EXPLAIN-THREE a warm and brief tone fits chat.",
              multiple: false,
              choices: [
                { id: "warm", text: "Warm and brief", correct: false },
                { id: "formal", text: "Formal and long", correct: true },
              ],
            },
          ],
        },
      ]);

      // What the browser receives: prompts and choice texts, but no answer key or explanation.
      expect(code).toContain("What do customers rank first?");
      expect(code).toContain("Customer satisfaction score");
      expect(code).not.toContain("EXPLAIN");
      for (const quiz of parts.quizzes) for (const question of quiz.questions) expect(code).not.toContain(question.explanation);
      expect(code).not.toMatch(/correct/);
      expect(code).not.toMatch(/explanation/);
    },
    COMPILE_TIMEOUT,
  );

  test(
    "quiz rules: correct-choice counts, choice counts, duplicate ids and passPercent",
    async () => {
      const body = `
## Checks

<Quiz id="rules">
  <Question id="none-right" prompt="Single with nothing marked?" explanation="An explanation long enough.">
    <Choice id="a">A</Choice>
    <Choice id="b">B</Choice>
  </Question>
  <Question id="two-right" prompt="Single with two marked?" explanation="An explanation long enough.">
    <Choice id="a" correct>A</Choice>
    <Choice id="b" correct>B</Choice>
  </Question>
  <Question id="multi-none" multiple prompt="Multiple with nothing marked?" explanation="An explanation long enough.">
    <Choice id="a">A</Choice>
    <Choice id="b">B</Choice>
  </Question>
  <Question id="lonely" prompt="Only one choice here?" explanation="An explanation long enough.">
    <Choice id="a" correct>A</Choice>
  </Question>
  <Question id="two-right" prompt="Same id again here?" explanation="An explanation long enough.">
    <Choice id="a" correct>A</Choice>
    <Choice id="b">B</Choice>
  </Question>
  <Question id="same-choice" prompt="Two choices share an id?" explanation="An explanation long enough.">
    <Choice id="a" correct>A</Choice>
    <Choice id="a">B</Choice>
  </Question>
</Quiz>

<Quiz id="bad-pass" passPercent="0">
  <Question id="fine" prompt="A fine question here?" explanation="An explanation long enough.">
    <Choice id="a" correct>A</Choice>
    <Choice id="b">B</Choice>
  </Question>
</Quiz>

<Quiz id="empty-quiz">
</Quiz>
`;
      const { source, parts } = await compile(body);
      const line = (marker: string) => lineOf(source, marker);
      expect(line('<Question id="none-right"')).toBe(9);
      expect(parts.problems).toEqual([
        { where: 'Question "none-right" (line 9)', message: "a single-answer question needs exactly one correct choice, found 0" },
        {
          where: `Question "two-right" (line ${line('<Question id="two-right"')})`,
          message: "a single-answer question needs exactly one correct choice, found 2",
        },
        {
          where: `Question "multi-none" (line ${line('<Question id="multi-none"')})`,
          message: "a multiple-answer question needs at least one correct choice",
        },
        { where: `Question "lonely" (line ${line('<Question id="lonely"')})`, message: "needs 2–6 choices, found 1" },
        { where: `<Question id="two-right"> (line ${line('prompt="Same id again')})`, message: "id is used twice in this module" },
        { where: `<Choice id="a"> (line ${line('<Choice id="a">B</Choice>')})`, message: "id is used twice in this question" },
        { where: `<Quiz> (line ${line('<Quiz id="bad-pass"')})`, message: "passPercent must be a whole number from 1 to 100" },
        { where: `<Quiz id="empty-quiz"> (line ${line('<Quiz id="empty-quiz"')})`, message: "needs at least one <Question>" },
      ]);
      // Questions with problems in their choices are still collected; the content check rejects the module.
      expect(parts.quizzes.map((quiz) => [quiz.id, quiz.questions.length])).toEqual([
        ["rules", 6],
        ["bad-pass", 1],
        ["empty-quiz", 0],
      ]);
    },
    COMPILE_TIMEOUT,
  );

  test(
    "stray and disallowed elements: misplaced Question/Choice, unknown components, expressions, imports, expression attributes, bad Callout tone",
    async () => {
      const body = `
import React from "react"

## Section

<Question id="loose" prompt="Outside any quiz?" explanation="An explanation long enough.">
  <Choice id="a" correct>A</Choice>
</Question>

<Choice id="alone">Alone</Choice>

<Foo />

Two plus two is {1+1}.

<Callout tone="loud">Shouting.</Callout>

<Quiz id="attrs">
  <Question id="expr" prompt={x} explanation="An explanation long enough.">
    <Choice id="a" correct>A</Choice>
    <Choice id="b">B</Choice>
  </Question>
  Some loose text in a quiz.
</Quiz>

<Reflection id="Not Kebab" prompt="A prompt that is long enough." />
`;
      const { source, parts } = await compile(body);
      const line = (marker: string) => lineOf(source, marker);
      expect(parts.problems).toEqual([
        { where: `import/export (line ${line("import React")})`, message: "modules cannot import or export code" },
        { where: `<Question> (line ${line('<Question id="loose"')})`, message: "must be inside <Quiz>" },
        { where: `<Choice> (line ${line('<Choice id="alone"')})`, message: "must be inside <Question>" },
        {
          where: `<Foo> (line ${line("<Foo />")})`,
          message: "unknown component; use one of Callout, KeyTakeaways, Checklist, Reflection, Quiz, Question, Choice, ScenarioLink",
        },
        { where: `{expression} (line ${line("{1+1}")})`, message: "modules cannot contain JavaScript expressions in braces" },
        { where: `<Callout> (line ${line('<Callout tone="loud"')})`, message: "tone must be one of info, tip, warning" },
        { where: `<Question> (line ${line("prompt={x}")})`, message: 'attribute "prompt" must be a plain string, not a {expression}' },
        { where: `<Question> (line ${line("prompt={x}")})`, message: 'needs a "prompt" attribute' },
        { where: `<Quiz id="attrs"> (line ${line("Some loose text")})`, message: "may only contain <Question> elements" },
        { where: `<Quiz id="attrs"> (line ${line('<Quiz id="attrs"')})`, message: "needs at least one <Question>" },
        { where: `<Reflection id="Not Kebab"> (line ${line("<Reflection")})`, message: "id must be kebab-case" },
      ]);
      expect(line("import React")).toBe(6);
      // The stray question is not collected as a quiz, and the question without a usable prompt is dropped.
      expect(parts.quizzes).toEqual([{ id: "attrs", title: "Knowledge check", passPercent: 75, questions: [] }]);
      expect(parts.reflections).toEqual([]);
    },
    COMPILE_TIMEOUT,
  );
});
