import { getInputProps, getTextareaProps } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { z } from "zod";
import { ASSIGNMENT_NOTE_MAX, PassCriteriaFields, type AssignmentKind } from "~/domain/coaching.ts";
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
    note: z.string().trim().max(ASSIGNMENT_NOTE_MAX, `Keep the note under ${ASSIGNMENT_NOTE_MAX} characters`).default(""),
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
    <Card title="Change the assignment">
      <IntentForm form={form} intent="change" className="form">
        <Field
          label="Due date"
          hint="Due at the end of that day (UTC). A later date gives more time."
          errors={fields.dueDate.errors}
          inputProps={{ ...getInputProps(fields.dueDate, { type: "date" }), min: today }}
        />
        {assignment.kind === "scenario" ? (
          <fieldset className="choice-group">
            <legend>Pass criteria</legend>
            <Field
              label="Minimum score"
              hint={`1 to 100. Leave empty to use the scenario's own pass mark (${assignment.scenarioPassScore ?? 70}).`}
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
            <div className="form-grid">
              {assignment.criteria.map((criterion, position) => {
                const entry = levelFields[position]?.getFieldset();
                const selectId = `${form.id}-min-level-${position}`;
                return (
                  <div key={criterion.id} className="field">
                    <input type="hidden" name={`${fields.minLevels.name}[${position}].criterionId`} value={criterion.id} />
                    <label htmlFor={selectId}>Minimum level: {criterion.title}</label>
                    <select
                      id={selectId}
                      name={`${fields.minLevels.name}[${position}].level`}
                      defaultValue={typeof entry?.level.initialValue === "string" ? entry.level.initialValue : ""}
                    >
                      <option value="">No minimum</option>
                      {Array.from({ length: criterion.maxLevel }, (_, index) => index + 1).map((level) => (
                        <option key={level} value={level}>
                          At least level {level} of {criterion.maxLevel}
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
          label={`A note for ${assignment.agentName} (optional)`}
          hint="Sent with the notification, e.g. why the date moved."
          errors={fields.note.errors}
          textareaProps={{ ...getTextareaProps(fields.note), rows: 3, maxLength: ASSIGNMENT_NOTE_MAX }}
        />
        <div className="row">
          <Button type="submit" pending={pending}>
            Save and tell {assignment.agentName}
          </Button>
          <Link to="/coaching/assignments">Cancel</Link>
        </div>
      </IntentForm>
    </Card>
  );
}

/** Withdrawing, once confirmed. */
export function WithdrawAssignmentCard({ assignment, confirming }: { assignment: ChangeableAssignment; confirming: boolean }) {
  return (
    <Card title="Withdraw the assignment">
      {confirming ? (
        <div role="alertdialog" aria-labelledby="confirm-withdraw-title" className="alert alert--warning">
          <h3 id="confirm-withdraw-title">Withdraw “{assignment.title}”?</h3>
          <p>
            It leaves {assignment.agentName}'s list and this board, and they're told. Their practice and progress stay. The audit log keeps
            a record.
          </p>
          <div className="row">
            <ActionButton intent="withdraw" variant="danger" className="">
              Yes, withdraw it
            </ActionButton>
            <Link to={`/coaching/assignments/${assignment.id}`} className={buttonClassName("secondary")}>
              Keep it
            </Link>
          </div>
        </div>
      ) : (
        <p>
          <Link to="?confirm=withdraw">Withdraw this assignment…</Link>
        </p>
      )}
    </Card>
  );
}
