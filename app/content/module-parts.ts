// A remark plugin that reads a module's MDX tree once, at compile time: it
// collects the sections, reflections, scenario links and quizzes, validates the
// components against docs/content-authoring.md, and strips every answer key and
// explanation from the tree so the compiled code sent to browsers has none.
import {
  DEFAULT_PASS_PERCENT,
  SlugSchema,
  type QuizChoice,
  type QuizDefinition,
  type QuizQuestion,
  type ReflectionBlock,
  type Section,
} from "./schemas.ts";

type AttributeValue = string | null | { type: string; value?: string };
type JsxAttribute = { type: string; name?: string; value?: AttributeValue };
export type MdastNode = {
  type: string;
  name?: string | null;
  depth?: number;
  value?: string;
  attributes?: JsxAttribute[];
  children?: MdastNode[];
  position?: { start: { line: number } };
  data?: Record<string, unknown>;
};

export type ModuleParts = {
  sections: Section[];
  quizzes: QuizDefinition[];
  reflections: ReflectionBlock[];
  scenarioLinks: string[];
  hasKeyTakeaways: boolean;
  problems: { where: string; message: string }[];
};

const COMPONENTS = new Set(["Callout", "KeyTakeaways", "Checklist", "Reflection", "Quiz", "Question", "Choice", "ScenarioLink"]);
const CALLOUT_TONES = new Set(["info", "tip", "warning"]);
const JSX_ELEMENT = new Set(["mdxJsxFlowElement", "mdxJsxTextElement"]);
const EXPRESSION = new Set(["mdxFlowExpression", "mdxTextExpression"]);

export function textOf(node: MdastNode): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value ?? "";
  return (node.children ?? []).map(textOf).join("");
}

export function slugify(text: string): string {
  return (
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "section"
  );
}

/**
 * Returns a fresh remark plugin and the parts it fills in as it runs. A translation
 * passes its English module's section ids, so its nth section has the same id (and
 * reading progress carries across languages) whatever its heading says.
 */
export function createModulePartsPlugin({ sectionIds }: { sectionIds?: string[] } = {}) {
  const parts: ModuleParts = { sections: [], quizzes: [], reflections: [], scenarioLinks: [], hasKeyTakeaways: false, problems: [] };
  const usedIds = new Set<string>();

  const at = (node: MdastNode, label: string) => `${label} (line ${node.position?.start.line ?? "?"})`;
  const problem = (node: MdastNode, label: string, message: string) => parts.problems.push({ where: at(node, label), message });

  function attributes(node: MdastNode): Map<string, AttributeValue> {
    const map = new Map<string, AttributeValue>();
    for (const attribute of node.attributes ?? []) {
      if (attribute.type !== "mdxJsxAttribute" || !attribute.name) {
        problem(node, `<${node.name}>`, "spread attributes are not allowed");
        continue;
      }
      if (attribute.value !== null && typeof attribute.value === "object") {
        problem(node, `<${node.name}>`, `attribute "${attribute.name}" must be a plain string, not a {expression}`);
        continue;
      }
      map.set(attribute.name, attribute.value ?? null);
    }
    return map;
  }

  function stringAttribute(
    node: MdastNode,
    attrs: Map<string, AttributeValue>,
    name: string,
    { required = true, min = 1, max = 500 } = {},
  ) {
    const value = attrs.get(name);
    if (value === undefined || value === null) {
      if (required) problem(node, `<${node.name}>`, `needs a "${name}" attribute`);
      return undefined;
    }
    if (typeof value !== "string" || value.trim().length < min || value.length > max) {
      problem(node, `<${node.name}>`, `"${name}" must be ${min}–${max} characters`);
      return undefined;
    }
    return value.trim();
  }

  function idAttribute(node: MdastNode, attrs: Map<string, AttributeValue>, scope: Set<string>, scopeLabel: string) {
    const id = stringAttribute(node, attrs, "id", { max: 60 });
    if (id === undefined) return undefined;
    if (!SlugSchema.safeParse(id).success) {
      problem(node, `<${node.name} id="${id}">`, "id must be kebab-case");
      return undefined;
    }
    if (scope.has(id)) problem(node, `<${node.name} id="${id}">`, `id is used twice in this ${scopeLabel}`);
    scope.add(id);
    return id;
  }

  function dropAttributes(node: MdastNode, names: string[]) {
    node.attributes = (node.attributes ?? []).filter((attribute) => !names.includes(attribute.name ?? ""));
  }

  function readChoice(node: MdastNode, choiceIds: Set<string>): QuizChoice | undefined {
    const attrs = attributes(node);
    const id = idAttribute(node, attrs, choiceIds, "question");
    const text = textOf(node).trim();
    if (!text) problem(node, `<Choice>`, "needs text");
    const correct = attrs.has("correct");
    if (correct && attrs.get("correct") !== null) problem(node, `<Choice>`, 'write "correct" on its own, without a value');
    dropAttributes(node, ["correct"]);
    return id && text ? { id, text, correct } : undefined;
  }

  function readQuestion(node: MdastNode): QuizQuestion | undefined {
    const attrs = attributes(node);
    const id = idAttribute(node, attrs, usedIds, "module");
    const prompt = stringAttribute(node, attrs, "prompt", { min: 5, max: 300 });
    const explanation = stringAttribute(node, attrs, "explanation", { min: 10, max: 500 });
    const multiple = attrs.has("multiple");
    dropAttributes(node, ["explanation"]);
    const choiceIds = new Set<string>();
    const choices: QuizChoice[] = [];
    for (const child of node.children ?? []) {
      if (JSX_ELEMENT.has(child.type) && child.name === "Choice") {
        const choice = readChoice(child, choiceIds);
        if (choice) choices.push(choice);
      } else if (textOf(child).trim() !== "") {
        problem(child, `<Question id="${id ?? "?"}">`, "may only contain <Choice> elements");
      }
    }
    const label = `Question "${id ?? "?"}"`;
    if (choices.length < 2 || choices.length > 6) problem(node, label, `needs 2–6 choices, found ${choices.length}`);
    const correctCount = choices.filter((choice) => choice.correct).length;
    if (multiple && correctCount === 0) problem(node, label, "a multiple-answer question needs at least one correct choice");
    if (!multiple && correctCount !== 1)
      problem(node, label, `a single-answer question needs exactly one correct choice, found ${correctCount}`);
    return id && prompt && explanation ? { id, prompt, explanation, multiple, choices } : undefined;
  }

  function readQuiz(node: MdastNode) {
    const attrs = attributes(node);
    const id = idAttribute(node, attrs, usedIds, "module");
    const title = stringAttribute(node, attrs, "title", { required: false, max: 80 }) ?? "Knowledge check";
    const passText = stringAttribute(node, attrs, "passPercent", { required: false, max: 3 });
    const passPercent = passText === undefined ? DEFAULT_PASS_PERCENT : Number(passText);
    if (!Number.isInteger(passPercent) || passPercent < 1 || passPercent > 100)
      problem(node, `<Quiz>`, "passPercent must be a whole number from 1 to 100");
    const questions: QuizQuestion[] = [];
    for (const child of node.children ?? []) {
      if (JSX_ELEMENT.has(child.type) && child.name === "Question") {
        const question = readQuestion(child);
        if (question) questions.push(question);
      } else if (textOf(child).trim() !== "") {
        problem(child, `<Quiz id="${id ?? "?"}">`, "may only contain <Question> elements");
      }
    }
    if (questions.length === 0) problem(node, `<Quiz id="${id ?? "?"}">`, "needs at least one <Question>");
    if (id) parts.quizzes.push({ id, title, passPercent, questions });
  }

  function visit(node: MdastNode) {
    if (node.type === "mdxjsEsm") {
      problem(node, "import/export", "modules cannot import or export code");
      return;
    }
    if (EXPRESSION.has(node.type)) {
      problem(node, "{expression}", "modules cannot contain JavaScript expressions in braces");
      return;
    }
    if (node.type === "heading") {
      if (node.depth === 1) problem(node, "# heading", "the title comes from the frontmatter; use ## for sections");
      if (node.depth === 2) {
        const title = textOf(node).trim();
        let id = sectionIds?.[parts.sections.length] ?? slugify(title);
        for (let n = 2; parts.sections.some((section) => section.id === id); n++) id = `${slugify(title)}-${n}`;
        parts.sections.push({ id, title });
        node.data = { ...node.data, hProperties: { ...((node.data?.hProperties as object) ?? {}), id } };
      }
    }
    if (JSX_ELEMENT.has(node.type)) {
      const name = node.name ?? "";
      if (!COMPONENTS.has(name)) {
        problem(node, `<${name || "fragment"}>`, `unknown component; use one of ${[...COMPONENTS].join(", ")}`);
        return;
      }
      // Quizzes read their own questions and choices, so any met here are stray.
      if (name === "Question" || name === "Choice") {
        problem(node, `<${name}>`, `must be inside <${name === "Question" ? "Quiz" : "Question"}>`);
        return;
      }
      const attrs = attributes(node);
      switch (name) {
        case "Quiz":
          readQuiz(node);
          return;
        case "Reflection": {
          const id = idAttribute(node, attrs, usedIds, "module");
          const prompt = stringAttribute(node, attrs, "prompt", { min: 10, max: 300 });
          if (id && prompt) parts.reflections.push({ id, prompt });
          return;
        }
        case "ScenarioLink": {
          const scenario = stringAttribute(node, attrs, "scenario", { max: 80 });
          if (scenario && !SlugSchema.safeParse(scenario).success) problem(node, "<ScenarioLink>", "scenario must be a kebab-case slug");
          else if (scenario) parts.scenarioLinks.push(scenario);
          break;
        }
        case "Callout": {
          const tone = attrs.get("tone");
          if (tone !== undefined && (typeof tone !== "string" || !CALLOUT_TONES.has(tone))) {
            problem(node, "<Callout>", `tone must be one of ${[...CALLOUT_TONES].join(", ")}`);
          }
          break;
        }
        case "KeyTakeaways":
          parts.hasKeyTakeaways = true;
          break;
      }
    }
    for (const child of node.children ?? []) visit(child);
  }

  const plugin = () => (tree: MdastNode) => visit(tree);
  return { plugin, parts };
}
