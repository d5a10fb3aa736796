import type { MeasureContent } from "~/models/matching-pool.server.ts";
import { getCareerContent } from "./career.server.ts";

/** What the mentoring pages read from content: how to measure people, and competency names. */
export async function getMentoringContent() {
  const { competencies, difficultyOf } = await getCareerContent();
  const competencyNames = new Map(competencies.map((competency) => [competency.key, competency.name]));
  const measure: MeasureContent = {
    competencyKeys: competencies.map((competency) => competency.key),
    difficultyOf,
    competencyName: (key) => competencyNames.get(key) ?? key,
  };
  return { measure, competencies, competencyNames };
}
