import type { MeasureContent } from "~/models/mentoring.server.ts";
import { getCareerContent } from "./career.server.ts";

/** What the mentoring pages read from content: how to measure people, and competency names. */
export async function getMentoringContent() {
  const { competencies, difficultyOf } = await getCareerContent();
  const measure: MeasureContent = { competencyKeys: competencies.map((competency) => competency.key), difficultyOf };
  return { measure, competencies, competencyNames: new Map(competencies.map((competency) => [competency.key, competency.name])) };
}
