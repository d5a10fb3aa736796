/** Agreement between grader levels and human labels for one criterion. */
export type Agreement = { count: number; accuracy: number; macroF1: number; kappa: number; levels: number[]; confusion: number[][] };

/** `confusion[human][grader]`; macro-F1 averages F1 over the levels people used. */
export function agreement(pairs: { human: number; grader: number }[], levels = [0, 1, 2]): Agreement {
  const index = new Map(levels.map((level, i) => [level, i]));
  const confusion = levels.map(() => levels.map(() => 0));
  for (const { human, grader } of pairs) {
    const row = index.get(human);
    const column = index.get(grader);
    if (row !== undefined && column !== undefined) confusion[row][column] += 1;
  }
  const f1s = levels
    .map((_, i) => {
      const truePositive = confusion[i][i];
      const predicted = confusion.reduce((sum, row) => sum + row[i], 0);
      const actual = confusion[i].reduce((sum, n) => sum + n, 0);
      if (actual === 0) return null;
      const precision = predicted === 0 ? 0 : truePositive / predicted;
      const recall = truePositive / actual;
      return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    })
    .filter((value): value is number => value !== null);
  const correct = levels.reduce((sum, _, i) => sum + confusion[i][i], 0);
  const counted = confusion.reduce((sum, row) => sum + row.reduce((a, n) => a + n, 0), 0);
  return {
    count: pairs.length,
    accuracy: pairs.length ? correct / pairs.length : 0,
    macroF1: f1s.length ? f1s.reduce((sum, value) => sum + value, 0) / f1s.length : 0,
    kappa: cohensKappa(confusion, counted),
    levels,
    confusion,
  };
}

/** Agreement beyond what the two sides' level frequencies would give by chance; 1 when both use one level alike. */
function cohensKappa(confusion: number[][], total: number): number {
  if (total === 0) return 0;
  const observed = confusion.reduce((sum, row, i) => sum + row[i], 0) / total;
  const expected = confusion.reduce((sum, row, i) => {
    const human = row.reduce((a, n) => a + n, 0);
    const grader = confusion.reduce((a, other) => a + other[i], 0);
    return sum + (human * grader) / (total * total);
  }, 0);
  return expected === 1 ? 1 : (observed - expected) / (1 - expected);
}
