import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { MAX_POINTS } from "~/engine/matching/score.ts";
import type { PartKey, ScorePart } from "~/engine/matching/types.ts";
import { translateMessage } from "~/i18n/message.ts";

const PART_LABELS: Record<PartKey, string> = {
  skills: "Skills",
  career: "Career relevance",
  "time-zone": "Time-zone overlap",
  "work-mode": "Work mode",
  conflict: "Conflicts",
};

const PART_MAX: Record<PartKey, number> = {
  skills: MAX_POINTS.skills,
  career: MAX_POINTS.career,
  "time-zone": MAX_POINTS.timeZone,
  "work-mode": MAX_POINTS.workMode + MAX_POINTS.remoteBonus,
  conflict: 0,
};

export const MAX_SCORE = Object.values(PART_MAX).reduce((sum, points) => sum + points, 0);

export function formatPoints(points: number): string {
  return points.toLocaleString("en", { maximumFractionDigits: 0 });
}

/** Every part of a match score with its reason in words; `collapsed` tucks them behind the total. */
export function ScoreBreakdown({ score, collapsed = false }: { score: { total: number; parts: ScorePart[] }; collapsed?: boolean }) {
  const { t } = useTranslation();
  const parts = (
    <dl className="facts">
      {score.parts.map((part) => (
        <Fragment key={part.key}>
          <dt>
            {PART_MAX[part.key] > 0
              ? `${PART_LABELS[part.key]} · ${formatPoints(part.points)} of ${PART_MAX[part.key]}`
              : PART_LABELS[part.key]}
          </dt>
          <dd>{translateMessage(t, part.explanation)}</dd>
        </Fragment>
      ))}
    </dl>
  );
  const total = `Match score ${formatPoints(score.total)} of ${MAX_SCORE}`;
  if (!collapsed) {
    return (
      <div className="score-breakdown">
        <p className="score-breakdown__total">{total}</p>
        {parts}
      </div>
    );
  }
  return (
    <details className="score-breakdown">
      <summary>{total}: why</summary>
      {parts}
    </details>
  );
}
