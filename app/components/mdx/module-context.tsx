import { createContext, useContext } from "react";

export type QuestionFeedback = { selected: string[]; correctChoiceIds: string[]; correct: boolean; explanation: string };

export type QuizView = {
  id: string;
  passPercent: number;
  /** The latest graded attempt; present only after the person has submitted. */
  latest: { scorePercent: number; passed: boolean; feedback: Record<string, QuestionFeedback> } | null;
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
