import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { AssignmentsSection, toAssignmentItem } from "~/components/assignments/assignment-list.tsx";
import { FilterBar, type FilterControl } from "~/components/forms/filter-bar.tsx";
import { ButtonLink } from "~/components/ui/button.tsx";
import { Badge, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { getCatalog, localizedCompetencies } from "~/content/modules.server.ts";
import { CHANNELS, DIFFICULTIES } from "~/content/practice-schemas.ts";
import { localizeScenario } from "~/content/practice.server.ts";
import { SlugSchema } from "~/content/schemas.ts";
import { optionalFilter } from "~/domain/fields.ts";
import { CHANNEL_LABEL_KEYS, DIFFICULTY_LABEL_KEYS } from "~/domain/practice.ts";
import { hasRole, LEADING_ROLES } from "~/engine/access/people.ts";
import { readerLocale } from "~/i18n/locales.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { listMyAssignments } from "~/models/assignment.server.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";
import { activeAttempts, practiceSummary } from "~/models/practice.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { parseSearchParams } from "~/utils/request.server.ts";

const PracticeQuerySchema = z.object({
  channel: optionalFilter(z.enum(CHANNELS)),
  difficulty: optionalFilter(z.enum(DIFFICULTIES)),
  competency: optionalFilter(SlugSchema),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = parseSearchParams(request, PracticeQuerySchema);
  const now = new Date();
  const locale = readerLocale(user);
  const [practice, catalog, summary, active, assignments] = await Promise.all([
    getPracticeCatalog(),
    getCatalog(),
    practiceSummary(user.id),
    activeAttempts(user.id),
    listMyAssignments(user.id, { kind: "scenario", now }),
  ]);
  const scenarios = practice.scenarios.map((scenario) => localizeScenario(scenario, locale).scenario);
  const competencies = localizedCompetencies(catalog, locale);
  const names = new Map(competencies.map((competency) => [competency.key, competency.name]));
  const cards = scenarios
    .filter(
      (scenario) =>
        (!query.channel || scenario.channel === query.channel) &&
        (!query.difficulty || scenario.difficulty === query.difficulty) &&
        (!query.competency || scenario.competencies.includes(query.competency)),
    )
    .sort((a, b) => DIFFICULTIES.indexOf(a.difficulty) - DIFFICULTIES.indexOf(b.difficulty) || a.title.localeCompare(b.title, locale))
    .map((scenario) => ({
      slug: scenario.slug,
      title: scenario.title,
      summary: scenario.summary,
      channel: CHANNEL_LABEL_KEYS[scenario.channel],
      difficulty: DIFFICULTY_LABEL_KEYS[scenario.difficulty],
      competencies: scenario.competencies.map((key) => names.get(key) ?? key),
      attempts: summary.get(scenario.slug)?.attempts ?? 0,
      best: summary.get(scenario.slug)?.best ?? null,
      passed: summary.get(scenario.slug)?.passed ?? false,
      active: active.get(scenario.slug) ?? null,
    }));
  const used = new Set(scenarios.flatMap((scenario) => scenario.competencies));
  return {
    query,
    canSeeTeam: hasRole(user, LEADING_ROLES),
    cards,
    assignments: assignments.map((assignment) => toAssignmentItem(assignment, now)),
    competencies: competencies
      .filter((competency) => used.has(competency.key))
      .map((competency) => ({ value: competency.key, label: competency.name })),
  };
}

export default function PracticePage() {
  const { query, canSeeTeam, cards, assignments, competencies } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const controls: FilterControl[] = [
    {
      kind: "select",
      name: "channel",
      label: t("practice:brief.channel"),
      any: t("practice:index.anyChannel"),
      options: CHANNELS.map((channel) => ({ value: channel, label: t(CHANNEL_LABEL_KEYS[channel]) })),
    },
    {
      kind: "select",
      name: "difficulty",
      label: t("practice:brief.difficulty"),
      any: t("practice:index.anyDifficulty"),
      options: DIFFICULTIES.map((difficulty) => ({ value: difficulty, label: t(DIFFICULTY_LABEL_KEYS[difficulty]) })),
    },
    {
      kind: "select",
      name: "competency",
      label: t("practice:index.competency"),
      any: t("practice:index.anyCompetency"),
      options: competencies,
    },
  ];
  return (
    <div className="stack">
      <PageHeader
        title={t("common:nav.practice")}
        description={t("practice:index.description")}
        actions={canSeeTeam ? <Link to="/practice/team">{t("practice:index.teamLink")}</Link> : null}
      />
      <AssignmentsSection id="assigned-scenarios-title" items={assignments} />
      <FilterBar label={t("practice:index.filter")} idPrefix="practice" controls={controls} values={query} clearTo="/practice" />
      <p className="muted" role="status">
        {t("practice:index.count", { count: cards.length })}
      </p>
      {cards.length === 0 ? (
        <EmptyState title={t("practice:index.empty")} action={<Link to="/practice">{t("practice:index.clearFilters")}</Link>} />
      ) : (
        <ul className="module-list">
          {cards.map((card) => (
            <li key={card.slug} className="module-card">
              <div className="module-card__head">
                <h2 className="module-card__title">
                  <Link to={`/practice/scenarios/${card.slug}`}>{card.title}</Link>
                </h2>
                {card.passed ? (
                  <Badge tone="success">{t("practice:report.passed")}</Badge>
                ) : card.active ? (
                  <Badge tone="warning">{t("practice:status.active")}</Badge>
                ) : card.attempts ? (
                  <Badge tone="primary">{t("practice:index.tried")}</Badge>
                ) : (
                  <Badge>{t("practice:index.new")}</Badge>
                )}
              </div>
              <p>{card.summary}</p>
              <p className="muted module-card__meta">
                {t(card.channel)} · {t(card.difficulty)} · {card.competencies.join(t("practice:report.listSeparator"))}
              </p>
              <p className="module-card__meta">
                {card.attempts === 0
                  ? t("practice:index.notTried")
                  : t("practice:index.attempts", { count: card.attempts, best: card.best ?? "—" })}
              </p>
              {card.active ? (
                <p className="practice-card__resume">
                  <ButtonLink to={`/practice/attempts/${card.active.id}`} size="small">
                    {t("practice:index.continue")}
                    <span className="visually-hidden">{t("practice:index.continueIn", { title: card.title })}</span>
                  </ButtonLink>{" "}
                  <span className="muted">
                    {card.active.replies === 0
                      ? t("practice:index.noReplies")
                      : t("practice:index.replies", { count: card.active.replies })}
                  </span>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "common:nav.practice") }];
