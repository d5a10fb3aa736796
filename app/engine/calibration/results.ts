// A closed calibration session's results: every rater beside the automatic grader, disagreements first,
// and per criterion how far people agree with the grader and with each other.
import {
  cohensKappa,
  exactAgreement,
  krippendorffAlpha,
  spread,
  type Judgement,
  type KappaEstimate,
} from "../grading/calibration-stats.ts";

export type ResultRater = { id: string; name: string };
export type GraderCell = { level: Judgement; turn: number | null; quote: string | null };
export type Rating = { level: Judgement; comment: string | null };

export type ResultItem = {
  id: string;
  /** criterion id → the automatic grade */
  grader: Record<string, GraderCell>;
  /** rater id → criterion id → rating */
  ratings: Record<string, Record<string, Rating>>;
  /** criterion id → the level the organiser agreed */
  benchmarks: Record<string, Judgement>;
};

export type CellResult = {
  criterionId: string;
  grader: GraderCell | null;
  ratings: Array<ResultRater & Rating>;
  /** Highest minus lowest level among the people's ratings. */
  spread: number;
  /** People disagree among themselves or with the grader. */
  disagreement: boolean;
  /** undefined until the organiser records one; null is an agreed N/A. */
  benchmark: Judgement | undefined;
};

export type ItemResult = { id: string; cells: CellResult[]; disagreements: number };

export type CriterionSummary = {
  criterionId: string;
  /** Conversations at least one person rated on this criterion. */
  judged: number;
  /** Share of (rating, grader) pairs that match. */
  exactAgreement: number | null;
  raters: Array<ResultRater & { kappa: KappaEstimate | null }>;
  /** Krippendorff's alpha (ordinal) across the people; the grader is not one of them. */
  alpha: number | null;
};

export type SessionResults = { items: ItemResult[]; criteria: CriterionSummary[] };

function cellOf(item: ResultItem, criterionId: string, raters: ResultRater[]): CellResult {
  const grader = item.grader[criterionId] ?? null;
  const ratings = raters.flatMap((rater) => {
    const rating = item.ratings[rater.id]?.[criterionId];
    return rating ? [{ ...rater, ...rating }] : [];
  });
  const levels = ratings.map((rating) => rating.level);
  const disagreement = new Set([...levels, ...(grader && ratings.length ? [grader.level] : [])]).size > 1;
  return {
    criterionId,
    grader,
    ratings,
    spread: spread(levels),
    disagreement,
    benchmark: Object.hasOwn(item.benchmarks, criterionId) ? item.benchmarks[criterionId] : undefined,
  };
}

function summarise(items: ResultItem[], criterionId: string, raters: ResultRater[]): CriterionSummary {
  const pairsWithGrader = (raterIds: string[]) =>
    items.flatMap((item): Array<[Judgement, Judgement]> => {
      const grader = item.grader[criterionId];
      if (!grader) return [];
      return raterIds.flatMap((raterId) => {
        const rating = item.ratings[raterId]?.[criterionId];
        return rating ? [[rating.level, grader.level]] : [];
      });
    });
  const units = items.map((item) => raters.map((rater) => item.ratings[rater.id]?.[criterionId]?.level ?? null));
  return {
    criterionId,
    judged: items.filter((item) => raters.some((rater) => item.ratings[rater.id]?.[criterionId])).length,
    exactAgreement: exactAgreement(pairsWithGrader(raters.map((rater) => rater.id))),
    raters: raters.map((rater) => ({ ...rater, kappa: cohensKappa(pairsWithGrader([rater.id])) })),
    alpha: krippendorffAlpha(units, "ordinal"),
  };
}

/**
 * Conversations with the most disagreements come first and, within one, the criteria people
 * disagreed on: that is where a calibration discussion starts.
 */
export function sessionResults(criterionIds: string[], raters: ResultRater[], items: ResultItem[]): SessionResults {
  const itemResults = items
    .map((item, position) => {
      const cells = criterionIds.map((criterionId) => cellOf(item, criterionId, raters));
      const ordered = [...cells].sort((a, b) => Number(b.disagreement) - Number(a.disagreement) || b.spread - a.spread);
      return { id: item.id, cells: ordered, disagreements: cells.filter((cell) => cell.disagreement).length, position };
    })
    .sort(
      (a, b) =>
        b.disagreements - a.disagreements ||
        Math.max(0, ...b.cells.map((cell) => cell.spread)) - Math.max(0, ...a.cells.map((cell) => cell.spread)) ||
        a.position - b.position,
    )
    .map(({ position: _position, ...item }) => item);
  return { items: itemResults, criteria: criterionIds.map((criterionId) => summarise(items, criterionId, raters)) };
}
