import type { TFunction } from "i18next";
import { createContext, useContext, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { translateMessage } from "~/i18n/message.ts";
import { IntentForm, useFormReply, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button } from "../ui/button.tsx";
import { useModuleContext, type QuestionFeedback, type QuizView } from "./module-context.tsx";

/** What a question needs from its quiz: the graded attempt, a refused submission's errors and what it had chosen. */
type QuizContextValue = {
  view: QuizView;
  errors: Record<string, string[] | undefined>;
  draft: Record<string, unknown> | undefined;
};
type QuestionContextValue = { questionId: string; multiple: boolean; feedback: QuestionFeedback | undefined; selected: string[] };
const QuizContext = createContext<QuizContextValue | null>(null);
const QuestionContext = createContext<QuestionContextValue | null>(null);

/** The form field that carries one question's chosen choice ids. */
export const answerField = (questionId: string) => `answer.${questionId}`;

/** The choices a refused submission echoed for one question: one value or several. */
function chosenIn(draft: Record<string, unknown> | undefined, questionId: string): string[] | undefined {
  const chosen = draft && Object.hasOwn(draft, questionId) ? draft[questionId] : undefined;
  if (typeof chosen === "string") return [chosen];
  return Array.isArray(chosen) ? chosen.filter((value): value is string => typeof value === "string") : undefined;
}

/** What to do after the latest attempt, and when the answers will be shown if they are still held back. */
function latestAdvice(t: TFunction, latest: NonNullable<QuizView["latest"]>, passPercent: number): string {
  if (latest.passed) return t("learn:quiz.advicePassed");
  if (latest.answersShown) return t("learn:quiz.adviceAnswersShown", { passPercent });
  return t("learn:quiz.adviceHints", { passPercent, tries: latest.triesBeforeAnswers });
}

export function Quiz({ id, title, children }: { id: string; title?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { quizzes, submissionKey, locked } = useModuleContext();
  // Every quiz posts the "quiz" intent; its id sets its refusal apart from another quiz's on the page.
  const values = { quizId: id };
  const [form] = useIntentForm({ id: `quiz-${id}`, intent: "quiz", values });
  const echoed = useFormReply("quiz", undefined, values)?.initialValue?.answer;
  const pending = useIsPending({ intent: "quiz", values });
  const view = quizzes[id];
  if (!view) return null;
  const draft = typeof echoed === "object" && echoed !== null ? (echoed as Record<string, unknown>) : undefined;
  const headingId = `quiz-${id}`;
  return (
    <section className="quiz" aria-labelledby={headingId} id={`quiz-${id}-section`}>
      <h2 id={headingId}>{title ?? t("learn:quiz.title")}</h2>
      {view.latest ? (
        <div className={`alert ${view.latest.passed ? "alert--success" : "alert--warning"}`} role="status">
          <p>
            <strong>
              {t(view.latest.passed ? "learn:quiz.scorePassed" : "learn:quiz.scoreNotPassed", { score: view.latest.scorePercent })}
            </strong>{" "}
            {latestAdvice(t, view.latest, view.passPercent)}
          </p>
        </div>
      ) : (
        <p className="muted">{t("learn:quiz.intro", { passPercent: view.passPercent })}</p>
      )}
      <IntentForm form={form} intent="quiz" className="quiz__form">
        <input type="hidden" name="quizId" value={id} />
        <input type="hidden" name="submissionKey" value={submissionKey} />
        <QuizContext.Provider value={{ view, errors: form.allErrors, draft }}>{children}</QuizContext.Provider>
        <Button type="submit" pending={pending} disabled={locked}>
          {view.latest ? t("learn:quiz.resubmit") : t("learn:quiz.submit")}
        </Button>
      </IntentForm>
    </section>
  );
}

export function Question({ id, prompt, multiple, children }: { id: string; prompt: string; multiple?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const quiz = useContext(QuizContext);
  const feedback = quiz?.view.latest?.feedback[id];
  const errors = quiz?.errors[answerField(id)];
  const selected = chosenIn(quiz?.draft, id) ?? feedback?.selected ?? [];
  const isMultiple = multiple !== undefined && multiple !== false;
  const errorId = `question-${id}-error`;
  return (
    <fieldset className="question" aria-describedby={errors?.length ? errorId : undefined} aria-invalid={errors?.length ? true : undefined}>
      <legend>
        {prompt}
        {isMultiple ? <span className="question__hint"> {t("learn:quiz.chooseAll")}</span> : null}
      </legend>
      <QuestionContext.Provider value={{ questionId: id, multiple: isMultiple, feedback, selected }}>
        <div className="question__choices">{children}</div>
      </QuestionContext.Provider>
      {errors?.length ? (
        <p className="field__errors" id={errorId}>
          {errors.map((error) => translateMessage(t, error)).join(" ")}
        </p>
      ) : null}
      {feedback ? (
        <div className={`question__feedback ${feedback.correct ? "is-correct" : "is-incorrect"}`}>
          <p>
            <strong>{feedback.correct ? t("learn:quiz.correct") : t("learn:quiz.notQuite")}</strong>{" "}
            {feedback.revealed ? feedback.explanation : translateMessage(t, feedback.hint)}
          </p>
        </div>
      ) : null}
    </fieldset>
  );
}

export function Choice({ id, children }: { id: string; children: ReactNode }) {
  const { t } = useTranslation();
  const question = useContext(QuestionContext);
  if (!question) return null;
  const { questionId, multiple, feedback, selected } = question;
  const inputId = `choice-${questionId}-${id}`;
  // Right and wrong choices are marked only on a question whose answers may be shown.
  const marked = feedback?.revealed ? feedback : null;
  const isRight = marked?.correctChoiceIds.includes(id) ?? false;
  const wasChosen = selected.includes(id);
  const mark = marked ? (isRight ? t("learn:quiz.markRight") : wasChosen ? t("learn:quiz.markWrong") : null) : null;
  return (
    <div className={`choice${marked && isRight ? " choice--right" : ""}${marked && wasChosen && !isRight ? " choice--wrong" : ""}`}>
      <input id={inputId} type={multiple ? "checkbox" : "radio"} name={answerField(questionId)} value={id} defaultChecked={wasChosen} />
      <label htmlFor={inputId}>
        {children}
        {mark ? <span className="choice__mark"> {mark}</span> : null}
      </label>
    </div>
  );
}
