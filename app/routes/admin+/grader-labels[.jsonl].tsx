import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { optionalFilter, parseCalendarDay } from "~/domain/fields.ts";
import { exportLabels, recordLabelsExport, toJsonLines } from "~/models/grader-labels.server.ts";
import { requireRole } from "~/utils/permissions.server.ts";
import { parseSearchParams } from "~/utils/request.server.ts";

const LabelsQuerySchema = z.object({
  since: optionalFilter(
    z
      .string()
      .refine((value) => parseCalendarDay(value) !== null, "use a real date like 2026-01-31")
      .transform((value) => parseCalendarDay(value)!),
  ),
});

/**
 * The organisation's calibration benchmarks and overrides as labelled replies, for
 * `npm run grader:train -- --labels` (docs/grader-calibration.md). `?since=YYYY-MM-DD`
 * keeps only judgements made from that day on.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const { since } = parseSearchParams(request, LabelsQuerySchema);
  const lines = await exportLabels({ since });
  // Conversations leave Frontline in this file, so who took them is on record.
  await recordLabelsExport(admin.id, lines, since);
  return new Response(toJsonLines(lines), {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="frontline-labels-${new Date().toISOString().slice(0, 10)}.jsonl"`,
      "Cache-Control": "private, no-store",
    },
  });
}
