import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ModuleStatusBadge } from "~/components/module-status-badge.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { ProgressBar } from "~/components/ui/progress-bar.tsx";
import { getCatalog, moduleRef } from "~/content/modules.server.ts";
import { canSeePerson, LEADING_ROLES } from "~/engine/access/people.ts";
import { moduleStatus, pathProgress } from "~/engine/learning/progress.ts";
import { getLearningRecord } from "~/models/learning.server.ts";
import { getPerson } from "~/models/user.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { formatDate, formatDuration } from "~/utils/format.ts";
import { ensureFound, requireRole } from "~/utils/permissions.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, LEADING_ROLES);
  const found = await getPerson(params.userId ?? "");
  // Someone outside the viewer's teams is as invisible as someone who doesn't exist.
  const person = ensureFound(found && canSeePerson(toViewer(viewer), found) ? found : null, "That person isn't in your teams.");
  const [catalog, record] = await Promise.all([getCatalog(), getLearningRecord(person.id)]);
  const refs = catalog.modules.map(moduleRef);
  const modules = catalog.modules.map((module) => {
    const rows = record.progress.filter((row) => row.moduleSlug === module.slug);
    const attempts = rows.flatMap((row) => row.attempts);
    return {
      slug: module.slug,
      title: module.frontmatter.title,
      track: module.frontmatter.track,
      status: moduleStatus(moduleRef(module), record.progress).kind,
      bestScore: attempts.length ? Math.max(...attempts.map((attempt) => attempt.scorePercent)) : null,
      attempts: attempts.length,
      timeSpentSeconds: rows.reduce((sum, row) => sum + row.timeSpentSeconds, 0),
      versions: [...new Set(rows.map((row) => row.moduleVersion))].sort((a, b) => a - b),
      currentVersion: module.frontmatter.version,
      lastActivity: rows[0]?.updatedAt.toISOString() ?? null,
    };
  });
  const prompts = new Map(
    catalog.modules.flatMap((module) => module.reflections.map((reflection) => [`${module.slug}/${reflection.id}`, reflection.prompt])),
  );
  const titles = new Map(catalog.modules.map((module) => [module.slug, module.frontmatter.title]));
  return {
    person: { id: person.id, name: person.name },
    onboarding: pathProgress(
      refs.filter((ref) => ref.track === "onboarding"),
      record.progress,
    ),
    modules,
    reflections: record.reflections.map((reflection) => ({
      key: `${reflection.moduleSlug}/${reflection.reflectionId}`,
      module: titles.get(reflection.moduleSlug) ?? reflection.moduleSlug,
      prompt: prompts.get(`${reflection.moduleSlug}/${reflection.reflectionId}`) ?? "A reflection from an earlier version of this module",
      text: reflection.text,
      updatedAt: reflection.updatedAt.toISOString(),
    })),
  };
}

export default function PersonLearningPage() {
  const { person, onboarding, modules, reflections } = useLoaderData<typeof loader>();
  const started = modules.filter((module) => module.status !== "new" && module.status !== "locked");
  return (
    <div className="stack">
      <PageHeader title={`${person.name}'s learning`} actions={<Link to="/learn/people">Back to your people</Link>} />
      <Card title="Onboarding path">
        <p>
          {onboarding.completed} of {onboarding.total} modules complete
        </p>
        <ProgressBar label={`${person.name}'s onboarding`} percent={onboarding.percent} />
      </Card>
      <section aria-labelledby="modules-title" className="stack">
        <h2 id="modules-title">Modules</h2>
        {started.length === 0 ? (
          <EmptyState title="Nothing started yet">Modules appear here as soon as {person.name} opens one.</EmptyState>
        ) : (
          <DataTable
            caption={`Modules ${person.name} has started`}
            columns={["Module", "Status", "Best score", "Attempts", "Time spent", "Last activity"]}
          >
            {started.map((module) => (
              <tr key={module.slug}>
                <td>
                  {module.title}
                  <div className="muted">
                    {module.track === "onboarding" ? "Onboarding" : "Ongoing"} · version {module.currentVersion}
                    {module.versions.some((version) => version < module.currentVersion)
                      ? ` (history from version ${module.versions.filter((version) => version < module.currentVersion).join(", ")})`
                      : ""}
                  </div>
                </td>
                <td>
                  <ModuleStatusBadge status={module.status} />
                </td>
                <td>{module.bestScore === null ? <span className="muted">—</span> : `${module.bestScore}%`}</td>
                <td>{module.attempts}</td>
                <td>{formatDuration(module.timeSpentSeconds)}</td>
                <td>{module.lastActivity ? formatDate(module.lastActivity) : "—"}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section aria-labelledby="reflections-title" className="stack">
        <h2 id="reflections-title">Reflections</h2>
        {reflections.length === 0 ? (
          <p className="muted">No reflections written yet.</p>
        ) : (
          reflections.map((reflection) => (
            <Card key={reflection.key}>
              <p className="muted">
                {reflection.module} · {formatDate(reflection.updatedAt)}
              </p>
              <p>
                <strong>{reflection.prompt}</strong>
              </p>
              <p className="reflection-text">{reflection.text}</p>
            </Card>
          ))
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.person.name ?? "Person"}'s learning · Frontline` }];
