import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AssignmentsSection, toAssignmentItem } from "~/components/assignments/assignment-list.tsx";
import { FilterBar, isFiltered, type FilterControl } from "~/components/forms/filter-bar.tsx";
import { ModuleStatusBadge } from "~/components/module-status-badge.tsx";
import { EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { ProgressBar } from "~/components/ui/progress-bar.tsx";
import { getCatalog, moduleRef } from "~/content/modules.server.ts";
import { SlugSchema, TRACKS } from "~/content/schemas.ts";
import { optionalFilter } from "~/domain/fields.ts";
import { hasRole, LEADING_ROLES } from "~/engine/access/people.ts";
import { completedSlugs, moduleStatus, pathProgress } from "~/engine/learning/progress.ts";
import { listMyAssignments } from "~/models/assignment.server.ts";
import { listProgressRecords } from "~/models/learning.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { parseSearchParams } from "~/utils/request.server.ts";

const LibraryQuerySchema = z.object({
  q: optionalFilter(z.string().trim().max(100, "search is at most 100 characters")),
  competency: optionalFilter(SlugSchema),
  track: optionalFilter(z.enum(TRACKS)),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = parseSearchParams(request, LibraryQuerySchema);
  const now = new Date();
  const [catalog, records, assignments] = await Promise.all([
    getCatalog(),
    listProgressRecords(user.id),
    listMyAssignments(user.id, { kind: "module", now }),
  ]);
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

function ModuleCard({ card, isNext = false }: { card: Card; isNext?: boolean }) {
  const locked = card.status === "locked";
  return (
    <li className={`module-card${isNext ? " module-card--next" : ""}${locked ? " module-card--locked" : ""}`}>
      <div className="module-card__head">
        <h3>{locked ? card.title : <Link to={`/learn/modules/${card.slug}`}>{card.title}</Link>}</h3>
        {isNext ? <span className="badge badge--primary">Up next</span> : <ModuleStatusBadge status={card.status} />}
      </div>
      <p>{card.summary}</p>
      <p className="muted module-card__meta">
        {card.minutes} min · {card.competencies.join(", ")}
      </p>
      {locked ? <p className="module-card__lock">Finish {card.lockedBehind.map((title) => `“${title}”`).join(" and ")} first.</p> : null}
      {isNext ? (
        <Link className="button button--small" to={`/learn/modules/${card.slug}`}>
          {card.status === "in-progress" ? "Continue" : "Start"}
          <span className="visually-hidden"> {card.title}</span>
        </Link>
      ) : null}
    </li>
  );
}

export default function LearnPage() {
  const { query, canSeeTeam, path, library, assignments, competencies } = useLoaderData<typeof loader>();
  const controls: FilterControl[] = [
    { kind: "search", name: "q", label: "Search", placeholder: "Title or summary" },
    { kind: "select", name: "competency", label: "Competency", any: "Any competency", options: competencies },
    {
      kind: "select",
      name: "track",
      label: "Track",
      any: "Both tracks",
      options: [
        { value: "onboarding", label: "Onboarding" },
        { value: "ongoing", label: "Ongoing" },
      ],
    },
  ];
  const filtered = isFiltered(controls, query);
  return (
    <div className="stack">
      <PageHeader
        title="Learn"
        description="Your onboarding path and a library of modules to keep your skills fresh."
        actions={canSeeTeam ? <Link to="/learn/people">Your people's progress</Link> : null}
      />

      <AssignmentsSection id="assigned-modules-title" items={assignments} />

      <section aria-labelledby="path-title" className="stack">
        <div className="row row--spread">
          <h2 id="path-title">Onboarding path</h2>
          <span className="muted">
            {path.completed} of {path.total} modules complete
          </span>
        </div>
        <ProgressBar label="Onboarding path complete" percent={path.percent} />
        {path.nextSlug === null && path.completed === path.total ? (
          <p role="status">You've completed the onboarding path. The library below keeps your skills fresh.</p>
        ) : null}
        <ol className="module-list module-list--path">
          {path.modules.map((card) => (
            <ModuleCard key={card.slug} card={card} isNext={card.slug === path.nextSlug} />
          ))}
        </ol>
      </section>

      <section aria-labelledby="library-title" className="stack">
        <h2 id="library-title">Library</h2>
        <FilterBar label="Filter the library" idPrefix="library" controls={controls} values={query} clearTo="/learn" />
        <p className="muted" role="status">
          {library.length} {library.length === 1 ? "module" : "modules"}
          {filtered ? " match" : ""}
        </p>
        {library.length === 0 ? (
          <EmptyState title="No modules match" action={<Link to="/learn">Clear filters</Link>}>
            Try a different word or competency.
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

export const meta: MetaFunction = () => [{ title: "Learn · Frontline" }];
