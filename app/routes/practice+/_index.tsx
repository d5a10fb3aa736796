import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AssignmentsSection, toAssignmentItem } from "~/components/assignments/assignment-list.tsx";
import { FilterBar, type FilterControl } from "~/components/forms/filter-bar.tsx";
import { ButtonLink } from "~/components/ui/button.tsx";
import { Badge, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { getCatalog } from "~/content/modules.server.ts";
import { CHANNEL_LABELS, CHANNELS, DIFFICULTIES, DIFFICULTY_LABELS } from "~/content/practice-schemas.ts";
import { getPracticeCatalog } from "~/content/practice.server.ts";
import { SlugSchema } from "~/content/schemas.ts";
import { optionalFilter } from "~/domain/fields.ts";
import { hasRole, LEADING_ROLES } from "~/engine/access/people.ts";
import { listMyAssignments } from "~/models/assignment.server.ts";
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
  const [{ scenarios }, { competencies }, summary, active, assignments] = await Promise.all([
    getPracticeCatalog(),
    getCatalog(),
    practiceSummary(user.id),
    activeAttempts(user.id),
    listMyAssignments(user.id, { kind: "scenario", now }),
  ]);
  const names = new Map(competencies.map((competency) => [competency.key, competency.name]));
  const cards = scenarios
    .filter(
      (scenario) =>
        (!query.channel || scenario.channel === query.channel) &&
        (!query.difficulty || scenario.difficulty === query.difficulty) &&
        (!query.competency || scenario.competencies.includes(query.competency)),
    )
    .sort((a, b) => DIFFICULTIES.indexOf(a.difficulty) - DIFFICULTIES.indexOf(b.difficulty) || a.title.localeCompare(b.title))
    .map((scenario) => ({
      slug: scenario.slug,
      title: scenario.title,
      summary: scenario.summary,
      channel: CHANNEL_LABELS[scenario.channel],
      difficulty: DIFFICULTY_LABELS[scenario.difficulty],
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
  const controls: FilterControl[] = [
    {
      kind: "select",
      name: "channel",
      label: "Channel",
      any: "Any channel",
      options: CHANNELS.map((channel) => ({ value: channel, label: CHANNEL_LABELS[channel] })),
    },
    {
      kind: "select",
      name: "difficulty",
      label: "Difficulty",
      any: "Any difficulty",
      options: DIFFICULTIES.map((difficulty) => ({ value: difficulty, label: DIFFICULTY_LABELS[difficulty] })),
    },
    { kind: "select", name: "competency", label: "Competency", any: "Any competency", options: competencies },
  ];
  return (
    <div className="stack">
      <PageHeader
        title="Practice"
        description="Talk to a simulated customer, then get a grade on empathy, resolution, communication and efficiency with the words that earned it."
        actions={canSeeTeam ? <Link to="/practice/team">Your team's practice</Link> : null}
      />
      <AssignmentsSection id="assigned-scenarios-title" items={assignments} />
      <FilterBar label="Filter scenarios" idPrefix="practice" controls={controls} values={query} clearTo="/practice" />
      <p className="muted" role="status">
        {cards.length} {cards.length === 1 ? "scenario" : "scenarios"}
      </p>
      {cards.length === 0 ? (
        <EmptyState title="No scenarios match" action={<Link to="/practice">Clear filters</Link>} />
      ) : (
        <ul className="module-list">
          {cards.map((card) => (
            <li key={card.slug} className="module-card">
              <div className="module-card__head">
                <h2 className="module-card__title">
                  <Link to={`/practice/scenarios/${card.slug}`}>{card.title}</Link>
                </h2>
                {card.passed ? (
                  <Badge tone="success">Passed</Badge>
                ) : card.active ? (
                  <Badge tone="warning">In progress</Badge>
                ) : card.attempts ? (
                  <Badge tone="primary">Tried</Badge>
                ) : (
                  <Badge>New</Badge>
                )}
              </div>
              <p>{card.summary}</p>
              <p className="muted module-card__meta">
                {card.channel} · {card.difficulty} · {card.competencies.join(", ")}
              </p>
              <p className="module-card__meta">
                {card.attempts === 0
                  ? "Not tried yet"
                  : `${card.attempts} ${card.attempts === 1 ? "attempt" : "attempts"} · best score ${card.best ?? "—"}`}
              </p>
              {card.active ? (
                <p className="practice-card__resume">
                  <ButtonLink to={`/practice/attempts/${card.active.id}`} size="small">
                    Continue conversation<span className="visually-hidden"> in {card.title}</span>
                  </ButtonLink>{" "}
                  <span className="muted">
                    {card.active.replies === 0
                      ? "You haven't replied yet."
                      : `You've sent ${card.active.replies} ${card.active.replies === 1 ? "reply" : "replies"}.`}
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

export const meta: MetaFunction = () => [{ title: "Practice · Frontline" }];
