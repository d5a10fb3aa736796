// Agreement statistics for calibration: how far people agree with the automatic grader (exact
// agreement, Cohen's kappa with a confidence interval) and with each other (Krippendorff's alpha).

/** A rater's level for a criterion; null = not applicable (N/A). */
export type Judgement = number | null;

const Z_95 = 1.959964;
const key = (judgement: Judgement) => (judgement === null ? "na" : String(judgement));

/** Share of pairs where both gave the same judgement (N/A equals N/A); null when there are no pairs. */
export function exactAgreement(pairs: Array<[Judgement, Judgement]>): number | null {
  if (pairs.length === 0) return null;
  return pairs.filter(([a, b]) => a === b).length / pairs.length;
}

export type KappaEstimate = { kappa: number; low: number; high: number; count: number };

const clamp = (value: number) => Math.max(-1, Math.min(1, value));

/**
 * Cohen's kappa between two raters over paired judgements, N/A being a category of its own. The 95%
 * interval uses the large-sample standard error sqrt(po(1 − po) / (n(1 − pe)²)) (Cohen 1960), clamped
 * to [−1, 1]. When both raters used one and the same category throughout (pe = 1), kappa is 1.
 */
export function cohensKappa(pairs: Array<[Judgement, Judgement]>): KappaEstimate | null {
  const n = pairs.length;
  if (n === 0) return null;
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  for (const [a, b] of pairs) {
    first.set(key(a), (first.get(key(a)) ?? 0) + 1);
    second.set(key(b), (second.get(key(b)) ?? 0) + 1);
  }
  const observed = pairs.filter(([a, b]) => a === b).length / n;
  let expected = 0;
  for (const [category, count] of first) expected += (count / n) * ((second.get(category) ?? 0) / n);
  if (expected >= 1) return { kappa: 1, low: 1, high: 1, count: n };
  const kappa = (observed - expected) / (1 - expected);
  const standardError = Math.sqrt((observed * (1 - observed)) / (n * (1 - expected) ** 2));
  return { kappa, low: clamp(kappa - Z_95 * standardError), high: clamp(kappa + Z_95 * standardError), count: n };
}

export type AlphaMetric = "nominal" | "ordinal" | "interval";

/**
 * Krippendorff's alpha for reliability data, from the coincidence matrix (Krippendorff 2011):
 * `units[u]` holds every rater's judgement of unit u, null where missing (not scored, or N/A).
 * Units with fewer than two values are not pairable and are left out. Null when nothing is
 * pairable; 1 when no disagreement is possible and none was observed.
 */
export function krippendorffAlpha(units: Judgement[][], metric: AlphaMetric): number | null {
  const pairable = units.map((unit) => unit.filter((value): value is number => value !== null)).filter((values) => values.length >= 2);
  if (pairable.length === 0) return null;
  const values = [...new Set(pairable.flat())].sort((a, b) => a - b);
  const index = new Map(values.map((value, i) => [value, i]));
  const coincidences = values.map(() => values.map(() => 0));
  for (const unit of pairable) {
    const weight = 1 / (unit.length - 1);
    for (let i = 0; i < unit.length; i++)
      for (let j = 0; j < unit.length; j++) if (i !== j) coincidences[index.get(unit[i])!][index.get(unit[j])!] += weight;
  }
  const marginals = coincidences.map((row) => row.reduce((sum, value) => sum + value, 0));
  const n = marginals.reduce((sum, value) => sum + value, 0);
  const distance = (c: number, k: number): number => {
    if (c === k) return 0;
    if (metric === "nominal") return 1;
    if (metric === "interval") return (values[c] - values[k]) ** 2;
    const [low, high] = c < k ? [c, k] : [k, c];
    let between = 0;
    for (let g = low; g <= high; g++) between += marginals[g];
    return (between - (marginals[c] + marginals[k]) / 2) ** 2;
  };
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < values.length; c++)
    for (let k = 0; k < values.length; k++) {
      observed += coincidences[c][k] * distance(c, k);
      expected += marginals[c] * marginals[k] * distance(c, k);
    }
  if (expected === 0) return observed === 0 ? 1 : null;
  return 1 - ((n - 1) * observed) / expected;
}

/** Highest minus lowest level among non-null judgements; 0 with fewer than two. */
export function spread(judgements: Judgement[]): number {
  const levels = judgements.filter((value): value is number => value !== null);
  return levels.length < 2 ? 0 : Math.max(...levels) - Math.min(...levels);
}

export type TrustRule = { minKappa: number; minJudged: number };

/**
 * A criterion needs human review when at least minJudged conversations were judged and kappa is
 * below minKappa. Fewer judged conversations are not enough evidence either way.
 */
export function needsHumanReview(estimate: KappaEstimate | null, rule: TrustRule): boolean {
  return estimate !== null && estimate.count >= rule.minJudged && estimate.kappa < rule.minKappa;
}

/** Kappa per consecutive window of `days` ending at `now`, oldest first; a window without pairs is null. */
export function kappaTrend(
  pairs: Array<{ at: Date; pair: [Judgement, Judgement] }>,
  now: Date,
  days: number,
  count: number,
): Array<KappaEstimate | null> {
  const windowMs = days * 86_400_000;
  return Array.from({ length: count }, (_, i) => {
    const end = now.getTime() - (count - 1 - i) * windowMs;
    const start = end - windowMs;
    return cohensKappa(pairs.filter(({ at }) => at.getTime() > start && at.getTime() <= end).map(({ pair }) => pair));
  });
}
