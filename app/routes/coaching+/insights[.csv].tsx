import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/engine/coaching/insights.ts";
import { loadInsights } from "./insights-data.server.ts";

function fileSlug(name: string): string {
  return (
    name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "team"
  );
}

/** The insights page's per-agent table as a spreadsheet: the same rows, the same columns. */
export async function loader({ request }: LoaderFunctionArgs) {
  const now = new Date();
  const { table, scopeName } = await loadInsights(request, now);
  const filename = `team-insights-${fileSlug(scopeName)}-${now.toISOString().slice(0, 10)}.csv`;
  // A byte-order mark makes spreadsheet programs read the file as UTF-8 (names with accents, the en dash in headings).
  return new Response(`\uFEFF${toCsv(table)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
