import { getInputProps, getTextareaProps } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ASSIGNMENT_NOTE_MAX, PassCriteriaFields, type AssignmentKind } from "~/domain/coaching.ts";
import { message, translateMessage } from "~/i18n/message.ts";
import { ActionButton } from "../forms/action-button.tsx";
import { IntentForm, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button, buttonClassName } from "../ui/button.tsx";
import { Field, TextareaField } from "../ui/field.tsx";
import { Card } from "../ui/layout.tsx";
import { dueDate } from "./assignment-form.tsx";

/** A change to one assignment, checked the same way in the browser and the action; `today` is the earliest due date. */
export const assignmentChangeSchema = (today: string) =>
  z.object({
    dueDate: dueDate(today),
    ...PassCriteriaFields,
    note: z
      .string()
      .trim()
      .max(ASSIGNMENT_NOTE_MAX, message("assignments:validation.noteTooLong", { max: ASSIGNMENT_NOTE_MAX }))
      .default(""),
  });

export type ChangeableAssignment = {
  id: string;
  title: string;
  kind: AssignmentKind;
  agentName: string;
  dueDate: string;
  minScore: number | null;
  scenarioPassScore: number | null;
  minLevels: Record<string, number>;
  criteria: { id: string; title: string; maxLevel: number }[];
};

/** The due date, pass criteria and a note for the agent; saving tells the agent what changed. */
export function AssignmentChangeForm({ assignment, today }: { assignment: ChangeableAssignment; today: string }) {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm({
    id: "change-assignment",
    intent: "change",
    schema: assignmentChangeSchema(today),
    defaultValue: {
      dueDate: assignment.dueDate,
      minScore: assignment.minScore === null ? undefined : assignment.minScore,
      minLevels: assignment.criteria.map((criterion) => ({ criterionId: criterion.id, level: assignment.minLevels[criterion.id] })),
    },
  });
  const pending = useIsPending({ intent: "change" });
  const levelFields = fields.minLevels.getFieldList();
  return (
    <Card title={t("assignments:change.title")}>
      <IntentForm form={form} intent="change" className="form">
        <Field
          label={t("assignments:form.dueDate")}
          hint={t("assignments:change.dueHint")}
          errors={fields.dueDate.errors}
          inputProps={{ ...getInputProps(fields.dueDate, { type: "date" }), min: today }}
        />
        {assignment.kind === "scenario" ? (
          <fieldset className="choice-group">
            <legend>{t("assignments:form.passCriteria")}</legend>
            <Field
              label={t("assignments:form.minScore")}
              hint={t("assignments:change.minScoreHint", { passScore: assignment.scenarioPassScore ?? 70 })}
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
            <div className="form-grid">
              {assignment.criteria.map((criterion, position) => {
                const entry = levelFields[position]?.getFieldset();
                const selectId = `${form.id}-min-level-${position}`;
                return (
                  <div key={criterion.id} className="field">
                    <input type="hidden" name={`${fields.minLevels.name}[${position}].criterionId`} value={criterion.id} />
                    <label htmlFor={selectId}>{t("assignments:change.minLevel", { criterion: criterion.title })}</label>
                    <select
                      id={selectId}
                      name={`${fields.minLevels.name}[${position}].level`}
                      defaultValue={typeof entry?.level.initialValue === "string" ? entry.level.initialValue : ""}
                    >
                      <option value="">{t("assignments:form.noMinimum")}</option>
                      {Array.from({ length: criterion.maxLevel }, (_, index) => index + 1).map((level) => (
                        <option key={level} value={level}>
                          {t("assignments:change.atLeastLevel", { level, max: criterion.maxLevel })}
                        </option>
                      ))}
                    </select>
                  </div>
                );
              })}
            </div>
          </fieldset>
        ) : null}
        <TextareaField
          label={t("assignments:change.noteLabel", { name: assignment.agentName })}
          hint={t("assignments:change.noteHint")}
          errors={fields.note.errors}
          textareaProps={{ ...getTextareaProps(fields.note), rows: 3, maxLength: ASSIGNMENT_NOTE_MAX }}
        />
        <div className="row">
          <Button type="submit" pending={pending}>
            {t("assignments:change.save", { name: assignment.agentName })}
          </Button>
          <Link to="/coaching/assignments">{t("common:actions.cancel")}</Link>
        </div>
      </IntentForm>
    </Card>
  );
}

/** Withdrawing, once confirmed. */
export function WithdrawAssignmentCard({ assignment, confirming }: { assignment: ChangeableAssignment; confirming: boolean }) {
  const { t } = useTranslation();
  return (
    <Card title={t("assignments:withdraw.title")}>
      {confirming ? (
        <div role="alertdialog" aria-labelledby="confirm-withdraw-title" className="alert alert--warning">
          <h3 id="confirm-withdraw-title">{t("assignments:withdraw.confirmTitle", { title: assignment.title })}</h3>
          <p>{t("assignments:withdraw.confirmBody", { name: assignment.agentName })}</p>
          <div className="row">
            <ActionButton intent="withdraw" variant="danger" className="">
              {t("assignments:withdraw.yes")}
            </ActionButton>
            <Link to={`/coaching/assignments/${assignment.id}`} className={buttonClassName("secondary")}>
              {t("assignments:withdraw.keep")}
            </Link>
          </div>
        </div>
      ) : (
        <p>
          <Link to="?confirm=withdraw">{t("assignments:withdraw.link")}</Link>
        </p>
      )}
    </Card>
  );
}
