import { useId } from "react";
import { useTranslation } from "react-i18next";
import { DataDetails, NoData } from "./data-details.tsx";

export type HeatmapRow = { key: string; label: string; values: (number | null)[] };

// Single-hue blue steps (safe for colour-blind readers); every cell also prints
// its number in a colour with at least 4.5:1 contrast against the step.
const STEPS = [
  { from: 90, fill: "#173b9e", text: "#ffffff", label: "90–100" },
  { from: 75, fill: "#3d66d8", text: "#ffffff", label: "75–89" },
  { from: 60, fill: "#7a9be9", text: "#1b1f24", label: "60–74" },
  { from: 40, fill: "#b9cbf6", text: "#1b1f24", label: "40–59" },
  { from: 0, fill: "#e8eefc", text: "#1b1f24", label: "0–39" },
];
const EMPTY = { fill: "#f0f2f5", text: "#4e5865" };

function step(value: number | null) {
  return value === null ? EMPTY : (STEPS.find((candidate) => value >= candidate.from) ?? STEPS[STEPS.length - 1]);
}

const LABEL_WIDTH = 180;
const CELL_WIDTH = 92;
const CELL_HEIGHT = 28;
const HEADER_HEIGHT = 48;
const LEGEND_HEIGHT = 44;
const LEGEND_ENTRY_WIDTH = 76;

/** Splits a column heading over at most two lines at a space. */
function headingLines(label: string): string[] {
  if (label.length <= 13 || !label.includes(" ")) return [label];
  const middle = label.length / 2;
  const spaces = [...label.matchAll(/ /g)].map((match) => match.index!);
  const split = spaces.reduce((best, index) => (Math.abs(index - middle) < Math.abs(best - middle) ? index : best), spaces[0]);
  return [label.slice(0, split), label.slice(split + 1)];
}

function truncate(label: string, max = 24): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

/**
 * Rows × columns of 0–100 values as shaded cells, with the same numbers in a
 * table below. An optional summary row (a team average) is drawn first and set apart.
 */
export function Heatmap({
  title,
  description,
  columns,
  rows,
  summary,
  rowHeading,
}: {
  title: string;
  description: string;
  columns: { key: string; label: string }[];
  rows: HeatmapRow[];
  summary?: HeatmapRow;
  rowHeading: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const drawn = summary ? [summary, ...rows] : rows;
  const gap = summary ? 8 : 0;
  const width = LABEL_WIDTH + Math.max(columns.length * CELL_WIDTH, (STEPS.length + 1) * LEGEND_ENTRY_WIDTH);
  const gridHeight = drawn.length * CELL_HEIGHT + gap;
  const height = HEADER_HEIGHT + gridHeight + LEGEND_HEIGHT;
  const rowY = (index: number) => HEADER_HEIGHT + index * CELL_HEIGHT + (summary && index > 0 ? gap : 0);

  return (
    <figure className="chart">
      <svg className="chart__svg" viewBox={`0 0 ${width} ${height}`} width={width} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {columns.map((column, c) => (
          <text
            key={column.key}
            x={LABEL_WIDTH + c * CELL_WIDTH + CELL_WIDTH / 2}
            y={HEADER_HEIGHT - 8}
            textAnchor="middle"
            className="chart__label"
          >
            {headingLines(column.label).map((line, index, lines) => (
              <tspan key={line} x={LABEL_WIDTH + c * CELL_WIDTH + CELL_WIDTH / 2} dy={index === 0 ? -(lines.length - 1) * 14 : 14}>
                {line}
              </tspan>
            ))}
          </text>
        ))}
        {drawn.map((row, r) => (
          <g key={row.key}>
            <text
              x={LABEL_WIDTH - 8}
              y={rowY(r) + CELL_HEIGHT / 2 + 4}
              textAnchor="end"
              className={summary && r === 0 ? "chart__label chart__label--strong" : "chart__label"}
            >
              {truncate(row.label)}
            </text>
            {row.values.map((value, c) => {
              const colours = step(value);
              const x = LABEL_WIDTH + c * CELL_WIDTH;
              return (
                <g key={columns[c]?.key ?? c}>
                  <rect x={x + 1} y={rowY(r) + 1} width={CELL_WIDTH - 2} height={CELL_HEIGHT - 2} rx={3} fill={colours.fill} />
                  <text
                    x={x + CELL_WIDTH / 2}
                    y={rowY(r) + CELL_HEIGHT / 2 + 4}
                    textAnchor="middle"
                    fill={colours.text}
                    className="chart__cell-value"
                  >
                    {value === null ? "—" : value}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
        <g transform={`translate(${LABEL_WIDTH}, ${HEADER_HEIGHT + gridHeight + 14})`}>
          {[...STEPS].reverse().map((entry, index) => (
            <g key={entry.label} transform={`translate(${index * LEGEND_ENTRY_WIDTH}, 0)`}>
              <rect width={16} height={16} rx={3} fill={entry.fill} />
              <text x={22} y={12} className="chart__label">
                {entry.label}
              </text>
            </g>
          ))}
          <g transform={`translate(${STEPS.length * LEGEND_ENTRY_WIDTH}, 0)`}>
            <rect width={16} height={16} rx={3} fill={EMPTY.fill} stroke="#8a94a3" />
            <text x={22} y={12} className="chart__label">
              {t("charts:noData")}
            </text>
          </g>
        </g>
      </svg>
      <DataDetails
        caption={title}
        columns={[rowHeading, ...columns.map((column) => column.label)]}
        rows={drawn.map((row) => ({
          key: row.key,
          cells: [row.label, ...row.values.map((value, index) => (value === null ? <NoData key={index} /> : value))],
        }))}
      />
    </figure>
  );
}
