import { useId } from "react";
import { useTranslation } from "react-i18next";
import { DataDetails } from "./data-details.tsx";

export type Bar = { key: string; label: string; value: number };

const LABEL_WIDTH = 180;
const PLOT_WIDTH = 420;
const VALUE_WIDTH = 70;
const ROW_HEIGHT = 24;
const TOP = 30;

function truncate(label: string, max = 24): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

/** Horizontal bars, one per row, against a labelled reference line (a benchmark). */
export function BarChart({
  title,
  description,
  bars,
  reference,
  unit,
  labelHeading,
  valueHeading,
}: {
  title: string;
  description: string;
  bars: Bar[];
  reference: { value: number; label: string };
  unit: string;
  labelHeading: string;
  valueHeading: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const max = Math.max(reference.value, ...bars.map((bar) => bar.value)) * 1.1 || 1;
  const scale = (value: number) => (value / max) * PLOT_WIDTH;
  const width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH;
  const height = TOP + bars.length * ROW_HEIGHT + 8;
  const referenceX = LABEL_WIDTH + scale(reference.value);

  return (
    <figure className="chart">
      <svg className="chart__svg" viewBox={`0 0 ${width} ${height}`} width={width} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {bars.map((bar, index) => {
          const y = TOP + index * ROW_HEIGHT;
          return (
            <g key={bar.key}>
              <text x={LABEL_WIDTH - 8} y={y + ROW_HEIGHT / 2 + 4} textAnchor="end" className="chart__label">
                {truncate(bar.label)}
              </text>
              <rect x={LABEL_WIDTH} y={y + 4} width={Math.max(scale(bar.value), 1)} height={ROW_HEIGHT - 8} rx={2} className="chart__bar" />
              <text x={LABEL_WIDTH + scale(bar.value) + 6} y={y + ROW_HEIGHT / 2 + 4} className="chart__value">
                {t("charts:value", { value: bar.value, unit })}
              </text>
            </g>
          );
        })}
        <line x1={referenceX} x2={referenceX} y1={TOP - 6} y2={height - 4} className="chart__reference" />
        <text x={referenceX} y={TOP - 12} textAnchor="middle" className="chart__label chart__label--reference">
          {reference.label}
        </text>
      </svg>
      <DataDetails
        caption={title}
        columns={[labelHeading, valueHeading, t("charts:against", { reference: reference.label })]}
        rows={bars.map((bar) => {
          const difference = Math.round((bar.value - reference.value) * 10) / 10;
          return {
            key: bar.key,
            cells: [
              bar.label,
              t("charts:value", { value: bar.value, unit }),
              t("charts:difference", { difference: `${difference >= 0 ? "+" : ""}${difference}`, unit }),
            ],
          };
        })}
      />
    </figure>
  );
}
