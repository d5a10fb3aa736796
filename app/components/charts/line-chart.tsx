import { useId } from "react";
import { DataDetails, NoData } from "./data-details.tsx";

export type LinePoint = { key: string; label: string; value: number | null; note?: string };

const WIDTH = 680;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 36, bottom: 40, left: 44 };

/**
 * Values over time on a 0–max scale. Gaps (no data that week) break the line
 * rather than pretending to be zero.
 */
export function LineChart({
  title,
  description,
  points,
  max = 100,
  xHeading,
  yHeading,
  noteHeading,
}: {
  title: string;
  description: string;
  points: LinePoint[];
  max?: number;
  xHeading: string;
  yHeading: string;
  noteHeading?: string;
}) {
  const id = useId();
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (index: number) => MARGIN.left + (points.length <= 1 ? plotWidth / 2 : (index * plotWidth) / (points.length - 1));
  const y = (value: number) => MARGIN.top + plotHeight - (Math.min(value, max) / max) * plotHeight;
  const segments: string[] = [];
  let current = "";
  points.forEach((point, index) => {
    if (point.value === null) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    current += `${current ? " L" : "M"} ${x(index).toFixed(1)} ${y(point.value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((share) => Math.round(share * max));
  const labelEvery = points.length > 8 ? 2 : 1;

  return (
    <figure className="chart">
      <svg className="chart__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} className="chart__grid" />
            <text x={MARGIN.left - 8} y={y(tick) + 4} textAnchor="end" className="chart__label">
              {tick}
            </text>
          </g>
        ))}
        {points.map((point, index) =>
          index % labelEvery === (points.length - 1) % labelEvery ? (
            <text key={point.key} x={x(index)} y={HEIGHT - MARGIN.bottom + 20} textAnchor="middle" className="chart__label">
              {point.label}
            </text>
          ) : null,
        )}
        {segments.map((d) => (
          <path key={d} d={d} className="chart__line" />
        ))}
        {points.map((point, index) =>
          point.value === null ? null : <circle key={point.key} cx={x(index)} cy={y(point.value)} r={4} className="chart__point" />,
        )}
      </svg>
      <DataDetails
        caption={title}
        columns={noteHeading ? [xHeading, yHeading, noteHeading] : [xHeading, yHeading]}
        rows={points.map((point) => ({
          key: point.key,
          cells: [point.label, point.value === null ? <NoData /> : point.value, ...(noteHeading ? [point.note ?? ""] : [])],
        }))}
      />
    </figure>
  );
}
