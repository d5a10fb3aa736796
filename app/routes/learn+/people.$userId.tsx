import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ModuleStatusBadge } from "~/components/module-status-badge.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { ProgressBar } from "~/components/ui/progress-bar.tsx";
import { getCatalog, localizedCatalog, moduleRef } from "~/content/modules.server.ts";
import { canSeePerson, LEADING_ROLES } from "~/engine/access/people.ts";
import { moduleStatus, pathProgress } from "~/engine/learning/progress.ts";
import { readerLocale } from "~/i18n/locales.ts";
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useFormat } from "~/i18n/use-format.ts";
import { getLearningRecord } from "~/models/learning.server.ts";
import { getPerson } from "~/models/user.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { ensureFound, requireRole } from "~/utils/permissions.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, LEADING_ROLES);
  const found = await getPerson(params.userId ?? "");
  // Someone outside the viewer's teams is as invisible as someone who doesn't exist.
  const person = ensureFound(found && canSeePerson(toViewer(viewer), found) ? found : null, message("learn:errors.notInTeams"));
  const [source, record] = await Promise.all([getCatalog(), getLearningRecord(person.id)]);
  // Module titles and reflection prompts in the viewer's language.
  const catalog = localizedCatalog(source, readerLocale(viewer));
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
      // null: a reflection from an earlier version of the module, whose prompt is gone.
      prompt: prompts.get(`${reflection.moduleSlug}/${reflection.reflectionId}`) ?? null,
      text: reflection.text,
      updatedAt: reflection.updatedAt.toISOString(),
    })),
  };
}

export default function PersonLearningPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { person, onboarding, modules, reflections } = useLoaderData<typeof loader>();
  const started = modules.filter((module) => module.status !== "new" && module.status !== "locked");
  return (
    <div className="stack">
      <PageHeader
        title={t("learn:person.title", { name: person.name })}
        actions={<Link to="/learn/people">{t("learn:person.back")}</Link>}
      />
      <Card title={t("learn:onboardingPath")}>
        <p>{t("learn:modulesComplete", { completed: onboarding.completed, total: onboarding.total })}</p>
        <ProgressBar label={t("learn:onboardingOf", { name: person.name })} percent={onboarding.percent} />
      </Card>
      <section aria-labelledby="modules-title" className="stack">
        <h2 id="modules-title">{t("learn:person.modules")}</h2>
        {started.length === 0 ? (
          <EmptyState title={t("learn:person.emptyTitle")}>{t("learn:person.emptyBody", { name: person.name })}</EmptyState>
        ) : (
          <DataTable
            caption={t("learn:person.caption", { name: person.name })}
            columns={[
              t("learn:person.module"),
              t("learn:person.status"),
              t("learn:person.bestScore"),
              t("learn:person.attempts"),
              t("learn:person.timeSpent"),
              t("learn:people.lastActivity"),
            ]}
          >
            {started.map((module) => (
              <tr key={module.slug}>
                <td>
                  {module.title}
                  <div className="muted">
                    {t("learn:person.moduleMeta", { track: module.track, version: module.currentVersion })}
                    {module.versions.some((version) => version < module.currentVersion)
                      ? // The English message starts with its own space; Chinese needs none before its parenthesis.
                        t("learn:person.history", {
                          versions: module.versions.filter((version) => version < module.currentVersion).join(t("learn:listSeparator")),
                        })
                      : ""}
                  </div>
                </td>
                <td>
                  <ModuleStatusBadge status={module.status} />
                </td>
                <td>
                  {module.bestScore === null ? <span className="muted">—</span> : t("learn:person.score", { score: module.bestScore })}
                </td>
                <td>{module.attempts}</td>
                <td>{format.duration(module.timeSpentSeconds)}</td>
                <td>{module.lastActivity ? format.day(module.lastActivity) : "—"}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section aria-labelledby="reflections-title" className="stack">
        <h2 id="reflections-title">{t("learn:person.reflections")}</h2>
        {reflections.length === 0 ? (
          <p className="muted">{t("learn:person.noReflections")}</p>
        ) : (
          reflections.map((reflection) => (
            <Card key={reflection.key}>
              <p className="muted">
                {reflection.module} · {format.day(reflection.updatedAt)}
              </p>
              <p>
                <strong>{reflection.prompt ?? t("learn:person.earlierPrompt")}</strong>
              </p>
              <p className="reflection-text">{reflection.text}</p>
            </Card>
          ))
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? pageTitle(matches, "learn:person.title", { name: data.person.name }) : pageTitle(matches, "learn:person.untitled") },
];
