import { useId, type ReactNode } from "react";

type ColumnSpec = {
  label: ReactNode;
  /** For a column whose cells say what they are (a link, a button): still named for screen readers. */
  hidden?: boolean;
  /** Only on the column the rows are sorted by, so screen readers announce the order. */
  sort?: "ascending" | "descending";
};

/** A header; null, undefined and booleans leave the column out, so `condition && "Team"` works. */
export type DataTableColumn = ReactNode | ColumnSpec;

function isSpec(column: DataTableColumn): column is ColumnSpec {
  return typeof column === "object" && column !== null && "label" in column;
}

/**
 * A table that scrolls sideways on narrow screens, with one row of column headers. The caption is
 * its accessible name, so it is always there even when the page's heading already says it.
 */
export function DataTable({
  caption,
  captionVisible = false,
  columns,
  className,
  textOnly = false,
  children,
}: {
  caption: ReactNode;
  captionVisible?: boolean;
  columns: readonly DataTableColumn[];
  className?: string;
  /**
   * The rows hold no link or control: the scrolling box itself takes keyboard focus (named by the
   * caption), so a keyboard user can still scroll a table wider than the screen.
   */
  textOnly?: boolean;
  children: ReactNode;
}) {
  const captionId = useId();
  return (
    <div className="table-wrap" {...(textOnly ? { tabIndex: 0, role: "group", "aria-labelledby": captionId } : {})}>
      <table className={className}>
        <caption id={captionId} className={captionVisible ? undefined : "visually-hidden"}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns
              .filter((column) => column !== null && column !== undefined && typeof column !== "boolean")
              .map((column, index) => {
                const spec: ColumnSpec = isSpec(column) ? column : { label: column };
                return (
                  <th key={index} scope="col" aria-sort={spec.sort}>
                    {spec.hidden ? <span className="visually-hidden">{spec.label}</span> : spec.label}
                  </th>
                );
              })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
