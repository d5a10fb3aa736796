import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FilterBar, isFiltered, type FilterControl } from "~/components/forms/filter-bar.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, AUDIT_TARGET_TYPE_LABELS, AUDIT_TARGET_TYPES, auditActionLabel } from "~/domain/audit.ts";
import { optionalFilter, PageSchema } from "~/domain/fields.ts";
import { AUDIT_PAGE_SIZE } from "~/domain/pages.ts";
import { listAuditActors, listAuditEvents } from "~/models/audit.server.ts";
import { formatDateTime } from "~/utils/format.ts";
import { requireRole } from "~/utils/permissions.server.ts";
import { parseSearchParams } from "~/utils/request.server.ts";

const DateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "use a date like 2026-01-31")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    // 2026-02-31 parses as 3 March; only a date that survives the round trip is real.
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, "use a real date")
  .transform((value) => new Date(`${value}T00:00:00Z`));

const AuditQuerySchema = z.object({
  action: optionalFilter(z.enum(AUDIT_ACTIONS)),
  actor: optionalFilter(z.string().max(50)),
  targetType: optionalFilter(z.enum(AUDIT_TARGET_TYPES)),
  targetId: optionalFilter(z.string().max(50)),
  from: optionalFilter(DateParam),
  to: optionalFilter(DateParam),
  page: PageSchema,
});

const DAY_MS = 86_400_000;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const query = parseSearchParams(request, AuditQuerySchema);
  const [{ total, events }, actors] = await Promise.all([
    listAuditEvents(
      {
        action: query.action,
        actorId: query.actor,
        targetType: query.targetType,
        targetId: query.targetId,
        from: query.from,
        // "to" is inclusive: everything before the start of the next day
        to: query.to ? new Date(query.to.getTime() + DAY_MS) : undefined,
      },
      query.page,
    ),
    listAuditActors(),
  ]);
  const params = new URL(request.url).searchParams;
  return {
    total,
    page: query.page,
    filters: {
      action: query.action ?? "",
      actor: query.actor ?? "",
      targetType: query.targetType ?? "",
      targetId: query.targetId ?? "",
      from: params.get("from") ?? "",
      to: params.get("to") ?? "",
    },
    actors,
    events: events.map((event) => ({
      id: event.id,
      at: event.createdAt.toISOString(),
      actor: event.actor?.name ?? "system",
      action: auditActionLabel(event.action),
      targetType: event.targetType,
      targetId: event.targetId,
      summary: event.summary,
      details: Object.keys(event.details).length === 0 ? null : JSON.stringify(event.details, null, 2),
    })),
  };
}

export default function AuditLogPage() {
  const { total, page, filters, actors, events } = useLoaderData<typeof loader>();
  const controls: FilterControl[] = [
    {
      kind: "select",
      name: "action",
      label: "Action",
      any: "Any action",
      options: AUDIT_ACTIONS.map((action) => ({ value: action, label: AUDIT_ACTION_LABELS[action] })),
    },
    {
      kind: "select",
      name: "actor",
      label: "Changed by",
      any: "Anyone",
      options: actors.map((actor) => ({ value: actor.id, label: actor.name })),
    },
    {
      kind: "select",
      name: "targetType",
      label: "About",
      any: "Anything",
      options: AUDIT_TARGET_TYPES.map((type) => ({ value: type, label: AUDIT_TARGET_TYPE_LABELS[type] })),
    },
    { kind: "date", name: "from", label: "From" },
    { kind: "date", name: "to", label: "To" },
  ];
  const filtered = isFiltered(controls, filters) || Boolean(filters.targetId);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change to people and teams, newest first. Entries are append-only."
        actions={<Link to="/admin">Back to admin</Link>}
      />
      <FilterBar
        label="Filter the audit log"
        idPrefix="audit"
        controls={controls}
        values={filters}
        clearTo="/admin/audit"
        hidden={{ targetId: filters.targetId }}
      />
      <p className="muted" role="status">
        {total} {total === 1 ? "entry" : "entries"}
        {filters.targetId ? " about one record" : ""}
      </p>
      {events.length === 0 ? (
        <EmptyState title={filtered ? "No entries match these filters" : "Nothing recorded yet"} />
      ) : (
        <DataTable caption="Audit log entries" columns={["When", "Who", "Action", "What happened"]}>
          {events.map((event) => (
            <tr key={event.id}>
              <td>{formatDateTime(event.at)}</td>
              <td>{event.actor}</td>
              <td>{event.action}</td>
              <td>
                {event.targetType === "user" && event.targetId ? (
                  <Link to={`/admin/people/${event.targetId}`}>{event.summary}</Link>
                ) : event.targetType === "team" && event.targetId ? (
                  <Link to={`/admin/teams/${event.targetId}`}>{event.summary}</Link>
                ) : (
                  event.summary
                )}
                {event.details ? (
                  <details>
                    <summary>Details</summary>
                    <pre>{event.details}</pre>
                  </details>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pageSize={AUDIT_PAGE_SIZE} total={total} label="Audit log" />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Audit log · Admin · Frontline" }];
