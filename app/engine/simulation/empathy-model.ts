// Empathy levels learned from labelled replies (docs/empathy-labelling-guide.md):
// one multinomial logistic regression per EPITOME mechanism over the features
// of engine/simulation/empathy-features.ts, trained by `npm run grader:train`
// into empathy-weights.json. Inference is a sum of weights and an argmax:
// pure, deterministic, and explained by the sentence that weighed most.
import type { SentenceFeatures } from "./empathy-features.ts";

export const EMPATHY_MECHANISMS = ["emotional-reaction", "interpretation", "exploration"] as const;
export type EmpathyMechanism = (typeof EMPATHY_MECHANISMS)[number];

type Triple = [number, number, number];

/** The weights file: per mechanism, a bias and, per feature, one weight for each level 0, 1, 2. */
export type EmpathyModel = {
  version: string;
  mechanisms: Record<EmpathyMechanism, { bias: Triple; weights: Record<string, Triple> }>;
};

/** One mechanism's weights, ready to read: a map is far quicker than a 25,000-key object. */
export type MechanismWeights = { bias: Triple; weights: Map<string, Triple> };

export type EmpathyReading = { level: 0 | 1 | 2; probabilities: Triple; evidence: { start: number; end: number } | null };

export function compileModel(model: EmpathyModel): Record<EmpathyMechanism, MechanismWeights> {
  return Object.fromEntries(
    EMPATHY_MECHANISMS.map((mechanism) => {
      const { bias, weights } = model.mechanisms[mechanism];
      return [mechanism, { bias, weights: new Map(Object.entries(weights)) }];
    }),
  ) as Record<EmpathyMechanism, MechanismWeights>;
}

/** The features present anywhere in the sentences, each once. */
export function replyFeatures(sentences: SentenceFeatures[]): string[] {
  const all = new Set<string>();
  for (const sentence of sentences) for (const feature of sentence.features) all.add(feature);
  return [...all];
}

export function scores(weights: MechanismWeights, features: string[]): Triple {
  const total: Triple = [...weights.bias];
  for (const feature of features) {
    const w = weights.weights.get(feature);
    if (!w) continue;
    total[0] += w[0];
    total[1] += w[1];
    total[2] += w[2];
  }
  return total;
}

export function softmax(values: Triple): Triple {
  const max = Math.max(...values);
  const exps = values.map((value) => Math.exp(value - max));
  const sum = exps[0] + exps[1] + exps[2];
  return [exps[0] / sum, exps[1] / sum, exps[2] / sum];
}

/** The level of one mechanism over a reply's features, and the sentence that argues most for it. */
export function readEmpathy(weights: MechanismWeights, features: string[], sentences: SentenceFeatures[]): EmpathyReading {
  const probabilities = softmax(scores(weights, features));
  const level = probabilities.indexOf(Math.max(...probabilities)) as 0 | 1 | 2;
  if (level === 0 || sentences.length === 0) return { level, probabilities, evidence: null };
  let best = sentences[0];
  let bestMargin = -Infinity;
  for (const sentence of sentences) {
    let margin = 0;
    for (const feature of sentence.features) {
      const w = weights.weights.get(feature);
      if (w) margin += w[level] - w[0];
    }
    if (margin > bestMargin) {
      bestMargin = margin;
      best = sentence;
    }
  }
  return { level, probabilities, evidence: { start: best.start, end: best.end } };
}

/**
 * A reply's reading on each mechanism. Exploration does not read a sentence holding one of
 * `notExploringAt`: a question the guide says explores nothing (Explorations, 0), such as a request
 * for a password or a card number.
 */
function readReply(
  model: Record<EmpathyMechanism, MechanismWeights>,
  sentences: SentenceFeatures[],
  notExploringAt: number[],
): { mechanism: EmpathyMechanism; reading: EmpathyReading }[] {
  return EMPATHY_MECHANISMS.flatMap((mechanism) => {
    const read =
      mechanism === "exploration"
        ? sentences.filter(({ start, end }) => !notExploringAt.some((at) => at >= start && at < Math.max(end, start + 1)))
        : sentences;
    return read.length === 0 ? [] : [{ mechanism, reading: readEmpathy(model[mechanism], replyFeatures(read), read) }];
  });
}

/** The mechanisms a reply shows (level 1 or 2), each with the sentence that argued most for it. */
export function learnedLevels(
  model: Record<EmpathyMechanism, MechanismWeights>,
  sentences: SentenceFeatures[],
  notExploringAt: number[],
): { mechanism: EmpathyMechanism; start: number; end: number; strength: "weak" | "strong" }[] {
  return readReply(model, sentences, notExploringAt).flatMap(({ mechanism, reading }) =>
    reading.level === 0 || !reading.evidence
      ? []
      : [{ mechanism, start: reading.evidence.start, end: reading.evidence.end, strength: reading.level === 2 ? "strong" : "weak" }],
  );
}
