// Grades the hand-labelled replies in tests/fixtures/empathy-labelled.jsonl and
// measures agreement per empathy criterion, separately for the dev part (which
// the rules may be tuned on) and the held-out part (which they must not be).
// The same format carries an organisation's own labels (models/grader-labels.server.ts);
// those may label only some criteria of a reply, because people judged only some.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { getContentPracticeCatalog } from "../../app/content/practice.server.ts";
import { agreement, type Agreement } from "../../app/engine/grading/agreement.ts";
import { gradeReply } from "../../app/engine/grading/reply.ts";

export const EMPATHY_CRITERIA = ["empathy.emotional-reaction", "empathy.interpretation", "empathy.exploration"] as const;
/** The first set, labelled with the phrase rules' authors; kept for comparison. */
export const LABELLED_FILE = "tests/fixtures/empathy-labelled.jsonl";
/** Replies per scenario, written and labelled to docs/empathy-labelling-guide.md. */
export const LABELLED_DIR = "tests/fixtures/empathy";
/** Chinese replies in both scripts, labelled to the same guide (rule 8). */
export const CHINESE_LABELLED_DIR = "tests/fixtures/empathy-zh";

const Level = z.union([z.literal(0), z.literal(1), z.literal(2)]);
/** One labelled reply, as a line of a .jsonl file. A criterion left out of `labels` was not judged, which is not 0. */
export const LabelledItemSchema = z.object({
  id: z.string(),
  split: z.enum(["dev", "held-out"]),
  /** The reply's language; English when absent. */
  lang: z.enum(["en", "zh-Hant", "zh-Hans"]).optional(),
  scenario: z.string().optional(),
  hard: z.enum(["stock-phrases", "wrong-topic", "sarcasm", "plain-words", "very-short", "very-long"]).nullable().optional(),
  customer: z.string(),
  agent: z.string(),
  labels: z
    .object({
      "empathy.emotional-reaction": Level.optional(),
      "empathy.interpretation": Level.optional(),
      "empathy.exploration": Level.optional(),
    })
    .strict()
    .refine((labels) => Object.values(labels).some((level) => level !== undefined), "label at least one criterion"),
  note: z.string(),
});
export type LabelledItem = z.infer<typeof LabelledItemSchema> & { source: string };

/** Parses the lines of one labelled file; `name` says where an invalid line is. */
export function parseLabelled(text: string, name: string): LabelledItem[] {
  return text
    .split("\n")
    .map((line, index) => ({ line, number: index + 1 }))
    .filter(({ line }) => line.trim() !== "")
    .map(({ line, number }) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new Error(`${name}:${number}: not a JSON object`);
      }
      const parsed = LabelledItemSchema.safeParse(json);
      if (!parsed.success)
        throw new Error(`${name}:${number}: ${parsed.error.issues[0].path.join(".")}: ${parsed.error.issues[0].message}`);
      return { ...parsed.data, source: name };
    });
}

export function readLabelFile(file: string): LabelledItem[] {
  return parseLabelled(fs.readFileSync(file, "utf8"), file);
}

/** Every labelled reply in the repository: the first set and the per-scenario files, each with all three labels. */
export function readLabelled(): LabelledItem[] {
  const perScenario = fs
    .readdirSync(LABELLED_DIR)
    .filter((name) => name.endsWith(".jsonl"))
    .sort()
    .map((name) => path.join(LABELLED_DIR, name));
  const items = [LABELLED_FILE, ...perScenario].flatMap(readLabelFile);
  // The held-out figures are only comparable from run to run if every reply is judged on every criterion.
  const partial = items.find((item) => EMPATHY_CRITERIA.some((id) => item.labels[id] === undefined));
  if (partial) throw new Error(`${partial.source}: ${partial.id} must carry all three labels`);
  return items;
}

/** Every labelled Chinese reply, each with all three labels. */
export function readChineseLabelled(): LabelledItem[] {
  if (!fs.existsSync(CHINESE_LABELLED_DIR)) return [];
  const items = fs
    .readdirSync(CHINESE_LABELLED_DIR)
    .filter((name) => name.endsWith(".jsonl"))
    .sort()
    .flatMap((name) => readLabelFile(path.join(CHINESE_LABELLED_DIR, name)));
  const partial = items.find((item) => EMPATHY_CRITERIA.some((id) => item.labels[id] === undefined));
  if (partial) throw new Error(`${partial.source}: ${partial.id} must carry all three labels`);
  const unmarked = items.find((item) => item.lang !== "zh-Hant" && item.lang !== "zh-Hans");
  if (unmarked) throw new Error(`${unmarked.source}: ${unmarked.id} must say its script in "lang"`);
  return items;
}

export type EvalReport = Record<(typeof EMPATHY_CRITERIA)[number], { dev: Agreement; heldOut: Agreement }>;

export async function evaluateEmpathy(items = readLabelled()): Promise<EvalReport> {
  const { rubrics } = await getContentPracticeCatalog();
  const empathy = rubrics.filter((rubric) => rubric.id === "empathy");
  const graded = items.map((item) => ({ item, grade: gradeReply(item.customer, item.agent, empathy) }));
  const levelOf = (grade: (typeof graded)[number]["grade"], id: string) => grade.criteria.find((criterion) => criterion.id === id)!.level;
  return Object.fromEntries(
    EMPATHY_CRITERIA.map((id) => {
      const pairs = (split: LabelledItem["split"]) =>
        graded
          .filter(({ item }) => item.split === split && item.labels[id] !== undefined)
          .map(({ item, grade }) => ({ human: item.labels[id]!, grader: levelOf(grade, id) }));
      return [id, { dev: agreement(pairs("dev")), heldOut: agreement(pairs("held-out")) }];
    }),
  ) as EvalReport;
}
