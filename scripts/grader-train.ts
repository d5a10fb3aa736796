// `npm run grader:train`: learns the empathy model from the dev part of the
// labelled replies and writes app/engine/simulation/empathy-weights.json. The
// held-out part is never read here. Deterministic: the same data gives the same
// file, byte for byte.
//
// `--labels FILE` (repeatable) adds an organisation's own labelled replies, as
// downloaded from /admin/grader-labels.jsonl, to the dev part; a held-out line in
// such a file is refused, so the measured agreement stays honest.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { EMPATHY_MECHANISMS, type EmpathyMechanism } from "../app/engine/simulation/empathy-model.ts";
import { readLabelFile, readLabelled } from "./lib/empathy-eval.ts";
import { crossValidate, examplesOf, trainModel } from "./lib/empathy-train.ts";

const WEIGHTS_FILE = "app/engine/simulation/empathy-weights.json";

const { values } = parseArgs({ options: { labels: { type: "string", multiple: true } } });
const organisation = (values.labels ?? []).flatMap((file) => {
  const items = readLabelFile(file);
  const heldOut = items.find((item) => item.split === "held-out");
  if (heldOut) throw new Error(`${file}: ${heldOut.id} is marked held-out; organisation labels can only be training data.`);
  console.log(`Added ${items.length} organisation-labelled ${items.length === 1 ? "reply" : "replies"} from ${file}.`);
  return items;
});
const dev = [...readLabelled().filter((item) => item.split === "dev"), ...organisation];
const examples = examplesOf(dev);
console.log(`Training on ${dev.length} dev replies; choosing regularisation by 4-fold cross-validation across their scenarios.`);
const chosen = {} as Record<EmpathyMechanism, number>;
for (const mechanism of EMPATHY_MECHANISMS) {
  const results = crossValidate(examples, mechanism);
  const best = results.reduce((a, b) => (b.macroF1 > a.macroF1 ? b : a));
  chosen[mechanism] = best.l2;
  console.log(`  ${mechanism.padEnd(18)} ${results.map((r) => `L2 ${r.l2}: ${r.macroF1.toFixed(3)}`).join("  ")}  → ${best.l2}`);
}
// The version says when organisation labels went in, so a grade's model version tells the two apart.
const version = organisation.length
  ? `empathy-lr-${dev.length - organisation.length}+org-${organisation.length}`
  : `empathy-lr-${dev.length}`;
const model = trainModel(examples, chosen, version);
fs.writeFileSync(WEIGHTS_FILE, `${JSON.stringify(model)}\n`);
const size = EMPATHY_MECHANISMS.reduce((sum, mechanism) => sum + Object.keys(model.mechanisms[mechanism].weights).length, 0);
console.log(`Wrote ${size} weights to ${WEIGHTS_FILE}.`);
