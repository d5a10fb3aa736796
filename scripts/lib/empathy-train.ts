// Training the empathy model (engine/simulation/empathy-model.ts): multinomial
// logistic regression per mechanism, full-batch AdaGrad with L2, classes
// weighted equally. Its regularisation is chosen by cross-validation on the dev
// part alone, so the held-out part never influences a weight. A reply without a
// label for a mechanism (an organisation's label covers only what people judged)
// is left out of that mechanism's training, never taken as 0.
import { agreement } from "../../app/engine/grading/agreement.ts";
import {
  EMPATHY_MECHANISMS,
  replyFeatures,
  scores,
  softmax,
  type EmpathyMechanism,
  type EmpathyModel,
  type MechanismWeights,
} from "../../app/engine/simulation/empathy-model.ts";
import { empathySentenceFeatures } from "../../app/engine/simulation/signals.ts";
import type { LabelledItem } from "./empathy-eval.ts";

type Level = 0 | 1 | 2;
export type Example = { group: string; features: string[]; levels: Partial<Record<EmpathyMechanism, Level>> };

const EPOCHS = 300;
const LEARNING_RATE = 0.5;
const MIN_REPLIES_PER_FEATURE = 2;
export const L2_CANDIDATES = [0.0005, 0.002, 0.008, 0.03];

export function examplesOf(items: LabelledItem[]): Example[] {
  return items.map((item) => ({
    group: item.scenario ?? "general",
    features: replyFeatures(empathySentenceFeatures(item.agent, { customerMessage: item.customer })),
    levels: {
      "emotional-reaction": item.labels["empathy.emotional-reaction"],
      interpretation: item.labels["empathy.interpretation"],
      exploration: item.labels["empathy.exploration"],
    },
  }));
}

/** One mechanism's view of the examples. */
type MechanismExample = { group: string; features: string[]; level: Level };
const forMechanism = (examples: Example[], mechanism: EmpathyMechanism): MechanismExample[] =>
  examples.flatMap((example) => {
    const level = example.levels[mechanism];
    return level === undefined ? [] : [{ group: example.group, features: example.features, level }];
  });

/** Keeps features seen in at least two training replies: one-off words teach nothing general. */
function withVocabulary(examples: MechanismExample[]): MechanismExample[] {
  const seen = new Map<string, number>();
  for (const example of examples) for (const feature of example.features) seen.set(feature, (seen.get(feature) ?? 0) + 1);
  return examples.map((example) => ({
    ...example,
    features: example.features.filter((feature) => (seen.get(feature) ?? 0) >= MIN_REPLIES_PER_FEATURE),
  }));
}

function trainMechanism(examples: MechanismExample[], l2: number, epochs = EPOCHS): MechanismWeights {
  const counts = [0, 0, 0];
  for (const example of examples) counts[example.level] += 1;
  const classWeight = counts.map((count) => (count === 0 ? 0 : examples.length / (3 * count)));
  const model: MechanismWeights = { bias: [0, 0, 0], weights: new Map() };
  for (const example of examples)
    for (const feature of example.features) if (!model.weights.has(feature)) model.weights.set(feature, [0, 0, 0]);
  const squared = new Map<string, number[]>();
  const biasSquared = [1e-8, 1e-8, 1e-8];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const gradient = new Map<string, number[]>();
    const biasGradient = [0, 0, 0];
    for (const example of examples) {
      const probabilities = softmax(scores(model, example.features));
      const level = example.level;
      for (let k = 0; k < 3; k++) {
        const error = classWeight[level] * (probabilities[k] - (level === k ? 1 : 0));
        biasGradient[k] += error;
        for (const feature of example.features) {
          let g = gradient.get(feature);
          if (!g) gradient.set(feature, (g = [0, 0, 0]));
          g[k] += error;
        }
      }
    }
    for (const [feature, g] of gradient) {
      const w = model.weights.get(feature)!;
      let s = squared.get(feature);
      if (!s) squared.set(feature, (s = [1e-8, 1e-8, 1e-8]));
      for (let k = 0; k < 3; k++) {
        const step = g[k] / examples.length + l2 * w[k];
        s[k] += step * step;
        w[k] -= (LEARNING_RATE * step) / Math.sqrt(s[k]);
      }
    }
    for (let k = 0; k < 3; k++) {
      const step = biasGradient[k] / examples.length;
      biasSquared[k] += step * step;
      model.bias[k] -= (LEARNING_RATE * step) / Math.sqrt(biasSquared[k]);
    }
  }
  return model;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** Rounded, with negligible weights dropped and features in a fixed order, so the file is stable. */
function compact(model: MechanismWeights): EmpathyModel["mechanisms"][EmpathyMechanism] {
  const kept = [...model.weights]
    .filter(([, w]) => Math.max(...w.map(Math.abs)) >= 0.005)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([feature, w]): [string, [number, number, number]] => [feature, [round(w[0]), round(w[1]), round(w[2])]]);
  return { bias: [round(model.bias[0]), round(model.bias[1]), round(model.bias[2])], weights: Object.fromEntries(kept) };
}

/** `epochs` below the default trades a little fit for speed (tests); the committed weights use the default. */
export function trainModel(
  examples: Example[],
  l2: Record<EmpathyMechanism, number>,
  version: string,
  { epochs = EPOCHS }: { epochs?: number } = {},
): EmpathyModel {
  const mechanisms = Object.fromEntries(
    EMPATHY_MECHANISMS.map((mechanism) => [
      mechanism,
      compact(trainMechanism(withVocabulary(forMechanism(examples, mechanism)), l2[mechanism], epochs)),
    ]),
  ) as EmpathyModel["mechanisms"];
  return { version, mechanisms };
}

/**
 * Mean macro-F1 over `folds` folds for each L2 candidate. Folds hold whole
 * scenarios, so the estimate is for situations the model has not seen.
 */
export function crossValidate(all: Example[], mechanism: EmpathyMechanism, folds = 4): { l2: number; macroF1: number }[] {
  const examples = forMechanism(all, mechanism);
  const groups = [...new Set(examples.map((example) => example.group))].sort();
  const foldOf = (example: MechanismExample) => groups.indexOf(example.group) % folds;
  return L2_CANDIDATES.map((l2) => {
    let total = 0;
    for (let fold = 0; fold < folds; fold++) {
      const training = withVocabulary(examples.filter((example) => foldOf(example) !== fold));
      const testing = examples.filter((example) => foldOf(example) === fold);
      const weights = trainMechanism(training, l2);
      const pairs = testing.map((example) => {
        const probabilities = softmax(scores(weights, example.features));
        return { human: example.level, grader: probabilities.indexOf(Math.max(...probabilities)) };
      });
      total += agreement(pairs).macroF1;
    }
    return { l2, macroF1: total / folds };
  });
}
