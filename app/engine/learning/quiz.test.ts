import { describe, expect, test } from "vitest";
import type { QuizDefinition, QuizQuestion } from "~/content/schemas.ts";
import { QUIZ_TRIES_BEFORE_ANSWERS } from "~/domain/learning.ts";
import { inEnglish } from "../../../tests/support/english.ts";
import { checkAnswers, gradeQuiz, mayShowAnswers, quizFeedback, triesBeforeAnswers, type QuizAnswers } from "./quiz.ts";

function single(id: string, correct: string, others: string[]): QuizQuestion {
  return {
    id,
    prompt: `Prompt for ${id}`,
    explanation: `Explanation for ${id}`,
    multiple: false,
    choices: [correct, ...others].map((choiceId) => ({ id: choiceId, text: `Text ${choiceId}`, correct: choiceId === correct })),
  };
}

function multiple(id: string, correct: string[], others: string[]): QuizQuestion {
  return {
    id,
    prompt: `Prompt for ${id}`,
    explanation: `Explanation for ${id}`,
    multiple: true,
    choices: [...correct, ...others].map((choiceId) => ({ id: choiceId, text: `Text ${choiceId}`, correct: correct.includes(choiceId) })),
  };
}

function quiz(questions: QuizQuestion[], passPercent = 75): QuizDefinition {
  return { id: "knowledge-check", title: "Knowledge check", passPercent, questions };
}

// q1: single, right answer "a"; q2: multiple, right answers "x" and "y".
const QUIZ = quiz([single("q1", "a", ["b", "c"]), multiple("q2", ["x", "y"], ["z"])]);
const VALID: QuizAnswers = { q1: ["a"], q2: ["x", "y"] };

/** A quiz of `count` single-answer questions, each answered with "right" or "wrong". */
function singles(count: number, passPercent = 75) {
  return quiz(
    Array.from({ length: count }, (_, index) => single(`q${index + 1}`, "right", ["wrong"])),
    passPercent,
  );
}
function answersWithRight(count: number, right: number): QuizAnswers {
  return Object.fromEntries(Array.from({ length: count }, (_, index) => [`q${index + 1}`, [index < right ? "right" : "wrong"]]));
}

/** Problems as an English reader sees them. */
function englishProblems(problems: Record<string, string>) {
  return Object.fromEntries(Object.entries(problems).map(([questionId, problem]) => [questionId, inEnglish(problem)]));
}
const problemsOf = (definition: QuizDefinition, answers: QuizAnswers) => englishProblems(checkAnswers(definition, answers));

describe("checkAnswers", () => {
  test("a fully valid answer set has no problems", () => {
    expect(problemsOf(QUIZ, VALID)).toEqual({});
  });

  test("a valid but wrong answer set has no problems either (checking is not grading)", () => {
    expect(problemsOf(QUIZ, { q1: ["c"], q2: ["z"] })).toEqual({});
  });

  test("an unknown question id is a whole-quiz problem under the empty key", () => {
    const problems = checkAnswers(QUIZ, { ...VALID, nope: ["a"] });
    expect(englishProblems(problems)).toEqual({ "": 'This knowledge check has no question "nope". Reload the page and try again.' });
  });

  test("an unknown choice id is reported on its question", () => {
    expect(problemsOf(QUIZ, { q1: ["a"], q2: ["x", "bogus"] })).toEqual({
      q2: '"bogus" is not one of this question\'s choices.',
    });
  });

  test("a choice id from another question is unknown on this one", () => {
    expect(problemsOf(QUIZ, { q1: ["x"], q2: ["x"] })).toEqual({ q1: '"x" is not one of this question\'s choices.' });
  });

  test("two choices on a single-answer question are a problem", () => {
    expect(problemsOf(QUIZ, { q1: ["a", "b"], q2: ["x"] })).toEqual({ q1: "Choose one answer." });
  });

  test("several choices on a multiple-answer question are fine", () => {
    expect(problemsOf(QUIZ, { q1: ["b"], q2: ["x", "y", "z"] })).toEqual({});
  });

  test("an unanswered single-answer question asks for an answer", () => {
    expect(problemsOf(QUIZ, { q2: ["x"] })).toEqual({ q1: "Choose an answer." });
    expect(problemsOf(QUIZ, { q1: [], q2: ["x"] })).toEqual({ q1: "Choose an answer." });
  });

  test("an unanswered multiple-answer question asks for at least one answer", () => {
    expect(problemsOf(QUIZ, { q1: ["a"] })).toEqual({ q2: "Choose at least one answer." });
    expect(problemsOf(QUIZ, { q1: ["a"], q2: [] })).toEqual({ q2: "Choose at least one answer." });
  });

  test("an empty submission reports every question", () => {
    expect(problemsOf(QUIZ, {})).toEqual({ q1: "Choose an answer.", q2: "Choose at least one answer." });
    // Worded where they are shown, in the reader's language.
    expect(checkAnswers(QUIZ, {})).toEqual({ q1: "learn:quiz.problem.chooseAnswer", q2: "learn:quiz.problem.chooseAtLeastOne" });
  });

  test('an unanswered question whose id is an Object.prototype name ("constructor") is still unanswered', () => {
    // "constructor" is a valid kebab-case question id. Answers are a plain
    // object, so answers["constructor"] must not be read from the prototype.
    const constructorQuiz = quiz([single("constructor", "a", ["b"])]);
    expect(problemsOf(constructorQuiz, {})).toEqual({ constructor: "Choose an answer." });
  });

  test("an unknown question does not hide problems on known ones", () => {
    expect(problemsOf(QUIZ, { extra: ["a"], q1: ["a", "b"] })).toEqual({
      "": 'This knowledge check has no question "extra". Reload the page and try again.',
      q1: "Choose one answer.",
      q2: "Choose at least one answer.",
    });
  });
});

describe("gradeQuiz", () => {
  test("all right: every result correct, 100%, passed", () => {
    const grade = gradeQuiz(QUIZ, VALID);
    expect(grade.correctCount).toBe(2);
    expect(grade.questionCount).toBe(2);
    expect(grade.scorePercent).toBe(100);
    expect(grade.passed).toBe(true);
    expect(grade.results.map((result) => result.correct)).toEqual([true, true]);
  });

  test("all wrong: nothing correct, 0%, failed", () => {
    const grade = gradeQuiz(QUIZ, { q1: ["b"], q2: ["z"] });
    expect(grade).toMatchObject({ correctCount: 0, questionCount: 2, scorePercent: 0, passed: false });
    expect(grade.results.map((result) => result.correct)).toEqual([false, false]);
  });

  test("partial: half right is 50% and fails the default 75% mark", () => {
    const grade = gradeQuiz(QUIZ, { q1: ["a"], q2: ["z"] });
    expect(grade).toMatchObject({ correctCount: 1, questionCount: 2, scorePercent: 50, passed: false });
    expect(grade.results.map((result) => [result.questionId, result.correct])).toEqual([
      ["q1", true],
      ["q2", false],
    ]);
  });

  test("a multiple-answer question is right only with exactly the correct set", () => {
    const grade = (q2: string[]) => gradeQuiz(QUIZ, { q1: ["a"], q2 }).results[1].correct;
    expect(grade(["x", "y"])).toBe(true);
    expect(grade(["y", "x"])).toBe(true);
    expect(grade(["x"])).toBe(false); // subset
    expect(grade(["y"])).toBe(false); // subset
    expect(grade(["x", "y", "z"])).toBe(false); // superset
    expect(grade(["x", "z"])).toBe(false);
    expect(grade([])).toBe(false);
  });

  test("duplicates in selected are ignored, and selected is reported deduplicated and sorted", () => {
    const grade = gradeQuiz(QUIZ, { q1: ["a", "a"], q2: ["y", "x", "y", "x"] });
    expect(grade.results.map((result) => result.correct)).toEqual([true, true]);
    expect(grade.results[0].selected).toEqual(["a"]);
    expect(grade.results[1].selected).toEqual(["x", "y"]);
  });

  test("duplicates of one right choice do not make a multiple-answer question right", () => {
    const grade = gradeQuiz(QUIZ, { q1: ["a"], q2: ["x", "x"] });
    expect(grade.results[1].correct).toBe(false);
  });

  test("an unanswered question counts as wrong", () => {
    const grade = gradeQuiz(QUIZ, { q1: ["a"] });
    expect(grade.results[1]).toMatchObject({ questionId: "q2", selected: [], correct: false });
    expect(grade.correctCount).toBe(1);
  });

  test("scorePercent is rounded to a whole number", () => {
    expect(gradeQuiz(singles(3), answersWithRight(3, 2)).scorePercent).toBe(67);
    expect(gradeQuiz(singles(3), answersWithRight(3, 1)).scorePercent).toBe(33);
    expect(gradeQuiz(singles(6), answersWithRight(6, 5)).scorePercent).toBe(83);
    expect(gradeQuiz(singles(8), answersWithRight(8, 7)).scorePercent).toBe(88);
  });

  test("a quiz with no questions scores 0", () => {
    expect(gradeQuiz(quiz([]), {})).toMatchObject({ correctCount: 0, questionCount: 0, scorePercent: 0 });
  });

  test("the pass mark is inclusive: 3 of 4 (75%) passes at passPercent 75", () => {
    const grade = gradeQuiz(singles(4, 75), answersWithRight(4, 3));
    expect(grade.scorePercent).toBe(75);
    expect(grade.passed).toBe(true);
  });

  test("74% fails at passPercent 75", () => {
    // 14 of 19 = 73.7%, shown as 74.
    const grade = gradeQuiz(singles(19, 75), answersWithRight(19, 14));
    expect(grade.scorePercent).toBe(74);
    expect(grade.passed).toBe(false);
  });

  test("the pass mark comes from quiz.passPercent, not a fixed 75", () => {
    expect(gradeQuiz(singles(4, 80), answersWithRight(4, 3)).passed).toBe(false);
    expect(gradeQuiz(singles(4, 50), answersWithRight(4, 2)).passed).toBe(true);
    expect(gradeQuiz(singles(4, 51), answersWithRight(4, 2)).passed).toBe(false);
    expect(gradeQuiz(singles(3, 67), answersWithRight(3, 2)).passed).toBe(true);
    expect(gradeQuiz(singles(4, 100), answersWithRight(4, 4)).passed).toBe(true);
    expect(gradeQuiz(singles(4, 100), answersWithRight(4, 3)).passed).toBe(false);
  });

  test("every question reports its explanation and its correct choice ids, right or wrong", () => {
    const grade = gradeQuiz(quiz([single("q1", "c", ["a", "b"]), multiple("q2", ["y", "x"], ["z"])]), { q1: ["a"], q2: ["x", "y"] });
    expect(grade.results).toEqual([
      { questionId: "q1", selected: ["a"], correctChoiceIds: ["c"], correct: false, explanation: "Explanation for q1" },
      { questionId: "q2", selected: ["x", "y"], correctChoiceIds: ["x", "y"], correct: true, explanation: "Explanation for q2" },
    ]);
  });

  test("results follow the quiz's question order, not the answers' order", () => {
    const grade = gradeQuiz(QUIZ, { q2: ["x", "y"], q1: ["a"] });
    expect(grade.results.map((result) => result.questionId)).toEqual(["q1", "q2"]);
  });
});

describe("answers held back until the check is passed or tried enough times", () => {
  test("a failed try keeps the answers back; passing or the last allowed failed try shows them", () => {
    expect(mayShowAnswers({ tries: 1, passed: false })).toBe(false);
    expect(mayShowAnswers({ tries: QUIZ_TRIES_BEFORE_ANSWERS - 1, passed: false })).toBe(false);
    expect(mayShowAnswers({ tries: QUIZ_TRIES_BEFORE_ANSWERS, passed: false })).toBe(true);
    expect(mayShowAnswers({ tries: 1, passed: true })).toBe(true);
    expect(triesBeforeAnswers({ tries: 1, passed: false })).toBe(QUIZ_TRIES_BEFORE_ANSWERS - 1);
    expect(triesBeforeAnswers({ tries: 1, passed: true })).toBe(0);
  });

  test("while held back, a wrong question gets a hint and neither its right choices nor its explanation", () => {
    const wrongSingle = quizFeedback(QUIZ, gradeQuiz(QUIZ, { q1: ["b"], q2: ["x", "y"] }), { tries: 1, passed: false });
    expect(wrongSingle.q1).toEqual({ revealed: false, selected: ["b"], correct: false, hint: "not-best" });
    expect(JSON.stringify(wrongSingle.q1)).not.toMatch(/Explanation|"a"/);
    // A question answered right only confirms the person's own choice, so its explanation is shown.
    expect(wrongSingle.q2).toEqual({
      revealed: true,
      selected: ["x", "y"],
      correct: true,
      correctChoiceIds: ["x", "y"],
      explanation: "Explanation for q2",
    });
  });

  test("on a several-answer question the hint says whether something ticked doesn't belong or something is missing", () => {
    const extra = quizFeedback(QUIZ, gradeQuiz(QUIZ, { q1: ["a"], q2: ["x", "z"] }), { tries: 2, passed: false });
    expect(extra.q2).toMatchObject({ revealed: false, hint: "extra-choice" });
    const missing = quizFeedback(QUIZ, gradeQuiz(QUIZ, { q1: ["a"], q2: ["y"] }), { tries: 2, passed: false });
    expect(missing.q2).toMatchObject({ revealed: false, hint: "missing-choice" });
  });

  test("once the answers may be shown, a wrong question shows the right choices and the explanation", () => {
    const feedback = quizFeedback(QUIZ, gradeQuiz(QUIZ, { q1: ["b"], q2: ["z"] }), { tries: QUIZ_TRIES_BEFORE_ANSWERS, passed: false });
    expect(feedback.q1).toEqual({
      revealed: true,
      selected: ["b"],
      correct: false,
      correctChoiceIds: ["a"],
      explanation: "Explanation for q1",
    });
    expect(feedback.q2).toMatchObject({ revealed: true, correct: false, correctChoiceIds: ["x", "y"] });
  });
});
