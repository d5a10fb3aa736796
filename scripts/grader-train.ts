// `npm run grader:train`: learns the empathy model from the dev part of the
// labelled replies and writes app/engine/simulation/empathy-weights.json. The
// held-out part is never read here. Deterministic: the same data gives the same
// file, byte for byte.
import fs from "node:fs";
import { EMPATHY_MECHANISMS, type EmpathyMechanism } from "../app/engine/simulation/empathy-model.ts";
import { readLabelled } from "./lib/empathy-eval.ts";
import { crossValidate, examplesOf, trainModel } from "./lib/empathy-train.ts";

const WEIGHTS_FILE = "app/engine/simulation/empathy-weights.json";

const dev = readLabelled().filter((item) => item.split === "dev");
const examples = examplesOf(dev);
console.log(`Training on ${dev.length} dev replies; choosing regularisation by 4-fold cross-validation across their scenarios.`);
const chosen = {} as Record<EmpathyMechanism, number>;
for (const mechanism of EMPATHY_MECHANISMS) {
  const results = crossValidate(examples, mechanism);
  const best = results.reduce((a, b) => (b.macroF1 > a.macroF1 ? b : a));
  chosen[mechanism] = best.l2;
  console.log(`  ${mechanism.padEnd(18)} ${results.map((r) => `L2 ${r.l2}: ${r.macroF1.toFixed(3)}`).join("  ")}  → ${best.l2}`);
}
const model = trainModel(examples, chosen, `empathy-lr-${dev.length}`);
fs.writeFileSync(WEIGHTS_FILE, `${JSON.stringify(model)}\n`);
const size = EMPATHY_MECHANISMS.reduce((sum, mechanism) => sum + Object.keys(model.mechanisms[mechanism].weights).length, 0);
console.log(`Wrote ${size} weights to ${WEIGHTS_FILE}.`);
