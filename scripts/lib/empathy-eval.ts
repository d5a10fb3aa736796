// Grades the hand-labelled replies in tests/fixtures/empathy-labelled.jsonl and
// measures agreement per empathy criterion, separately for the dev part (which
// the rules may be tuned on) and the held-out part (which they must not be).
import fs from "node:fs";
import { z } from "zod";
import { getPracticeCatalog } from "../../app/content/practice.server.ts";
import { agreement, type Agreement } from "../../app/engine/grading/agreement.ts";
import { gradeReply } from "../../app/engine/grading/reply.ts";

export const EMPATHY_CRITERIA = ["empathy.emotional-reaction", "empathy.interpretation", "empathy.exploration"] as const;
export const LABELLED_FILE = "tests/fixtures/empathy-labelled.jsonl";

const Level = z.union([z.literal(0), z.literal(1), z.literal(2)]);
const LabelledItem = z.object({
  id: z.string(),
  split: z.enum(["dev", "held-out"]),
  customer: z.string(),
  agent: z.string(),
  labels: z.object({ "empathy.emotional-reaction": Level, "empathy.interpretation": Level, "empathy.exploration": Level }),
  note: z.string(),
});
export type LabelledItem = z.infer<typeof LabelledItem>;

export function readLabelled(file = LABELLED_FILE): LabelledItem[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, index) => {
      const parsed = LabelledItem.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${index + 1}: ${parsed.error.issues[0].path.join(".")}: ${parsed.error.issues[0].message}`);
      return parsed.data;
    });
}

export type EvalReport = Record<(typeof EMPATHY_CRITERIA)[number], { dev: Agreement; heldOut: Agreement }>;

export async function evaluateEmpathy(items = readLabelled()): Promise<EvalReport> {
  const { rubrics } = await getPracticeCatalog();
  const empathy = rubrics.filter((rubric) => rubric.id === "empathy");
  const graded = items.map((item) => ({ item, grade: gradeReply(item.customer, item.agent, empathy) }));
  const levelOf = (grade: (typeof graded)[number]["grade"], id: string) => grade.criteria.find((criterion) => criterion.id === id)!.level;
  return Object.fromEntries(
    EMPATHY_CRITERIA.map((id) => {
      const pairs = (split: LabelledItem["split"]) =>
        graded.filter(({ item }) => item.split === split).map(({ item, grade }) => ({ human: item.labels[id], grader: levelOf(grade, id) }));
      return [id, { dev: agreement(pairs("dev")), heldOut: agreement(pairs("held-out")) }];
    }),
  ) as EvalReport;
}
