import { createContext, useContext } from "react";

/** One question's feedback: the right choices and why only once they may be shown, otherwise a hint. */
export type QuestionFeedback =
  | { revealed: true; selected: string[]; correct: boolean; correctChoiceIds: string[]; explanation: string }
  | { revealed: false; selected: string[]; correct: false; hint: string };

export type QuizView = {
  id: string;
  passPercent: number;
  /** The latest graded attempt; present only after the person has submitted. */
  latest: {
    scorePercent: number;
    passed: boolean;
    /** Whether wrong questions show their answers: once passed, or after enough failed tries. */
    answersShown: boolean;
    triesBeforeAnswers: number;
    feedback: Record<string, QuestionFeedback>;
  } | null;
};

export type ModuleContextValue = {
  locked: boolean;
  submissionKey: string;
  quizzes: Record<string, QuizView>;
  reflections: Record<string, string>;
  savedReflectionId: string | null;
};

const ModuleContext = createContext<ModuleContextValue | null>(null);
export const ModuleProvider = ModuleContext.Provider;

export function useModuleContext(): ModuleContextValue {
  const value = useContext(ModuleContext);
  if (!value) throw new Error("Module components render only inside a module page");
  return value;
}
