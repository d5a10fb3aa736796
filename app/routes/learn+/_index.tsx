import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { AssignmentsSection, toAssignmentItem } from "~/components/assignments/assignment-list.tsx";
import { FilterBar, isFiltered, type FilterControl } from "~/components/forms/filter-bar.tsx";
import { ModuleStatusBadge } from "~/components/module-status-badge.tsx";
import { EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { ProgressBar } from "~/components/ui/progress-bar.tsx";
import { getCatalog, localizedCatalog, moduleRef } from "~/content/modules.server.ts";
import { SlugSchema, TRACKS } from "~/content/schemas.ts";
import { optionalFilter } from "~/domain/fields.ts";
import { hasRole, LEADING_ROLES } from "~/engine/access/people.ts";
import { completedSlugs, moduleStatus, pathProgress } from "~/engine/learning/progress.ts";
import { intlLocale, readerLocale } from "~/i18n/locales.ts";
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { listMyAssignments } from "~/models/assignment.server.ts";
import { listProgressRecords } from "~/models/learning.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { parseSearchParams } from "~/utils/request.server.ts";

const LibraryQuerySchema = z.object({
  q: optionalFilter(z.string().trim().max(100, message("learn:index.searchTooLong"))),
  competency: optionalFilter(SlugSchema),
  track: optionalFilter(z.enum(TRACKS)),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = parseSearchParams(request, LibraryQuerySchema);
  const now = new Date();
  const [source, records, assignments] = await Promise.all([
    getCatalog(),
    listProgressRecords(user.id),
    listMyAssignments(user.id, { kind: "module", now }),
  ]);
  // Titles, summaries and competencies in the reader's language, so the search matches what they read.
  const catalog = localizedCatalog(source, readerLocale(user));
  const done = completedSlugs(records);
  const titles = new Map(catalog.modules.map((module) => [module.slug, module.frontmatter.title]));
  const competencyNames = new Map(catalog.competencies.map((competency) => [competency.key, competency.name]));

  const cards = catalog.modules.map((module) => {
    const status = moduleStatus(moduleRef(module), records, done);
    return {
      slug: module.slug,
      title: module.frontmatter.title,
      summary: module.frontmatter.summary,
      track: module.frontmatter.track,
      minutes: module.frontmatter.minutes,
      competencyKeys: module.frontmatter.competencies,
      competencies: module.frontmatter.competencies.map((key) => competencyNames.get(key) ?? key),
      status: status.kind,
      lockedBehind: status.kind === "locked" ? status.missing.map((slug) => titles.get(slug) ?? slug) : [],
    };
  });

  const onboarding = catalog.modules.filter((module) => module.frontmatter.track === "onboarding").map(moduleRef);
  const path = pathProgress(onboarding, records);
  const needle = query.q?.toLowerCase();
  const library = cards.filter(
    (card) =>
      (!query.track || card.track === query.track) &&
      (!query.competency || card.competencyKeys.includes(query.competency)) &&
      (!needle || card.title.toLowerCase().includes(needle) || card.summary.toLowerCase().includes(needle)),
  );

  return {
    query,
    canSeeTeam: hasRole(user, LEADING_ROLES),
    path: { ...path, modules: cards.filter((card) => card.track === "onboarding") },
    library,
    assignments: assignments.map((assignment) => toAssignmentItem(assignment, now)),
    competencies: catalog.competencies.map((competency) => ({ value: competency.key, label: competency.name })),
  };
}

type Card = ReturnType<typeof useLoaderData<typeof loader>>["library"][number];

/** “A” and “B”, quoted and listed in the reader's language. */
function quotedList(t: TFunction, locale: string, titles: string[]): string {
  return new Intl.ListFormat(intlLocale(locale), { type: "conjunction" }).format(titles.map((title) => t("learn:quoted", { title })));
}

function ModuleCard({ card, isNext = false }: { card: Card; isNext?: boolean }) {
  const { t, i18n } = useTranslation();
  const locked = card.status === "locked";
  return (
    <li className={`module-card${isNext ? " module-card--next" : ""}${locked ? " module-card--locked" : ""}`}>
      <div className="module-card__head">
        <h3>{locked ? card.title : <Link to={`/learn/modules/${card.slug}`}>{card.title}</Link>}</h3>
        {isNext ? <span className="badge badge--primary">{t("learn:card.upNext")}</span> : <ModuleStatusBadge status={card.status} />}
      </div>
      <p>{card.summary}</p>
      <p className="muted module-card__meta">
        {t("learn:card.meta", { minutes: card.minutes, competencies: card.competencies.join(t("learn:listSeparator")) })}
      </p>
      {locked ? (
        <p className="module-card__lock">{t("learn:card.lockedBehind", { titles: quotedList(t, i18n.language, card.lockedBehind) })}</p>
      ) : null}
      {isNext ? (
        <Link className="button button--small" to={`/learn/modules/${card.slug}`}>
          {card.status === "in-progress" ? t("learn:card.continue") : t("learn:card.start")}
          <span className="visually-hidden"> {card.title}</span>
        </Link>
      ) : null}
    </li>
  );
}

export default function LearnPage() {
  const { t } = useTranslation();
  const { query, canSeeTeam, path, library, assignments, competencies } = useLoaderData<typeof loader>();
  const controls: FilterControl[] = [
    { kind: "search", name: "q", label: t("learn:index.search"), placeholder: t("learn:index.searchPlaceholder") },
    {
      kind: "select",
      name: "competency",
      label: t("learn:index.competency"),
      any: t("learn:index.anyCompetency"),
      options: competencies,
    },
    {
      kind: "select",
      name: "track",
      label: t("learn:index.trackLabel"),
      any: t("learn:index.bothTracks"),
      options: [
        { value: "onboarding", label: t("learn:track.onboarding") },
        { value: "ongoing", label: t("learn:track.ongoing") },
      ],
    },
  ];
  const filtered = isFiltered(controls, query);
  return (
    <div className="stack">
      <PageHeader
        title={t("learn:title")}
        description={t("learn:index.description")}
        actions={canSeeTeam ? <Link to="/learn/people">{t("learn:index.yourPeople")}</Link> : null}
      />

      <AssignmentsSection id="assigned-modules-title" items={assignments} />

      <section aria-labelledby="path-title" className="stack">
        <div className="row row--spread">
          <h2 id="path-title">{t("learn:onboardingPath")}</h2>
          <span className="muted">{t("learn:modulesComplete", { completed: path.completed, total: path.total })}</span>
        </div>
        <ProgressBar label={t("learn:index.pathComplete")} percent={path.percent} />
        {path.nextSlug === null && path.completed === path.total ? <p role="status">{t("learn:index.pathDone")}</p> : null}
        <ol className="module-list module-list--path">
          {path.modules.map((card) => (
            <ModuleCard key={card.slug} card={card} isNext={card.slug === path.nextSlug} />
          ))}
        </ol>
      </section>

      <section aria-labelledby="library-title" className="stack">
        <h2 id="library-title">{t("learn:library")}</h2>
        <FilterBar label={t("learn:index.filterLabel")} idPrefix="library" controls={controls} values={query} clearTo="/learn" />
        <p className="muted" role="status">
          {t(filtered ? "learn:index.countMatching" : "learn:index.count", { count: library.length })}
        </p>
        {library.length === 0 ? (
          <EmptyState title={t("learn:index.noMatchTitle")} action={<Link to="/learn">{t("common:filters.clear")}</Link>}>
            {t("learn:index.noMatchBody")}
          </EmptyState>
        ) : (
          <ul className="module-list">
            {library.map((card) => (
              <ModuleCard key={card.slug} card={card} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "learn:title") }];
