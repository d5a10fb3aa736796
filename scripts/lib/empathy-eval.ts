// Grades the hand-labelled replies in tests/fixtures/empathy-labelled.jsonl and
// measures agreement per empathy criterion, separately for the dev part (which
// the rules may be tuned on) and the held-out part (which they must not be).
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { getPracticeCatalog } from "../../app/content/practice.server.ts";
import { agreement, type Agreement } from "../../app/engine/grading/agreement.ts";
import { gradeReply } from "../../app/engine/grading/reply.ts";

export const EMPATHY_CRITERIA = ["empathy.emotional-reaction", "empathy.interpretation", "empathy.exploration"] as const;
/** The first set, labelled with the phrase rules' authors; kept for comparison. */
export const LABELLED_FILE = "tests/fixtures/empathy-labelled.jsonl";
/** Replies per scenario, written and labelled to docs/empathy-labelling-guide.md. */
export const LABELLED_DIR = "tests/fixtures/empathy";

const Level = z.union([z.literal(0), z.literal(1), z.literal(2)]);
const LabelledItem = z.object({
  id: z.string(),
  split: z.enum(["dev", "held-out"]),
  scenario: z.string().optional(),
  hard: z.enum(["stock-phrases", "wrong-topic", "sarcasm", "plain-words", "very-short", "very-long"]).nullable().optional(),
  customer: z.string(),
  agent: z.string(),
  labels: z.object({ "empathy.emotional-reaction": Level, "empathy.interpretation": Level, "empathy.exploration": Level }),
  note: z.string(),
});
export type LabelledItem = z.infer<typeof LabelledItem> & { source: string };

function readFile(file: string): LabelledItem[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, index) => {
      const parsed = LabelledItem.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(`${file}:${index + 1}: ${parsed.error.issues[0].path.join(".")}: ${parsed.error.issues[0].message}`);
      return { ...parsed.data, source: file };
    });
}

/** Every labelled reply: the first set and the per-scenario files. */
export function readLabelled(): LabelledItem[] {
  const perScenario = fs
    .readdirSync(LABELLED_DIR)
    .filter((name) => name.endsWith(".jsonl"))
    .sort()
    .map((name) => path.join(LABELLED_DIR, name));
  return [LABELLED_FILE, ...perScenario].flatMap(readFile);
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
        graded
          .filter(({ item }) => item.split === split)
          .map(({ item, grade }) => ({ human: item.labels[id], grader: levelOf(grade, id) }));
      return [id, { dev: agreement(pairs("dev")), heldOut: agreement(pairs("held-out")) }];
    }),
  ) as EvalReport;
}
