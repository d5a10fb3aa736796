import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { DataTable } from "~/components/ui/data-table.tsx";
import { EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { NOMINATION_STATUSES } from "~/domain/career.ts";
import { optionalFilter, PageSchema } from "~/domain/fields.ts";
import { PROMOTIONS_PAGE_SIZE } from "~/domain/pages.ts";
import { LEVEL_LABELS, type Level } from "~/domain/people.ts";
import { fixedT, requestLocale } from "~/i18n/i18next.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useFormat } from "~/i18n/use-format.ts";
import { listNominations } from "~/models/nomination.server.ts";
import { requireRole } from "~/utils/permissions.server.ts";
import { parseSearchParams } from "~/utils/request.server.ts";

const QuerySchema = z.object({ status: optionalFilter(z.enum(NOMINATION_STATUSES)), page: PageSchema });

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
  const { t } = useTranslation();
  const format = useFormat();
  const { status, page, total, rows } = useLoaderData<typeof loader>();
  const decided = status !== "pending";
  const when = (row: (typeof rows)[number]) => {
    if (!decided || !row.decidedAt) return format.day(row.at);
    const date = format.day(row.decidedAt);
    return row.decidedBy
      ? t("career:promotions.decidedOn", { date, name: row.decidedBy })
      : t("career:promotions.decidedOnByAdmin", { date });
  };
  return (
    <>
      <PageHeader
        title={t("career:promotions.title")}
        description={t("career:promotions.description")}
        actions={<Link to="/admin">{t("career:promotions.backToAdmin")}</Link>}
      />
      <nav aria-label={t("career:promotions.byStatus")} className="status-summary">
        <ul>
          {NOMINATION_STATUSES.map((option) => (
            <li key={option}>
              <Link
                to={option === "pending" ? "/admin/promotions" : `/admin/promotions?status=${option}`}
                aria-current={option === status ? "true" : undefined}
                className="status-summary__item"
              >
                {t(`career:promotions.tab.${option}.label`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <EmptyState title={t(`career:promotions.tab.${status}.emptyTitle`)}>{t(`career:promotions.tab.${status}.empty`)}</EmptyState>
      ) : (
        <DataTable
          caption={t(`career:promotions.tab.${status}.caption`, { count: total })}
          columns={[
            t("career:promotions.columns.person"),
            t("career:promotions.columns.team"),
            t("career:promotions.columns.nominatedFor"),
            t("career:promotions.columns.nominatedBy"),
            decided ? t("career:promotions.columns.decided") : t("career:promotions.columns.waitingSince"),
          ]}
        >
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link to={`/admin/promotions/${row.id}`}>{row.agent}</Link>
              </td>
              <td>{row.team ?? <span className="muted">{t("career:noTeam")}</span>}</td>
              <td>{row.level}</td>
              <td>{row.nominatedBy}</td>
              <td>{when(row)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pageSize={PROMOTIONS_PAGE_SIZE} total={total} label={t(`career:promotions.tab.${status}.listLabel`)} />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "career:promotions.pageTitle") }];
