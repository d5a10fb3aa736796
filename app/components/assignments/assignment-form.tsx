import { getInputProps, getSelectProps } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ASSIGNMENT_KINDS, PassCriteriaFields, type AssignmentKind } from "~/domain/coaching.ts";
import { calendarDayField, DATE_WINDOW_DAYS, shiftDay } from "~/domain/fields.ts";
import { message, translateMessage } from "~/i18n/message.ts";
import { CheckboxGroup, RadioGroup } from "../forms/choice-group.tsx";
import { IntentForm, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button } from "../ui/button.tsx";
import { Field } from "../ui/field.tsx";

export function dueDate(today: string) {
  return (
    calendarDayField({
      required: message("assignments:validation.dueRequired"),
      min: { day: today, message: message("assignments:validation.dueTooEarly") },
      max: { day: shiftDay(today, DATE_WINDOW_DAYS), message: message("assignments:validation.dueTooLate") },
    })
      // Due at the end of the chosen day (UTC, the zone every date in the app is shown in).
      .transform((value) => new Date(`${value}T23:59:59.999Z`))
  );
}

// Three parts checked side by side, so one submission reports every problem at
// once: a cross-field check inside a single object would wait for the rest to pass.
const WhatSchema = z
  .object({
    kind: z.enum(ASSIGNMENT_KINDS, { errorMap: () => ({ message: message("assignments:validation.chooseKind") }) }),
    contentSlug: z.string({ required_error: message("assignments:validation.chooseContent") }).max(100),
    ...PassCriteriaFields,
  })
  .superRefine((value, context) => {
    if (value.kind === "module" && value.minScore !== undefined) {
      context.addIssue({
        code: "custom",
        path: ["minScore"],
        message: message("assignments:validation.moduleMinScore"),
      });
    }
    if (value.kind === "module" && value.minLevels.some((entry) => entry.level)) {
      context.addIssue({
        code: "custom",
        path: ["minLevels"],
        message: message("assignments:validation.moduleMinLevels"),
      });
    }
  });

const WhoSchema = z
  .object({
    teamId: z.string().max(50).optional(),
    everyone: z.boolean().optional(),
    assignees: z.array(z.string().max(50)).max(1000, message("assignments:validation.tooManyPeople")).default([]),
  })
  .superRefine((value, context) => {
    if (!value.everyone && value.assignees.length === 0) {
      context.addIssue({ code: "custom", path: ["assignees"], message: message("assignments:validation.choosePeople") });
    }
  });

/** A new assignment, checked the same way in the browser and the action; `today` is the earliest due date. */
export const assignmentSchema = (today: string) => WhatSchema.and(WhoSchema).and(z.object({ dueDate: dueDate(today) }));

const KIND_CHOICES: Record<AssignmentKind, { label: `assignments:${string}`; detail: `assignments:${string}` }> = {
  module: { label: "assignments:form.kindModule", detail: "assignments:form.kindModuleDetail" },
  scenario: { label: "assignments:form.kindScenario", detail: "assignments:form.kindScenarioDetail" },
};

export type AssignmentFormOptions = {
  today: string;
  modules: { slug: string; title: string }[];
  scenarios: { slug: string; title: string }[];
  rubrics: { id: string; title: string; criteria: { id: string; title: string; levels: { value: string; label: string }[] }[] }[];
};

export type AssignmentTeam = { id: string; name: string; members: { id: string; name: string }[] };

export function AssignmentForm({ options, team }: { options: AssignmentFormOptions; team: AssignmentTeam }) {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm({ id: "new-assignment", intent: "create", schema: assignmentSchema(options.today) });
  const pending = useIsPending({ intent: "create" });
  // Without JavaScript both lists and the scenario settings show; the server checks they agree.
  const kind = fields.kind.value;
  const showModules = kind !== "scenario";
  const showScenarios = kind !== "module";
  // Each criterion keeps one fixed position in the list, whatever was submitted before.
  const criterionIds = options.rubrics.flatMap((rubric) => rubric.criteria.map((criterion) => criterion.id));
  const submittedLevels = (Array.isArray(fields.minLevels.value) ? fields.minLevels.value : []) as {
    criterionId?: string;
    level?: string;
  }[];
  const levelOf = (criterionId: string) => submittedLevels.find((entry) => entry?.criterionId === criterionId)?.level ?? "";
  const contentErrors = fields.contentSlug.errors;

  return (
    <IntentForm form={form} intent="create" className="form assignment-form">
      <input type="hidden" name={fields.teamId.name} value={team.id} />

      <RadioGroup
        meta={fields.kind}
        legend={t("assignments:form.kindLegend")}
        options={ASSIGNMENT_KINDS.map((value) => ({ value, label: t(KIND_CHOICES[value].label), detail: t(KIND_CHOICES[value].detail) }))}
      />

      <div className="field">
        <label htmlFor={fields.contentSlug.id}>{t("assignments:form.what")}</label>
        <select
          {...getSelectProps(fields.contentSlug)}
          aria-invalid={contentErrors?.length ? true : undefined}
          aria-describedby={contentErrors?.length ? fields.contentSlug.errorId : undefined}
        >
          <option value="">{t("assignments:form.choose", { kind: kind === "scenario" || kind === "module" ? kind : "either" })}</option>
          {showModules ? (
            <optgroup label={t("assignments:form.modules")}>
              {options.modules.map((module) => (
                <option key={module.slug} value={module.slug}>
                  {module.title}
                </option>
              ))}
            </optgroup>
          ) : null}
          {showScenarios ? (
            <optgroup label={t("assignments:form.scenarios")}>
              {options.scenarios.map((scenario) => (
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
              <li key={error}>{translateMessage(t, error)}</li>
            ))}
          </ul>
        ) : null}
      </div>

      <fieldset className="choice-group">
        <legend>{t("assignments:form.who")}</legend>
        <label className="choice-option choice-option--strong">
          <input {...getInputProps(fields.everyone, { type: "checkbox" })} />
          <span>{t("assignments:form.everyone", { team: team.name })}</span>
        </label>
        <CheckboxGroup
          meta={fields.assignees}
          legend={t("assignments:form.people", { team: team.name })}
          options={team.members.map((member) => ({ value: member.id, label: member.name }))}
          empty={t("assignments:form.noAgents", { team: team.name })}
          columns
        />
      </fieldset>

      <Field
        label={t("assignments:form.dueDate")}
        hint={t("assignments:form.dueHint")}
        errors={fields.dueDate.errors}
        inputProps={{ ...getInputProps(fields.dueDate, { type: "date" }), min: options.today }}
      />

      {showScenarios ? (
        <fieldset className="choice-group">
          <legend>
            {t("assignments:form.passCriteria")}{" "}
            {kind === "scenario" ? null : <span className="muted">{t("assignments:form.scenariosOnly")}</span>}
          </legend>
          <Field
            label={t("assignments:form.minScore")}
            hint={t("assignments:form.minScoreHint")}
            errors={fields.minScore.errors}
            inputProps={{ ...getInputProps(fields.minScore, { type: "number" }), inputMode: "numeric" }}
          />
          {fields.minLevels.errors?.length ? (
            <ul className="field__errors" role="alert">
              {fields.minLevels.errors.map((error) => (
                <li key={error}>{translateMessage(t, error)}</li>
              ))}
            </ul>
          ) : null}
          {options.rubrics.map((rubric, rubricIndex) => {
            const rows = rubric.criteria.map((criterion) => {
              const position = criterionIds.indexOf(criterion.id);
              const selectId = `${form.id}-min-level-${position}`;
              return (
                <div key={criterion.id} className="field">
                  <input type="hidden" name={`${fields.minLevels.name}[${position}].criterionId`} value={criterion.id} />
                  <label htmlFor={selectId}>{criterion.title}</label>
                  <select id={selectId} name={`${fields.minLevels.name}[${position}].level`} defaultValue={levelOf(criterion.id)}>
                    <option value="">{t("assignments:form.noMinimum")}</option>
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
                <legend>{t("assignments:form.minLevels", { rubric: rubric.title })}</legend>
                <div className="form-grid">{rows}</div>
              </fieldset>
            ) : (
              <details key={rubric.id} className="criteria-more">
                <summary>{t("assignments:form.minLevels", { rubric: rubric.title })}</summary>
                <div className="form-grid">{rows}</div>
              </details>
            );
          })}
        </fieldset>
      ) : null}

      <div className="row">
        <Button type="submit" pending={pending}>
          {t("assignments:form.assign")}
        </Button>
        <Link to="/coaching/assignments">{t("common:actions.cancel")}</Link>
      </div>
    </IntentForm>
  );
}
