import { expect, test } from "vitest";
import { compareModuleStructure } from "./variants.ts";

const question = (id: string, correct = "a") => ({
  id,
  prompt: "?",
  explanation: "!",
  multiple: false,
  choices: ["a", "b"].map((choice) => ({ id: choice, text: choice, correct: choice === correct })),
});
const english = {
  frontmatter: { title: "Title", summary: "Summary", order: 1, competencies: ["empathy"] },
  sections: [{ id: "start", title: "Start" }],
  reflections: [{ id: "think", prompt: "Think" }],
  scenarioLinks: ["late-delivery"],
  hasKeyTakeaways: true,
  quizzes: [{ id: "check", title: "Check", passPercent: 80, questions: [question("q1"), question("q2")] }],
};

test("a translation that changes only words matches", () => {
  const translation = {
    ...english,
    frontmatter: { ...english.frontmatter, title: "標題", summary: "摘要" },
    sections: [{ id: "start", title: "開始" }],
    reflections: [{ id: "think", prompt: "想一想" }],
  };
  expect(compareModuleStructure(english, translation)).toEqual([]);
});

test("every structural difference is named", () => {
  const translation = {
    ...english,
    frontmatter: { ...english.frontmatter, competencies: ["resolution"] },
    sections: [],
    reflections: [],
    scenarioLinks: [],
    hasKeyTakeaways: false,
    quizzes: [{ ...english.quizzes[0], passPercent: 70, questions: [question("q1", "b"), { ...question("q2"), multiple: true }] }],
  };
  expect(compareModuleStructure(english, translation)).toEqual([
    { where: "competencies", message: 'must be the same as in the English file (["empathy"])' },
    { where: "(body)", message: "has 0 ## sections, English has 1" },
    { where: "(body)", message: "has reflections [], English has [think]" },
    { where: "(body)", message: "links scenarios [], English links [late-delivery]" },
    { where: "(body)", message: "must have a <KeyTakeaways> block where the English has one" },
    { where: '<Quiz id="check">', message: "passes at 70%, English at 80%" },
    { where: '<Question id="q1">', message: "marks [b] correct, English marks [a]" },
    { where: '<Question id="q2">', message: "`multiple` differs from the English" },
  ]);
  const renamed = { ...english, quizzes: [{ ...english.quizzes[0], questions: [question("q1"), question("q3")] }] };
  expect(compareModuleStructure(english, renamed)).toEqual([
    { where: '<Quiz id="check">', message: "has questions [q1, q3], English has [q1, q2]" },
  ]);
});
