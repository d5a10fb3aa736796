import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DataTable } from "~/components/ui/data-table.tsx";
import { Badge, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { getPracticeCatalog } from "~/content/practice.server.ts";
import { PageSchema } from "~/domain/fields.ts";
import { TEAM_ATTEMPTS_PAGE_SIZE } from "~/domain/pages.ts";
import { LEADING_ROLES, peopleScope } from "~/engine/access/people.ts";
import { listTeamAttempts } from "~/models/practice.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { formatDateTime } from "~/utils/format.ts";
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
  return (
    <>
      <PageHeader
        title="Your team's practice"
        description="Graded conversations from the people you lead, newest first."
        actions={<Link to="/practice">Back to Practice</Link>}
      />
      {attempts.length === 0 ? (
        <EmptyState title="No graded conversations yet">
          When your people finish a practice conversation, it appears here with its grade.
        </EmptyState>
      ) : (
        <DataTable caption="Graded practice conversations" columns={["When", "Agent", "Scenario", "Score"]}>
          {attempts.map((attempt) => (
            <tr key={attempt.id}>
              <td>
                <Link to={`/practice/attempts/${attempt.id}`}>{formatDateTime(attempt.startedAt)}</Link>
              </td>
              <td>{attempt.agent}</td>
              <td>{attempt.scenario}</td>
              <td>
                {attempt.score} {attempt.passed ? <Badge tone="success">Passed</Badge> : <Badge tone="danger">Not passed</Badge>}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pageSize={TEAM_ATTEMPTS_PAGE_SIZE} total={total} label="Team practice" />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Team practice · Frontline" }];
