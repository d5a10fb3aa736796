// `npm run grader:train`: learns the empathy models from the dev part of the
// labelled replies, one per language, and writes app/engine/simulation/
// empathy-weights.json (English) and empathy-weights-zh.json (Chinese, both
// scripts). The held-out part is never read here. Deterministic: the same data
// gives the same files, byte for byte.
//
// `--labels FILE` (repeatable) adds an organisation's own labelled replies, as
// downloaded from /admin/grader-labels.jsonl, to the dev part of the model for
// each reply's language; a held-out line in such a file is refused, so the
// measured agreement stays honest. `--language en` or `--language zh` retrains
// only that language's model.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { EMPATHY_MECHANISMS, type EmpathyMechanism } from "../app/engine/simulation/empathy-model.ts";
import { languageOf, type TextLanguage } from "../app/engine/simulation/signals.ts";
import { readChineseLabelled, readLabelFile, readLabelled, type LabelledItem } from "./lib/empathy-eval.ts";
import { crossValidate, examplesOf, trainModel } from "./lib/empathy-train.ts";

const MODELS: { language: TextLanguage; name: string; file: string; version: string; labelled: () => LabelledItem[] }[] = [
  { language: "en", name: "English", file: "app/engine/simulation/empathy-weights.json", version: "empathy-lr", labelled: readLabelled },
  {
    language: "zh",
    name: "Chinese",
    file: "app/engine/simulation/empathy-weights-zh.json",
    version: "empathy-zh-lr",
    labelled: readChineseLabelled,
  },
];

const { values } = parseArgs({ options: { labels: { type: "string", multiple: true }, language: { type: "string" } } });
if (values.language && !MODELS.some((model) => model.language === values.language))
  throw new Error(`--language must be one of ${MODELS.map((model) => model.language).join(", ")}`);
const organisation = (values.labels ?? []).flatMap((file) => {
  const items = readLabelFile(file);
  const heldOut = items.find((item) => item.split === "held-out");
  if (heldOut) throw new Error(`${file}: ${heldOut.id} is marked held-out; organisation labels can only be training data.`);
  console.log(`Added ${items.length} organisation-labelled ${items.length === 1 ? "reply" : "replies"} from ${file}.`);
  return items;
});

for (const { language, name, file, version, labelled } of MODELS.filter(
  (model) => !values.language || model.language === values.language,
)) {
  const own = organisation.filter((item) => languageOf(item.agent) === language);
  const dev = [...labelled().filter((item) => item.split === "dev"), ...own];
  const examples = examplesOf(dev);
  console.log(`${name}: training on ${dev.length} dev replies; choosing regularisation by 4-fold cross-validation across their scenarios.`);
  const chosen = {} as Record<EmpathyMechanism, number>;
  for (const mechanism of EMPATHY_MECHANISMS) {
    const results = crossValidate(examples, mechanism);
    const best = results.reduce((a, b) => (b.macroF1 > a.macroF1 ? b : a));
    chosen[mechanism] = best.l2;
    console.log(`  ${mechanism.padEnd(18)} ${results.map((r) => `L2 ${r.l2}: ${r.macroF1.toFixed(3)}`).join("  ")}  → ${best.l2}`);
  }
  // The version says when organisation labels went in, so a grade's model version tells the two apart.
  const model = trainModel(examples, chosen, `${version}-${dev.length - own.length}${own.length ? `+org-${own.length}` : ""}`);
  fs.writeFileSync(file, `${JSON.stringify(model)}\n`);
  const size = EMPATHY_MECHANISMS.reduce((sum, mechanism) => sum + Object.keys(model.mechanisms[mechanism].weights).length, 0);
  console.log(`Wrote ${size} weights to ${file}.`);
}
