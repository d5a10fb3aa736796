import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { calibrationSchema, NewCalibrationForm } from "~/components/calibration/new-session-form.tsx";
import { FilterBar, type FilterControl } from "~/components/forms/filter-bar.tsx";
import { Card, PageHeader } from "~/components/ui/layout.tsx";
import { calendarDayField, optionalFilter, parseCalendarDay, todayUtc } from "~/domain/fields.ts";
import { ROLE_LABELS, type Role } from "~/domain/people.ts";
import { CALIBRATION_ORGANISER_ROLES } from "~/engine/access/calibration.ts";
import { dueDateToInstant } from "~/engine/coaching/sessions.ts";
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useFormat } from "~/i18n/use-format.ts";
import {
  calibrationRubrics,
  countCandidates,
  createCalibrationSession,
  listCandidates,
  listInvitable,
  type CandidateFilter,
} from "~/models/calibration.server.ts";
import { listInsightTeams } from "~/models/insights.server.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { handleIntent, invalid } from "~/utils/forms.server.ts";
import { requireRole } from "~/utils/permissions.server.ts";
import { parseSearchParams, readFormData } from "~/utils/request.server.ts";

const BELOW_PASS = "below-pass";
const anyDay = calendarDayField({
  required: message("calibration:new.query.dateRequired"),
  min: { day: "2000-01-01", message: message("calibration:new.query.dateTooEarly") },
  max: { day: "2999-12-31", message: message("calibration:new.query.dateTooLate") },
});

/** The sample's filter: in the address while choosing, as hidden fields when the form is sent. */
const FilterSchema = z.object({
  rubric: optionalFilter(z.string().max(60, message("calibration:new.query.rubric"))),
  team: optionalFilter(z.string().max(64, message("calibration:new.query.team"))),
  scenario: optionalFilter(z.string().max(100, message("calibration:new.query.scenario"))),
  from: optionalFilter(anyDay),
  to: optionalFilter(anyDay),
  result: optionalFilter(z.enum([BELOW_PASS], { errorMap: () => ({ message: message("calibration:new.query.result") }) })),
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
      endedAt: candidate.endedAt,
      score: candidate.score,
    })),
    matching,
    people: people.map((person) => ({ value: person.id, label: person.name, role: person.role as Role, team: person.team?.name ?? null })),
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
      if (!filter.success) return invalid("create", submission, { mode: [message("calibration:new.filterInvalid")] });
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
  const { t } = useTranslation();
  const format = useFormat();
  const controls: FilterControl[] = [
    { kind: "select", name: "rubric", label: t("calibration:new.filter.rubric"), options: rubrics, defaultValue: filter.rubric },
    { kind: "select", name: "team", label: t("calibration:new.filter.team"), any: t("calibration:new.filter.anyTeam"), options: teams },
    {
      kind: "select",
      name: "scenario",
      label: t("calibration:new.filter.scenario"),
      any: t("calibration:new.filter.anyScenario"),
      options: scenarios,
    },
    { kind: "date", name: "from", label: t("calibration:new.filter.from") },
    { kind: "date", name: "to", label: t("calibration:new.filter.to") },
    {
      kind: "select",
      name: "result",
      label: t("calibration:new.filter.result"),
      any: t("calibration:new.filter.anyResult"),
      options: [{ value: BELOW_PASS, label: t("calibration:new.filter.notPassed") }],
    },
  ];
  const candidateOptions = candidates.map((candidate) => ({
    value: candidate.value,
    label: candidate.label,
    detail: t("calibration:new.candidateDetail", { day: format.day(candidate.endedAt), score: format.number(candidate.score) }),
  }));
  const peopleOptions = people.map((person) => {
    const role = t(ROLE_LABELS[person.role]);
    return {
      value: person.value,
      label: person.label,
      detail: person.team ? t("calibration:new.personDetail", { role, team: person.team }) : role,
    };
  });
  const hiddenFields = Object.fromEntries(
    Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  return (
    <div className="stack">
      <PageHeader
        title={t("calibration:new.title")}
        description={t("calibration:new.description")}
        actions={<Link to="/calibration">{t("calibration:allSessions")}</Link>}
      />
      <Card title={t("calibration:new.sampleCard")}>
        <FilterBar
          label={t("calibration:new.filter.label")}
          idPrefix="sample"
          controls={controls}
          values={filter}
          clearTo="/calibration/new"
        />
      </Card>
      <Card title={t("calibration:new.sessionCard")}>
        <NewCalibrationForm
          today={today}
          candidates={candidateOptions}
          matching={matching}
          people={peopleOptions}
          hiddenFields={hiddenFields}
        />
      </Card>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "calibration:new.title") }];
