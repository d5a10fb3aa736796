import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { DataTable } from "~/components/ui/data-table.tsx";
import { EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { ProgressBar } from "~/components/ui/progress-bar.tsx";
import { getCatalog, moduleRef } from "~/content/modules.server.ts";
import { PageSchema } from "~/domain/fields.ts";
import { LEARNERS_PAGE_SIZE } from "~/domain/pages.ts";
import { LEVEL_LABELS, type Level } from "~/domain/people.ts";
import { LEADING_ROLES, peopleScope } from "~/engine/access/people.ts";
import { moduleStatus, pathProgress } from "~/engine/learning/progress.ts";
import { translateMessage } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useFormat } from "~/i18n/use-format.ts";
import { listLearnersWithProgress } from "~/models/learning.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { requireRole } from "~/utils/permissions.server.ts";
import { parseSearchParams } from "~/utils/request.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, LEADING_ROLES);
  const { page } = parseSearchParams(request, z.object({ page: PageSchema }));
  const [catalog, { total, learners }] = await Promise.all([
    getCatalog(),
    listLearnersWithProgress(peopleScope(toViewer(viewer)), viewer.id, page),
  ]);
  const refs = catalog.modules.map(moduleRef);
  const onboarding = refs.filter((ref) => ref.track === "onboarding");
  const rows = learners.map((person) => {
    const statuses = refs.map((ref) => moduleStatus(ref, person.moduleProgress).kind);
    const lastActivity = person.moduleProgress.reduce<Date | null>(
      (latest, row) => (!latest || row.updatedAt > latest ? row.updatedAt : latest),
      null,
    );
    return {
      id: person.id,
      name: person.name,
      level: LEVEL_LABELS[person.level as Level],
      team: person.team?.name ?? null,
      onboardingPercent: pathProgress(onboarding, person.moduleProgress).percent,
      completed: statuses.filter((status) => status === "completed" || status === "updated").length,
      inProgress: statuses.filter((status) => status === "in-progress").length,
      lastActivity: lastActivity?.toISOString() ?? null,
    };
  });
  return { total, page, moduleCount: refs.length, rows };
}

export default function PeopleProgressPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { total, page, moduleCount, rows } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={t("learn:people.title")}
        description={t("learn:people.description")}
        actions={<Link to="/learn">{t("learn:backToLearn")}</Link>}
      />
      {rows.length === 0 ? (
        <EmptyState title={t("learn:people.emptyTitle")}>{t("learn:people.emptyBody")}</EmptyState>
      ) : (
        <DataTable
          caption={t("learn:people.caption")}
          columns={[
            t("learn:people.name"),
            t("learn:people.team"),
            t("learn:people.onboarding"),
            t("learn:people.modulesCompleted"),
            t("learn:people.inProgress"),
            t("learn:people.lastActivity"),
          ]}
        >
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link to={`/learn/people/${row.id}`}>{row.name}</Link>
                <div className="muted">{translateMessage(t, row.level)}</div>
              </td>
              <td>{row.team ?? <span className="muted">{t("learn:people.noTeam")}</span>}</td>
              <td>
                <ProgressBar label={t("learn:onboardingOf", { name: row.name })} percent={row.onboardingPercent} />
              </td>
              <td>{t("learn:people.completedOf", { completed: row.completed, total: moduleCount })}</td>
              <td>{row.inProgress}</td>
              <td>{row.lastActivity ? format.day(row.lastActivity) : <span className="muted">{t("learn:people.notStarted")}</span>}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pageSize={LEARNERS_PAGE_SIZE} total={total} label={t("learn:people.pagination")} />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "learn:people.pageTitle") }];
