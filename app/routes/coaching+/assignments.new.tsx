import { getCollectionProps, getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Button } from "~/components/ui/button.tsx";
import { Field, FormErrors } from "~/components/ui/field.tsx";
import { EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { getCatalog } from "~/content/modules.server.ts";
import { getPracticeCatalog } from "~/content/practice.server.ts";
import { ASSIGNMENT_KINDS } from "~/engine/coaching/assignment-status.ts";
import { createAssignments, listAssignableTeams, type AssignmentField } from "~/models/assignment.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { calendarDayField, DATE_WINDOW_DAYS, shiftDay } from "~/utils/date-fields.ts";
import { notFound, requireRole } from "~/utils/permissions.server.ts";
import { optionalFilter } from "~/utils/query-fields.ts";
import { parseSearchParams, readFormData } from "~/utils/request.server.ts";

const todayUtc = () => new Date().toISOString().slice(0, 10);

function dueDate(today: string) {
  return (
    calendarDayField({
      required: "Choose a due date",
      min: { day: today, message: "Choose today or a later date" },
      max: { day: shiftDay(today, DATE_WINDOW_DAYS), message: "Choose a date within a year" },
    })
      // Due at the end of the chosen day (UTC, the zone every date in the app is shown in).
      .transform((value) => new Date(`${value}T23:59:59.999Z`))
  );
}

// Three parts checked side by side, so one submission reports every problem at
// once: a cross-field check inside a single object would wait for the rest to pass.
const WhatSchema = z
  .object({
    kind: z.enum(ASSIGNMENT_KINDS, { errorMap: () => ({ message: "Choose a module or a practice conversation" }) }),
    contentSlug: z.string({ required_error: "Choose what to assign" }).max(100),
    minScore: z
      .number({ invalid_type_error: "Enter a whole number from 1 to 100" })
      .int("Enter a whole number from 1 to 100")
      .min(1, "Enter a whole number from 1 to 100")
      .max(100, "Enter a whole number from 1 to 100")
      .optional(),
    minLevels: z
      .array(
        z.object({
          criterionId: z.string().max(100),
          level: z.number({ invalid_type_error: "Choose a level" }).int().min(0).max(4).optional(),
        }),
      )
      .max(50)
      .default([]),
  })
  .superRefine((value, context) => {
    if (value.kind === "module" && value.minScore !== undefined) {
      context.addIssue({
        code: "custom",
        path: ["minScore"],
        message: "Modules pass on completion; clear the minimum score or choose a scenario",
      });
    }
    if (value.kind === "module" && value.minLevels.some((entry) => entry.level)) {
      context.addIssue({
        code: "custom",
        path: ["minLevels"],
        message: "Minimum levels apply to scenarios only; clear them or choose a scenario",
      });
    }
  });

const WhoSchema = z
  .object({
    teamId: z.string().max(50).optional(),
    everyone: z.boolean().optional(),
    assignees: z.array(z.string().max(50)).max(1000, "Choose fewer people, or everyone on the team").default([]),
  })
  .superRefine((value, context) => {
    if (!value.everyone && value.assignees.length === 0) {
      context.addIssue({ code: "custom", path: ["assignees"], message: "Choose at least one person, or everyone on the team" });
    }
  });

const assignmentSchema = (today: string) => WhatSchema.and(WhoSchema).and(z.object({ dueDate: dueDate(today) }));

const FIELD_NAMES: Record<AssignmentField, string> = {
  contentSlug: "contentSlug",
  dueAt: "dueDate",
  minScore: "minScore",
  minLevels: "minLevels",
  assignees: "assignees",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["lead", "admin"]);
  const { team: teamId } = parseSearchParams(request, z.object({ team: optionalFilter(z.string().max(50)) }));
  const [teams, catalog, practice] = await Promise.all([listAssignableTeams(toViewer(user)), getCatalog(), getPracticeCatalog()]);
  const team = teamId ? teams.find((candidate) => candidate.id === teamId) : teams[0];
  if (teamId && !team) notFound("That team isn't one you can assign to.");
  const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title);
  // Empathy first: it is what leads most often set a floor for.
  const rubrics = practice.rubrics
    .map((rubric) => ({ id: rubric.id, title: rubric.title, criteria: rubric.criteria.filter((criterion) => !criterion.critical) }))
    .filter((rubric) => rubric.criteria.length > 0)
    .sort((a, b) => Number(b.id === "empathy") - Number(a.id === "empathy") || a.title.localeCompare(b.title));
  return {
    teams: teams.map((candidate) => ({ id: candidate.id, name: candidate.name })),
    team: team ? { id: team.id, name: team.name, members: team.members } : null,
    modules: catalog.modules.map((module) => ({ slug: module.slug, title: module.frontmatter.title })).sort(byTitle),
    scenarios: practice.scenarios
      .map((scenario) => ({ slug: scenario.slug, title: scenario.title, passScore: scenario.passScore }))
      .sort(byTitle),
    rubrics: rubrics.map((rubric) => ({
      id: rubric.id,
      title: rubric.title,
      criteria: rubric.criteria.map((criterion) => ({
        id: criterion.id,
        title: criterion.title,
        levels: criterion.levels
          .filter((level) => level.level > 0)
          .sort((a, b) => a.level - b.level)
          .map((level) => ({ value: String(level.level), label: `At least ${level.label.toLowerCase()} (${level.level})` })),
      })),
    })),
    today: todayUtc(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["lead", "admin"]);
  const submission = parseWithZod(await readFormData(request), { schema: assignmentSchema(todayUtc()) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const value = submission.value;
  const result = await createAssignments(toViewer(user), {
    kind: value.kind,
    contentSlug: value.contentSlug,
    dueAt: value.dueDate,
    minScore: value.minScore ?? null,
    minLevels: Object.fromEntries(value.minLevels.filter((entry) => entry.level).map((entry) => [entry.criterionId, entry.level!])),
    userIds: value.assignees,
    teamId: value.everyone ? (value.teamId ?? null) : null,
  });
  if (result.status === "out-of-scope") notFound("You can assign only to people on the teams you lead.");
  if (result.status === "refused") {
    return data({ result: submission.reply({ fieldErrors: { [FIELD_NAMES[result.field]]: [result.message] } }) }, { status: 400 });
  }
  return redirect(`/coaching/assignments?assigned=${result.created}&skipped=${result.skipped.length}`);
}

const KIND_CHOICES = {
  module: { label: "A module to read", hint: "done when they complete it." },
  scenario: { label: "A practice conversation", hint: "done when a graded attempt meets the pass criteria below." },
} as const;

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function AssignmentForm({
  data: loaded,
  team,
  lastResult,
}: {
  data: LoaderData;
  team: NonNullable<LoaderData["team"]>;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const navigation = useNavigation();
  const schema = assignmentSchema(loaded.today);
  const [form, fields] = useForm({
    id: "new-assignment",
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  // Without JavaScript both lists and the scenario settings show; the server checks they agree.
  const kind = fields.kind.value;
  const showModules = kind !== "scenario";
  const showScenarios = kind !== "module";
  // Each criterion keeps one fixed position in the list, whatever was submitted before.
  const criterionIds = loaded.rubrics.flatMap((rubric) => rubric.criteria.map((criterion) => criterion.id));
  const submittedLevels = (Array.isArray(fields.minLevels.value) ? fields.minLevels.value : []) as {
    criterionId?: string;
    level?: string;
  }[];
  const levelOf = (criterionId: string) => submittedLevels.find((entry) => entry?.criterionId === criterionId)?.level ?? "";
  const contentErrors = fields.contentSlug.errors;
  const assigneeErrors = fields.assignees.errors;
  const names = new Map(team.members.map((member) => [member.id, member.name]));

  return (
    <Form method="post" className="form assignment-form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name={fields.teamId.name} value={team.id} />

      <fieldset className="choice-group">
        <legend>What kind of work?</legend>
        {getCollectionProps(fields.kind, { type: "radio", options: [...ASSIGNMENT_KINDS] }).map(({ key, ...props }) => (
          <label key={key} className="choice-option">
            <input {...props} />
            <span>
              {KIND_CHOICES[props.value as (typeof ASSIGNMENT_KINDS)[number]].label}{" "}
              <span className="muted">— {KIND_CHOICES[props.value as (typeof ASSIGNMENT_KINDS)[number]].hint}</span>
            </span>
          </label>
        ))}
        {fields.kind.errors?.length ? (
          <ul id={fields.kind.errorId} className="field__errors">
            {fields.kind.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        ) : null}
      </fieldset>

      <div className="field">
        <label htmlFor={fields.contentSlug.id}>What to assign</label>
        <select
          {...getSelectProps(fields.contentSlug)}
          aria-invalid={contentErrors?.length ? true : undefined}
          aria-describedby={contentErrors?.length ? fields.contentSlug.errorId : undefined}
        >
          <option value="">Choose a {kind === "scenario" ? "scenario" : kind === "module" ? "module" : "module or scenario"}</option>
          {showModules ? (
            <optgroup label="Modules">
              {loaded.modules.map((module) => (
                <option key={module.slug} value={module.slug}>
                  {module.title}
                </option>
              ))}
            </optgroup>
          ) : null}
          {showScenarios ? (
            <optgroup label="Practice scenarios">
              {loaded.scenarios.map((scenario) => (
                <option key={scenario.slug} value={scenario.slug}>
                  {scenario.title}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
        {contentErrors?.length ? (
          <ul id={fields.contentSlug.errorId} className="field__errors">
            {contentErrors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        ) : null}
      </div>

      <fieldset className="choice-group" aria-describedby={assigneeErrors?.length ? fields.assignees.errorId : undefined}>
        <legend>Who</legend>
        <label className="choice-option choice-option--strong">
          <input {...getInputProps(fields.everyone, { type: "checkbox" })} />
          <span>Everyone on {team.name}</span>
        </label>
        {team.members.length === 0 ? (
          <p className="muted">No active agents on {team.name} yet.</p>
        ) : (
          <ul className="assignee-list">
            {getCollectionProps(fields.assignees, { type: "checkbox", options: team.members.map((member) => member.id) }).map(
              ({ key, ...props }) => (
                <li key={key}>
                  <label className="choice-option">
                    <input {...props} />
                    <span>{names.get(props.value)}</span>
                  </label>
                </li>
              ),
            )}
          </ul>
        )}
        {assigneeErrors?.length ? (
          <ul id={fields.assignees.errorId} className="field__errors">
            {assigneeErrors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        ) : null}
      </fieldset>

      <Field
        label="Due date"
        hint="Due at the end of that day (UTC). Today or later."
        errors={fields.dueDate.errors}
        inputProps={{ ...getInputProps(fields.dueDate, { type: "date" }), min: loaded.today }}
      />

      {showScenarios ? (
        <fieldset className="choice-group">
          <legend>Pass criteria {kind === "scenario" ? null : <span className="muted">(scenarios only)</span>}</legend>
          <Field
            label="Minimum score"
            hint="1 to 100. Leave empty to use the scenario's own pass mark (usually 70)."
            errors={fields.minScore.errors}
            inputProps={{ ...getInputProps(fields.minScore, { type: "number" }), inputMode: "numeric" }}
          />
          {fields.minLevels.errors?.length ? (
            <ul className="field__errors" role="alert">
              {fields.minLevels.errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          ) : null}
          {loaded.rubrics.map((rubric, rubricIndex) => {
            const rows = rubric.criteria.map((criterion) => {
              const position = criterionIds.indexOf(criterion.id);
              const selectId = `${form.id}-min-level-${position}`;
              return (
                <div key={criterion.id} className="field">
                  <input type="hidden" name={`${fields.minLevels.name}[${position}].criterionId`} value={criterion.id} />
                  <label htmlFor={selectId}>{criterion.title}</label>
                  <select id={selectId} name={`${fields.minLevels.name}[${position}].level`} defaultValue={levelOf(criterion.id)}>
                    <option value="">No minimum</option>
                    {criterion.levels.map((level) => (
                      <option key={level.value} value={level.value}>
                        {level.label}
                      </option>
                    ))}
                  </select>
                </div>
              );
            });
            // The first rubric (empathy) is open; the others wait behind a disclosure.
            return rubricIndex === 0 ? (
              <fieldset key={rubric.id} className="choice-group choice-group--nested">
                <legend>Minimum levels: {rubric.title}</legend>
                <div className="form-grid">{rows}</div>
              </fieldset>
            ) : (
              <details key={rubric.id} className="criteria-more">
                <summary>Minimum levels: {rubric.title}</summary>
                <div className="form-grid">{rows}</div>
              </details>
            );
          })}
        </fieldset>
      ) : null}

      <div className="row">
        <Button type="submit" pending={navigation.state === "submitting"}>
          Assign
        </Button>
        <Link to="/coaching/assignments">Cancel</Link>
      </div>
    </Form>
  );
}

export default function NewAssignmentPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { team, teams } = loaded;
  return (
    <>
      <PageHeader
        title="New assignment"
        description="Give people a module or a practice conversation with a due date. They're notified straight away and reminded two days before it's due."
        actions={<Link to="/coaching/assignments">Back to assignments</Link>}
      />
      {teams.length > 1 && team ? (
        <Form method="get" className="form form--inline" aria-label="Choose a team">
          <div className="field">
            <label htmlFor="assign-team">Team</label>
            <select id="assign-team" name="team" defaultValue={team.id}>
              {teams.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="secondary">
            Show this team
          </Button>
        </Form>
      ) : null}
      {team ? (
        <AssignmentForm key={team.id} data={loaded} team={team} lastResult={actionData?.result} />
      ) : (
        <EmptyState title="No team to assign to">
          You'll be able to assign work once you lead a team. An admin sets team leads in Admin → Teams.
        </EmptyState>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "New assignment · Coaching · Frontline" }];
