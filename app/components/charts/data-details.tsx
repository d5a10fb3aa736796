import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../ui/data-table.tsx";

/**
 * The numbers behind a chart as a real table, folded under "Show the data":
 * the accessible alternative to the picture, and handy for anyone who wants exact figures.
 */
export function DataDetails({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
}) {
  const { t } = useTranslation();
  return (
    <details className="chart__data">
      <summary>{t("charts:showData")}</summary>
      <DataTable caption={caption} captionVisible columns={columns}>
        {rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, index) =>
              index === 0 ? (
                <th key={index} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={index}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </DataTable>
    </details>
  );
}

/** A missing value, read out as "no data" rather than a dash. */
export function NoData() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t("charts:noData")}</span>
    </>
  );
}
