import { Form, useNavigation } from "@remix-run/react";
import { createContext, useContext, type ReactNode } from "react";
import { Button } from "../ui/button.tsx";
import { useModuleContext, type QuestionFeedback, type QuizView } from "./module-context.tsx";

type QuestionContextValue = { questionId: string; multiple: boolean; feedback: QuestionFeedback | undefined; selected: string[] };
const QuizContext = createContext<QuizView | null>(null);
const QuestionContext = createContext<QuestionContextValue | null>(null);

/** The form field that carries one question's chosen choice ids. */
export const answerField = (questionId: string) => `answer.${questionId}`;

export function Quiz({ id, title = "Knowledge check", children }: { id: string; title?: string; children: ReactNode }) {
  const { quizzes, submissionKey, locked } = useModuleContext();
  const navigation = useNavigation();
  const view = quizzes[id];
  if (!view) return null;
  const pending = navigation.state === "submitting" && navigation.formData?.get("quizId") === id;
  const headingId = `quiz-${id}`;
  return (
    <section className="quiz" aria-labelledby={headingId} id={`quiz-${id}-section`}>
      <h2 id={headingId}>{title}</h2>
      {view.latest ? (
        <div className={`alert ${view.latest.passed ? "alert--success" : "alert--warning"}`} role="status">
          <p>
            <strong>
              You scored {view.latest.scorePercent}% — {view.latest.passed ? "passed" : "not passed yet"}.
            </strong>{" "}
            {view.latest.passed
              ? "The explanations below show why each answer is right."
              : `You need ${view.passPercent}% to pass. Read the explanations, then try again.`}
          </p>
        </div>
      ) : (
        <p className="muted">Answer every question, then submit. You need {view.passPercent}% to pass, and you can retake it.</p>
      )}
      {view.errors && Object.keys(view.errors).length > 0 ? (
        <div className="alert alert--error" role="alert">
          {view.errors[""] ?? "Your answers weren't submitted: answer the questions marked below, then submit again."}
        </div>
      ) : null}
      <Form method="post" preventScrollReset className="quiz__form">
        <input type="hidden" name="intent" value="quiz" />
        <input type="hidden" name="quizId" value={id} />
        <input type="hidden" name="submissionKey" value={submissionKey} />
        <QuizContext.Provider value={view}>{children}</QuizContext.Provider>
        <Button type="submit" pending={pending} disabled={locked}>
          {view.latest ? "Submit new answers" : "Submit answers"}
        </Button>
      </Form>
    </section>
  );
}

export function Question({ id, prompt, multiple, children }: { id: string; prompt: string; multiple?: boolean; children: ReactNode }) {
  const quiz = useContext(QuizContext);
  const feedback = quiz?.latest?.feedback[id];
  const error = quiz?.errors?.[id];
  const selected = quiz?.draft?.[id] ?? feedback?.selected ?? [];
  const isMultiple = multiple !== undefined && multiple !== false;
  return (
    <fieldset className="question" aria-describedby={error ? `question-${id}-error` : undefined} aria-invalid={error ? true : undefined}>
      <legend>
        {prompt}
        {isMultiple ? <span className="question__hint"> Choose all that apply.</span> : null}
      </legend>
      <QuestionContext.Provider value={{ questionId: id, multiple: isMultiple, feedback, selected }}>
        <div className="question__choices">{children}</div>
      </QuestionContext.Provider>
      {error ? (
        <p className="field__errors" id={`question-${id}-error`}>
          {error}
        </p>
      ) : null}
      {feedback ? (
        <div className={`question__feedback ${feedback.correct ? "is-correct" : "is-incorrect"}`}>
          <p>
            <strong>{feedback.correct ? "Correct." : "Not quite."}</strong> {feedback.explanation}
          </p>
        </div>
      ) : null}
    </fieldset>
  );
}

export function Choice({ id, children }: { id: string; children: ReactNode }) {
  const question = useContext(QuestionContext);
  if (!question) return null;
  const { questionId, multiple, feedback, selected } = question;
  const inputId = `choice-${questionId}-${id}`;
  const isRight = feedback?.correctChoiceIds.includes(id) ?? false;
  const wasChosen = selected.includes(id);
  const mark = feedback ? (isRight ? "right answer" : wasChosen ? "your answer, not right" : null) : null;
  return (
    <div className={`choice${feedback && isRight ? " choice--right" : ""}${feedback && wasChosen && !isRight ? " choice--wrong" : ""}`}>
      <input id={inputId} type={multiple ? "checkbox" : "radio"} name={answerField(questionId)} value={id} defaultChecked={wasChosen} />
      <label htmlFor={inputId}>
        {children}
        {mark ? <span className="choice__mark"> ({mark})</span> : null}
      </label>
    </div>
  );
}
