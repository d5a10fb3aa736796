import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { DataTable } from "~/components/ui/data-table.tsx";
import { Badge, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { PageSchema } from "~/domain/fields.ts";
import { TEAM_ATTEMPTS_PAGE_SIZE } from "~/domain/pages.ts";
import { LEADING_ROLES, peopleScope } from "~/engine/access/people.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useFormat } from "~/i18n/use-format.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";
import { listTeamAttempts } from "~/models/practice.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { requireRole } from "~/utils/permissions.server.ts";
import { parseSearchParams } from "~/utils/request.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, LEADING_ROLES);
  const { page } = parseSearchParams(request, z.object({ page: PageSchema }));
  const [{ scenarios }, { total, attempts }] = await Promise.all([
    getPracticeCatalog(),
    listTeamAttempts(peopleScope(toViewer(viewer)), viewer.id, page),
  ]);
  const titles = new Map(scenarios.map((scenario) => [scenario.slug, scenario.title]));
  return {
    page,
    total,
    attempts: attempts.map((attempt) => ({
      id: attempt.id,
      agent: attempt.user.name,
      scenario: titles.get(attempt.scenarioSlug) ?? attempt.scenarioSlug,
      startedAt: attempt.startedAt.toISOString(),
      score: attempt.grade?.overallScore ?? null,
      passed: attempt.grade?.passed ?? false,
    })),
  };
}

export default function TeamAttemptsPage() {
  const { page, total, attempts } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <PageHeader
        title={t("practice:index.teamLink")}
        description={t("practice:team.description")}
        actions={<Link to="/practice">{t("practice:report.backToPractice")}</Link>}
      />
      {attempts.length === 0 ? (
        <EmptyState title={t("practice:team.emptyTitle")}>{t("practice:team.empty")}</EmptyState>
      ) : (
        <DataTable
          caption={t("practice:team.caption")}
          columns={[t("practice:team.when"), t("practice:whatIf.agent"), t("practice:team.scenario"), t("practice:team.score")]}
        >
          {attempts.map((attempt) => (
            <tr key={attempt.id}>
              <td>
                <Link to={`/practice/attempts/${attempt.id}`}>{format.dateTime(attempt.startedAt)}</Link>
              </td>
              <td>{attempt.agent}</td>
              <td>{attempt.scenario}</td>
              <td>
                {attempt.score}{" "}
                {attempt.passed ? (
                  <Badge tone="success">{t("practice:report.passed")}</Badge>
                ) : (
                  <Badge tone="danger">{t("practice:report.notPassed")}</Badge>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pageSize={TEAM_ATTEMPTS_PAGE_SIZE} total={total} label={t("practice:team.title")} />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "practice:team.title") }];
