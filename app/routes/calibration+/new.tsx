import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { calibrationSchema, NewCalibrationForm } from "~/components/calibration/new-session-form.tsx";
import { FilterBar, type FilterControl } from "~/components/forms/filter-bar.tsx";
import { Card, PageHeader } from "~/components/ui/layout.tsx";
import { getPracticeCatalog } from "~/content/practice.server.ts";
import { calendarDayField, optionalFilter, parseCalendarDay, todayUtc } from "~/domain/fields.ts";
import { ROLE_LABELS, type Role } from "~/domain/people.ts";
import { CALIBRATION_ORGANISER_ROLES } from "~/engine/access/calibration.ts";
import { dueDateToInstant } from "~/engine/coaching/sessions.ts";
import { fixedT, requestLocale } from "~/i18n/i18next.server.ts";
import {
  calibrationRubrics,
  countCandidates,
  createCalibrationSession,
  listCandidates,
  listInvitable,
  type CandidateFilter,
} from "~/models/calibration.server.ts";
import { listInsightTeams } from "~/models/insights.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { formatDate } from "~/utils/format.ts";
import { handleIntent, invalid } from "~/utils/forms.server.ts";
import { requireRole } from "~/utils/permissions.server.ts";
import { parseSearchParams, readFormData } from "~/utils/request.server.ts";

const BELOW_PASS = "below-pass";
const anyDay = calendarDayField({
  required: "Enter a date",
  min: { day: "2000-01-01", message: "Enter a later date" },
  max: { day: "2999-12-31", message: "Enter an earlier date" },
});

/** The sample's filter: in the address while choosing, as hidden fields when the form is sent. */
const FilterSchema = z.object({
  rubric: optionalFilter(z.string().max(60, "rubric is too long")),
  team: optionalFilter(z.string().max(64, "team is too long")),
  scenario: optionalFilter(z.string().max(100, "scenario is too long")),
  from: optionalFilter(anyDay),
  to: optionalFilter(anyDay),
  result: optionalFilter(z.enum([BELOW_PASS], { errorMap: () => ({ message: "result is not a known filter" }) })),
});
type Filter = z.infer<typeof FilterSchema>;

function toCandidateFilter(filter: Filter): CandidateFilter {
  return {
    teamId: filter.team,
    scenarioSlug: filter.scenario,
    from: filter.from ? (parseCalendarDay(filter.from) ?? undefined) : undefined,
    to: filter.to ? (parseCalendarDay(filter.to) ?? undefined) : undefined,
    belowPass: filter.result === BELOW_PASS,
  };
}

async function chosenRubric(rubricId: string | undefined) {
  const rubrics = await calibrationRubrics();
  return {
    rubrics,
    rubric: rubrics.find((rubric) => rubric.id === rubricId) ?? rubrics.find((rubric) => rubric.id === "empathy") ?? rubrics[0],
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, CALIBRATION_ORGANISER_ROLES);
  const viewer = toViewer(user);
  const filter = parseSearchParams(request, FilterSchema);
  const { rubrics, rubric } = await chosenRubric(filter.rubric);
  const [teams, { scenarios }, candidates, matching, people] = await Promise.all([
    listInsightTeams(viewer),
    getPracticeCatalog(),
    listCandidates(viewer, rubric.id, toCandidateFilter(filter)),
    countCandidates(viewer, rubric.id, toCandidateFilter(filter)),
    listInvitable(viewer),
  ]);
  const t = await fixedT(await requestLocale(request, user), "common");
  return {
    today: todayUtc(),
    filter: { ...filter, rubric: rubric.id },
    rubrics: rubrics.map((option) => ({ value: option.id, label: option.title })),
    teams: teams.map((team) => ({ value: team.id, label: team.name })),
    scenarios: scenarios
      .map((scenario) => ({ value: scenario.slug, label: scenario.title }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    candidates: candidates.map((candidate) => ({
      value: candidate.id,
      label: `${candidate.agentName} · ${candidate.scenarioTitle}`,
      detail: `${formatDate(candidate.endedAt)} · score ${candidate.score}`,
    })),
    matching,
    people: people.map((person) => {
      const role = t(ROLE_LABELS[person.role as Role]);
      return { value: person.id, label: person.name, detail: person.team ? `${role}, ${person.team.name}` : role };
    }),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = toViewer(await requireRole(request, CALIBRATION_ORGANISER_ROLES));
  const formData = await readFormData(request);
  return handleIntent(formData, {
    create: async () => {
      const filter = FilterSchema.safeParse(
        Object.fromEntries(["rubric", "team", "scenario", "from", "to", "result"].map((name) => [name, formData.get(name) ?? undefined])),
      );
      const submission = parseWithZod(formData, { schema: calibrationSchema(todayUtc()) });
      if (submission.status !== "success") return invalid("create", submission);
      if (!filter.success) return invalid("create", submission, { mode: ["The filter above is not valid: apply it again."] });
      const { rubric } = await chosenRubric(filter.data.rubric);
      const { value } = submission;
      const result = await createCalibrationSession(viewer, {
        title: value.title,
        rubricId: rubric.id,
        dueAt: dueDateToInstant(value.dueDate)!,
        sharedWithAgents: value.sharedWithAgents,
        raterIds: value.raterIds,
        sample:
          value.mode === "chosen"
            ? { mode: "chosen", attemptIds: value.attemptIds }
            : { mode: "random", size: value.size!, filter: toCandidateFilter(filter.data) },
      });
      if (result.status === "bad-sample")
        return invalid("create", submission, { [value.mode === "chosen" ? "attemptIds" : "size"]: [result.message] });
      if (result.status === "bad-raters") return invalid("create", submission, { raterIds: [result.message] });
      return redirect(`/calibration/${result.sessionId}`);
    },
  });
}

export default function NewCalibrationPage() {
  const { today, filter, rubrics, teams, scenarios, candidates, matching, people } = useLoaderData<typeof loader>();
  const controls: FilterControl[] = [
    { kind: "select", name: "rubric", label: "Rubric", options: rubrics, defaultValue: filter.rubric },
    { kind: "select", name: "team", label: "Team", any: "Any team", options: teams },
    { kind: "select", name: "scenario", label: "Scenario", any: "Any scenario", options: scenarios },
    { kind: "date", name: "from", label: "Ended from" },
    { kind: "date", name: "to", label: "Ended by" },
    { kind: "select", name: "result", label: "Result", any: "Any result", options: [{ value: BELOW_PASS, label: "Not passed" }] },
  ];
  const hiddenFields = Object.fromEntries(
    Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  return (
    <div className="stack">
      <PageHeader
        title="New calibration session"
        description="Everyone invited scores the same conversations with one rubric, without seeing the automatic grade or each other's scores until the session closes."
        actions={<Link to="/calibration">All sessions</Link>}
      />
      <Card title="1. Which conversations">
        <FilterBar
          label="Filter the conversations to sample"
          idPrefix="sample"
          controls={controls}
          values={filter}
          clearTo="/calibration/new"
        />
      </Card>
      <Card title="2. The session">
        <NewCalibrationForm today={today} candidates={candidates} matching={matching} people={people} hiddenFields={hiddenFields} />
      </Card>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "New calibration session · Frontline" }];
