import type { Rubric } from "~/content/practice-schemas.ts";
import type { TextLanguage } from "../simulation/signals.ts";
import { analyseTranscript, gradeTurns, type Grade } from "./grade.ts";

/**
 * Grades one agent reply to one customer message: the criteria that need no scenario. With a
 * `language`, a reply in another language is graded as the customer would read it (not at all);
 * without one, the reply's own language is read.
 */
export function gradeReply(customer: string, agent: string, rubrics: Rubric[], language?: TextLanguage): Grade {
  const turns = analyseTranscript(
    [
      { from: "customer", text: customer },
      { from: "agent", text: agent },
    ],
    language ? { language } : {},
  );
  return gradeTurns(turns, rubrics);
}
