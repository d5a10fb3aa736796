import type { QuizDefinition } from "~/content/schemas.ts";
import { QUIZ_TRIES_BEFORE_ANSWERS, type QuizHintKind } from "~/domain/learning.ts";
import { message } from "~/i18n/message.ts";

/** Question id → the choice ids the person selected. */
export type QuizAnswers = Record<string, string[]>;

export type QuestionResult = {
  questionId: string;
  selected: string[];
  correctChoiceIds: string[];
  correct: boolean;
  explanation: string;
};

export type QuizGrade = {
  results: QuestionResult[];
  correctCount: number;
  questionCount: number;
  scorePercent: number;
  passed: boolean;
};

/** Only the submission's own answers count: a question id such as "constructor" must not find Object's. */
function answersFor(answers: QuizAnswers, questionId: string): string[] {
  return Object.hasOwn(answers, questionId) ? answers[questionId] : [];
}

/**
 * Problems that make a submission unanswerable, keyed by question id ("" for
 * the whole quiz): unknown questions or choices, several choices on a
 * single-answer question, and unanswered questions. Each problem is a message, worded where it is shown.
 */
export function checkAnswers(quiz: QuizDefinition, answers: QuizAnswers): Record<string, string> {
  const problems: Record<string, string> = {};
  const questions = new Map(quiz.questions.map((question) => [question.id, question]));
  for (const [questionId, selected] of Object.entries(answers)) {
    const question = questions.get(questionId);
    if (!question) {
      problems[""] = message("learn:quiz.problem.noQuestion", { questionId });
      continue;
    }
    const known = new Set(question.choices.map((choice) => choice.id));
    const unknown = selected.filter((choiceId) => !known.has(choiceId));
    if (unknown.length > 0) problems[questionId] = message("learn:quiz.problem.notAChoice", { choice: unknown[0] });
    else if (!question.multiple && selected.length > 1) problems[questionId] = message("learn:quiz.problem.chooseOne");
  }
  for (const question of quiz.questions) {
    if (!Object.hasOwn(problems, question.id) && answersFor(answers, question.id).length === 0) {
      problems[question.id] = message(question.multiple ? "learn:quiz.problem.chooseAtLeastOne" : "learn:quiz.problem.chooseAnswer");
    }
  }
  return problems;
}

/** Grades answers already accepted by checkAnswers: a question is right when exactly the correct choices are selected. */
export function gradeQuiz(quiz: QuizDefinition, answers: QuizAnswers): QuizGrade {
  const results = quiz.questions.map((question) => {
    const selected = [...new Set(answersFor(answers, question.id))].sort();
    const correctChoiceIds = question.choices
      .filter((choice) => choice.correct)
      .map((choice) => choice.id)
      .sort();
    const correct = selected.length === correctChoiceIds.length && selected.every((id, index) => id === correctChoiceIds[index]);
    return { questionId: question.id, selected, correctChoiceIds, correct, explanation: question.explanation };
  });
  const correctCount = results.filter((result) => result.correct).length;
  const questionCount = results.length;
  const scorePercent = questionCount === 0 ? 0 : Math.round((correctCount / questionCount) * 100);
  return { results, correctCount, questionCount, scorePercent, passed: scorePercent >= quiz.passPercent };
}

/** A person's history with one knowledge check on one module version. */
export type QuizHistory = { tries: number; passed: boolean };

/** Answers are shown once the check is passed, or after enough failed tries that holding them back no longer teaches. */
export function mayShowAnswers(history: QuizHistory): boolean {
  return history.passed || history.tries >= QUIZ_TRIES_BEFORE_ANSWERS;
}

/** Failed tries left before the answers are shown anyway; 0 once they may be shown. */
export function triesBeforeAnswers(history: QuizHistory): number {
  return mayShowAnswers(history) ? 0 : QUIZ_TRIES_BEFORE_ANSWERS - history.tries;
}

/**
 * What the person is told about one question. A question answered right shows its explanation (it
 * only confirms what they chose); a wrong one shows the answer only when the answers may be shown,
 * and otherwise a hint that says what kind of mistake it was and nothing about which choice is right.
 */
export type QuestionFeedback =
  | { revealed: true; selected: string[]; correct: boolean; correctChoiceIds: string[]; explanation: string }
  | { revealed: false; selected: string[]; correct: false; hint: QuizHintKind };

export function questionFeedback(result: QuestionResult, multiple: boolean, showAnswers: boolean): QuestionFeedback {
  const { selected, correct, correctChoiceIds, explanation } = result;
  if (correct || showAnswers) return { revealed: true, selected, correct, correctChoiceIds, explanation };
  const right = new Set(correctChoiceIds);
  const hint: QuizHintKind = !multiple ? "not-best" : selected.some((id) => !right.has(id)) ? "extra-choice" : "missing-choice";
  return { revealed: false, selected, correct: false, hint };
}

/** Feedback on every question of a graded attempt, keyed by question id. */
export function quizFeedback(quiz: QuizDefinition, grade: QuizGrade, history: QuizHistory): Record<string, QuestionFeedback> {
  const showAnswers = mayShowAnswers(history);
  const multiple = new Map(quiz.questions.map((question) => [question.id, question.multiple]));
  return Object.fromEntries(
    grade.results.map((result) => [result.questionId, questionFeedback(result, multiple.get(result.questionId) ?? false, showAnswers)]),
  );
}
