// A module or scenario translated into another language is the same item: the
// same quiz, question and choice ids with the same right answers, the same
// sections, reflections and links, the same frontmatter apart from the words.
// These checks say where a translation has drifted from its English file.
import type { ModuleParts } from "./module-parts.ts";
import type { QuizDefinition } from "./schemas.ts";

export type StructureProblem = { where: string; message: string };

type ModuleShape = Pick<ModuleParts, "sections" | "quizzes" | "reflections" | "scenarioLinks" | "hasKeyTakeaways"> & {
  frontmatter: Record<string, unknown>;
};

/** Frontmatter a translation words for itself; every other field must match the English. */
const TRANSLATED_FIELDS = new Set(["title", "summary"]);

const ids = (items: { id: string }[]) => items.map((item) => item.id).join(", ");

function compareQuizzes(english: QuizDefinition[], translated: QuizDefinition[]): StructureProblem[] {
  const problems: StructureProblem[] = [];
  if (ids(english) !== ids(translated)) {
    problems.push({ where: "quizzes", message: `has quizzes [${ids(translated)}], English has [${ids(english)}]` });
    return problems;
  }
  english.forEach((quiz, index) => {
    const other = translated[index];
    if (quiz.passPercent !== other.passPercent)
      problems.push({ where: `<Quiz id="${quiz.id}">`, message: `passes at ${other.passPercent}%, English at ${quiz.passPercent}%` });
    if (ids(quiz.questions) !== ids(other.questions)) {
      problems.push({ where: `<Quiz id="${quiz.id}">`, message: `has questions [${ids(other.questions)}], English has [${ids(quiz.questions)}]` });
      return;
    }
    quiz.questions.forEach((question, questionIndex) => {
      const theirs = other.questions[questionIndex];
      const where = `<Question id="${question.id}">`;
      if (question.multiple !== theirs.multiple) problems.push({ where, message: "`multiple` differs from the English" });
      if (ids(question.choices) !== ids(theirs.choices))
        problems.push({ where, message: `has choices [${ids(theirs.choices)}], English has [${ids(question.choices)}]` });
      const correct = (choices: { id: string; correct: boolean }[]) => ids(choices.filter((choice) => choice.correct));
      if (correct(question.choices) !== correct(theirs.choices))
        problems.push({ where, message: `marks [${correct(theirs.choices)}] correct, English marks [${correct(question.choices)}]` });
    });
  });
  return problems;
}

export function compareModuleStructure(english: ModuleShape, translated: ModuleShape): StructureProblem[] {
  const problems: StructureProblem[] = [];
  for (const field of new Set([...Object.keys(english.frontmatter), ...Object.keys(translated.frontmatter)])) {
    if (TRANSLATED_FIELDS.has(field)) continue;
    if (JSON.stringify(english.frontmatter[field]) !== JSON.stringify(translated.frontmatter[field]))
      problems.push({ where: field, message: `must be the same as in the English file (${JSON.stringify(english.frontmatter[field])})` });
  }
  if (english.sections.length !== translated.sections.length)
    problems.push({ where: "(body)", message: `has ${translated.sections.length} ## sections, English has ${english.sections.length}` });
  if (ids(english.reflections) !== ids(translated.reflections))
    problems.push({ where: "(body)", message: `has reflections [${ids(translated.reflections)}], English has [${ids(english.reflections)}]` });
  if (english.scenarioLinks.join() !== translated.scenarioLinks.join())
    problems.push({ where: "(body)", message: `links scenarios [${translated.scenarioLinks.join(", ")}], English links [${english.scenarioLinks.join(", ")}]` });
  if (english.hasKeyTakeaways !== translated.hasKeyTakeaways)
    problems.push({ where: "(body)", message: "must have a <KeyTakeaways> block where the English has one" });
  problems.push(...compareQuizzes(english.quizzes, translated.quizzes));
  return problems;
}

type ScenarioShape = {
  channel: string;
  difficulty: string;
  competencies: string[];
  rubrics: string[];
  passScore: number;
  version: number;
  par: unknown;
  persona: { temperament: string; patience: number; showMood: boolean };
  facts: { id: string; required: boolean }[];
  policy: {
    allowed: { id: string; resolves: boolean }[];
    forbidden: { id: string }[];
    escalationAllowed: boolean;
    unpromisable: { id: string }[];
  };
};

/** A translated scenario is the same case: same settings, facts, offers and limits, worded for its language. */
export function compareScenarioStructure(english: ScenarioShape, translated: ScenarioShape): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const same = (where: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) problems.push({ where, message: `must be the same as in the English file (${JSON.stringify(a)})` });
  };
  for (const field of ["channel", "difficulty", "competencies", "rubrics", "passScore", "version", "par"] as const)
    same(field, english[field], translated[field]);
  same("persona.temperament", english.persona.temperament, translated.persona.temperament);
  same("persona.patience", english.persona.patience, translated.persona.patience);
  same("persona.showMood", english.persona.showMood, translated.persona.showMood);
  same("facts", english.facts.map(({ id, required }) => ({ id, required })), translated.facts.map(({ id, required }) => ({ id, required })));
  same(
    "policy.allowed",
    english.policy.allowed.map(({ id, resolves }) => ({ id, resolves })),
    translated.policy.allowed.map(({ id, resolves }) => ({ id, resolves })),
  );
  same("policy.forbidden", ids(english.policy.forbidden), ids(translated.policy.forbidden));
  same("policy.escalationAllowed", english.policy.escalationAllowed, translated.policy.escalationAllowed);
  same("policy.unpromisable", ids(english.policy.unpromisable), ids(translated.policy.unpromisable));
  return problems;
}

type RubricShape = { id: string; version: number; criteria: { id: string; competency: string; weight: number; critical: boolean; levels: { level: number }[] }[] };

/** A translated rubric grades the same way: same criteria, competencies, weights, critical flags and levels. */
export function compareRubricStructure(english: RubricShape, translated: RubricShape): StructureProblem[] {
  const shape = (rubric: RubricShape) => ({
    id: rubric.id,
    version: rubric.version,
    criteria: rubric.criteria.map(({ id, competency, weight, critical, levels }) => ({ id, competency, weight, critical, levels: levels.map((level) => level.level) })),
  });
  const a = shape(english);
  const b = shape(translated);
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ where: "criteria", message: "must have the English file's criteria, competencies, weights, critical flags and levels" }];
}

type LadderShape = { levels: Record<string, { track: string; from: string[]; requirements: Record<string, unknown>[] }> };

/** A translated ladder has the same levels, tracks, paths and requirements; only titles, summaries and descriptions change. */
export function compareLadderStructure(english: LadderShape, translated: LadderShape): StructureProblem[] {
  const shape = (ladder: LadderShape) =>
    Object.entries(ladder.levels).map(([key, level]) => ({
      key,
      track: level.track,
      from: level.from,
      requirements: level.requirements.map(({ description: _, ...rest }) => rest),
    }));
  const a = shape(english);
  const b = shape(translated);
  return a.map((level, index) => (JSON.stringify(level) === JSON.stringify(b[index]) ? null : level.key)).some(Boolean) || a.length !== b.length
    ? [{ where: "levels", message: "must have the English ladder's levels, tracks, paths and requirements in the same order" }]
    : [];
}
