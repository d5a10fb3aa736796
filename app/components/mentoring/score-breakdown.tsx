import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { MAX_POINTS } from "~/engine/matching/score.ts";
import type { PartKey, ScorePart } from "~/engine/matching/types.ts";
import type { Formatter } from "~/i18n/format.ts";
import { translateMessage } from "~/i18n/message.ts";
import { useFormat } from "~/i18n/use-format.ts";

const PART_LABELS = {
  skills: "mentoring:score.part.skills",
  career: "mentoring:score.part.career",
  "time-zone": "mentoring:score.part.time-zone",
  "work-mode": "mentoring:score.part.work-mode",
  conflict: "mentoring:score.part.conflict",
} as const satisfies Record<PartKey, `mentoring:${string}`>;

const PART_MAX: Record<PartKey, number> = {
  skills: MAX_POINTS.skills,
  career: MAX_POINTS.career,
  "time-zone": MAX_POINTS.timeZone,
  "work-mode": MAX_POINTS.workMode + MAX_POINTS.remoteBonus,
  conflict: 0,
};

export const MAX_SCORE = Object.values(PART_MAX).reduce((sum, points) => sum + points, 0);

/** Points as whole numbers: a score's decimals mean nothing to the reader. */
export function formatPoints(format: Formatter, points: number): string {
  return format.number(points, { maximumFractionDigits: 0 });
}

/** Every part of a match score with its reason in words; `collapsed` tucks them behind the total. */
export function ScoreBreakdown({ score, collapsed = false }: { score: { total: number; parts: ScorePart[] }; collapsed?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const parts = (
    <dl className="facts">
      {score.parts.map((part) => (
        <Fragment key={part.key}>
          <dt>
            {PART_MAX[part.key] > 0
              ? t("mentoring:score.partPoints", {
                  part: t(PART_LABELS[part.key]),
                  points: formatPoints(format, part.points),
                  max: PART_MAX[part.key],
                })
              : t(PART_LABELS[part.key])}
          </dt>
          <dd>{translateMessage(t, part.explanation)}</dd>
        </Fragment>
      ))}
    </dl>
  );
  const points = formatPoints(format, score.total);
  if (!collapsed) {
    return (
      <div className="score-breakdown">
        <p className="score-breakdown__total">{t("mentoring:score.total", { points, max: MAX_SCORE })}</p>
        {parts}
      </div>
    );
  }
  return (
    <details className="score-breakdown">
      <summary>{t("mentoring:score.why", { points, max: MAX_SCORE })}</summary>
      {parts}
    </details>
  );
}
