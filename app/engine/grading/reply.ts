import type { Rubric } from "~/content/practice-schemas.ts";
import { analyseTranscript, gradeTurns, type Grade } from "./grade.ts";

/** Grades one agent reply to one customer message: the criteria that need no scenario. */
export function gradeReply(customer: string, agent: string, rubrics: Rubric[]): Grade {
  const turns = analyseTranscript([
    { from: "customer", text: customer },
    { from: "agent", text: agent },
  ]);
  return gradeTurns(turns, rubrics);
}
