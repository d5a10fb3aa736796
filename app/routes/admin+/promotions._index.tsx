import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DataTable } from "~/components/ui/data-table.tsx";
import { EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { NOMINATION_STATUSES, type NominationStatus } from "~/domain/career.ts";
import { optionalFilter, PageSchema } from "~/domain/fields.ts";
import { PROMOTIONS_PAGE_SIZE } from "~/domain/pages.ts";
import { LEVEL_LABELS, type Level } from "~/domain/people.ts";
import { fixedT, requestLocale } from "~/i18n/i18next.server.ts";
import { listNominations } from "~/models/nomination.server.ts";
import { formatDate, plural } from "~/utils/format.ts";
import { requireRole } from "~/utils/permissions.server.ts";
import { parseSearchParams } from "~/utils/request.server.ts";

const QuerySchema = z.object({ status: optionalFilter(z.enum(NOMINATION_STATUSES)), page: PageSchema });

const TABS: Record<NominationStatus, { label: string; order: string; empty: string }> = {
  pending: { label: "Pending", order: "oldest first", empty: "No nominations are waiting for a decision." },
  approved: { label: "Approved", order: "newest first", empty: "No nominations have been approved yet." },
  declined: { label: "Declined", order: "newest first", empty: "No nominations have been declined yet." },
};

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const t = await fixedT(await requestLocale(request, admin), "common");
  const query = parseSearchParams(request, QuerySchema);
  const status = query.status ?? "pending";
  const { total, nominations } = await listNominations(status, query.page);
  return {
    status,
    page: query.page,
    total,
    rows: nominations.map((nomination) => ({
      id: nomination.id,
      agent: nomination.agent.name,
      team: nomination.agent.team?.name ?? null,
      level: t(LEVEL_LABELS[nomination.level as Level]),
      nominatedBy: nomination.nominatedBy.name,
      at: nomination.createdAt.toISOString(),
      decidedBy: nomination.decidedBy?.name ?? null,
      decidedAt: nomination.decidedAt?.toISOString() ?? null,
    })),
  };
}

export default function PromotionsPage() {
  const { status, page, total, rows } = useLoaderData<typeof loader>();
  const tab = TABS[status];
  const decided = status !== "pending";
  return (
    <>
      <PageHeader
        title="Promotions"
        description="Leads nominate the people they think are ready. Read the justification beside the evidence, then approve or decline with a reason."
        actions={<Link to="/admin">Back to Admin</Link>}
      />
      <nav aria-label="Nominations by status" className="status-summary">
        <ul>
          {NOMINATION_STATUSES.map((option) => (
            <li key={option}>
              <Link
                to={option === "pending" ? "/admin/promotions" : `/admin/promotions?status=${option}`}
                aria-current={option === status ? "true" : undefined}
                className="status-summary__item"
              >
                {TABS[option].label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <EmptyState title={`No ${tab.label.toLowerCase()} nominations`}>{tab.empty}</EmptyState>
      ) : (
        <DataTable
          caption={`${tab.label} nominations, ${tab.order}: ${plural(total, "nomination")}`}
          columns={["Person", "Team", "Nominated for", "Nominated by", decided ? "Decided" : "Waiting since"]}
        >
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link to={`/admin/promotions/${row.id}`}>{row.agent}</Link>
              </td>
              <td>{row.team ?? <span className="muted">No team</span>}</td>
              <td>{row.level}</td>
              <td>{row.nominatedBy}</td>
              <td>{decided && row.decidedAt ? `${formatDate(row.decidedAt)} by ${row.decidedBy ?? "an admin"}` : formatDate(row.at)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pageSize={PROMOTIONS_PAGE_SIZE} total={total} label={`${tab.label} nominations`} />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Promotions · Admin · Frontline" }];
