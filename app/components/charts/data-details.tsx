import type { ReactNode } from "react";

/**
 * The numbers behind a chart as a real table, folded under "Show the data":
 * the accessible alternative to the picture, and handy for anyone who wants exact figures.
 */
export function DataDetails({ caption, columns, rows }: { caption: string; columns: string[]; rows: { key: string; cells: ReactNode[] }[] }) {
  return (
    <details className="chart__data">
      <summary>Show the data</summary>
      <div className="table-wrap">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** A missing value, read out as "no data" rather than a dash. */
export function NoData() {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">no data</span>
    </>
  );
}
