import { getInputProps, getTextareaProps } from "@conform-to/react";
import { z } from "zod";
import { ACTION_ITEM_MAX, ACTION_ITEM_MIN, MAX_FOCUS, MIN_FOCUS, NOTES_MAX } from "~/domain/coaching.ts";
import { calendarDayField, DATE_WINDOW_DAYS, shiftDay } from "~/domain/fields.ts";
import { dueDateToInstant, localDate, zonedDateTimeToUtc } from "~/engine/coaching/sessions.ts";
import { CheckboxGroup, type ChoiceOption as LinkOption } from "../forms/choice-group.tsx";
import { IntentForm, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button } from "../ui/button.tsx";
import { Field, TextareaField } from "../ui/field.tsx";

/** Blank action-item rows offered when scheduling; more can be added on the session page. */
const NEW_ACTION_ITEM_ROWS = 3;
const MAX_LINKS = 30;
const MAX_NEW_ACTION_ITEMS = 20;

/** What the forms need to know about "now" and the person filling them in. */
export type SessionFormContext = { competencyKeys: string[]; today: string; timeZone: string };

function actionItemText() {
  return z
    .string({ required_error: "Describe the action item" })
    .trim()
    .min(ACTION_ITEM_MIN, `Write at least ${ACTION_ITEM_MIN} characters`)
    .max(ACTION_ITEM_MAX, `Keep it under ${ACTION_ITEM_MAX} characters`);
}

function dueDate(today: string) {
  return calendarDayField({
    required: "Choose a due date",
    min: { day: today, message: "Choose today or a later date" },
    max: { day: shiftDay(today, DATE_WINDOW_DAYS), message: "Choose a date within a year" },
  }).transform((value) => dueDateToInstant(value)!);
}

export function createActionItemSchema({ today }: Pick<SessionFormContext, "today">) {
  return z.object({ text: actionItemText(), dueDate: dueDate(today) });
}

/**
 * The fields of a session, shared by scheduling and editing, checked the same
 * way in the browser and the action. Editing shows no action-item rows, so its
 * list is empty; items on an existing session are added one at a time.
 */
export function createSessionSchema({ competencyKeys, today, timeZone }: SessionFormContext) {
  const rowSchema = createActionItemSchema({ today });
  return z.object({
    scheduledAt: z.string({ required_error: "Choose the date and time of the session" }).transform((value, ctx) => {
      const instant = zonedDateTimeToUtc(value, timeZone);
      if (!instant) {
        ctx.addIssue({ code: "custom", message: "Enter a valid date and time" });
        return z.NEVER;
      }
      const day = localDate(instant, timeZone);
      if (day < shiftDay(today, -DATE_WINDOW_DAYS) || day > shiftDay(today, DATE_WINDOW_DAYS)) {
        ctx.addIssue({ code: "custom", message: "Choose a date within a year of today" });
        return z.NEVER;
      }
      return instant;
    }),
    focus: z
      .array(z.enum(competencyKeys as [string, ...string[]], { errorMap: () => ({ message: "Choose competencies from the list" }) }), {
        required_error: `Choose at least ${MIN_FOCUS} competency to focus on`,
      })
      .min(MIN_FOCUS, `Choose at least ${MIN_FOCUS} competency to focus on`)
      .max(MAX_FOCUS, `Choose at most ${MAX_FOCUS} competencies: a 1:1 with more has no focus`),
    sharedNotes: z
      .string()
      .trim()
      .max(NOTES_MAX, `Keep shared notes under ${NOTES_MAX.toLocaleString("en")} characters`)
      .default(""),
    privateNotes: z
      .string()
      .trim()
      .max(NOTES_MAX, `Keep private notes under ${NOTES_MAX.toLocaleString("en")} characters`)
      .default(""),
    attemptIds: z.array(z.string().min(1)).max(MAX_LINKS, `Link at most ${MAX_LINKS} conversations`).default([]),
    reflections: z.array(z.string().min(1)).max(MAX_LINKS, `Link at most ${MAX_LINKS} reflections`).default([]),
    actionItems: z
      .array(z.object({ text: z.string().optional(), dueDate: z.string().optional() }))
      .max(MAX_NEW_ACTION_ITEMS, `Add at most ${MAX_NEW_ACTION_ITEMS} action items at once`)
      .default([])
      .transform((rows, ctx) => {
        const items: { text: string; dueAt: Date }[] = [];
        rows.forEach((row, index) => {
          // A row left blank is simply not an action item.
          if (!row.text?.trim() && !row.dueDate) return;
          const parsed = rowSchema.safeParse(row);
          if (parsed.success) items.push({ text: parsed.data.text, dueAt: parsed.data.dueDate });
          else for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: [index, ...issue.path] });
        });
        return items;
      }),
  });
}

export type { ChoiceOption as LinkOption } from "../forms/choice-group.tsx";

export type SessionFormDefaults = {
  scheduledAt?: string;
  focus?: string[];
  sharedNotes?: string;
  privateNotes?: string;
  attemptIds?: string[];
  reflections?: string[];
};

/**
 * Scheduling a session (with its first action items) or editing one. Without
 * JavaScript it posts and the action answers with the same messages.
 */
export function SessionForm({
  id,
  intent,
  context,
  agentName,
  competencies,
  attempts,
  reflections,
  defaultValue,
  withActionItems,
  submitLabel,
  hiddenFields,
}: {
  id: string;
  intent: string;
  context: SessionFormContext;
  agentName: string;
  competencies: LinkOption[];
  attempts: LinkOption[];
  reflections: LinkOption[];
  defaultValue: SessionFormDefaults;
  withActionItems: boolean;
  submitLabel: string;
  hiddenFields?: Record<string, string>;
}) {
  const [form, fields] = useIntentForm({
    id,
    intent,
    schema: createSessionSchema(context),
    defaultValue: {
      ...defaultValue,
      actionItems: withActionItems ? Array.from({ length: NEW_ACTION_ITEM_ROWS }, () => ({ text: "", dueDate: "" })) : [],
    },
  });
  const itemRows = fields.actionItems.getFieldList();
  const pending = useIsPending({ intent });

  return (
    <IntentForm form={form} intent={intent} className="form session-form">
      {Object.entries(hiddenFields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field
        label="Date and time"
        hint={`In your time zone, ${context.timeZone}. A past date records a session already held.`}
        errors={fields.scheduledAt.errors}
        inputProps={getInputProps(fields.scheduledAt, { type: "datetime-local" })}
      />
      <CheckboxGroup
        meta={fields.focus}
        legend={`Focus competencies (${MIN_FOCUS} to ${MAX_FOCUS})`}
        hint="What this 1:1 is about. Pick the skills the conversation will work on."
        options={competencies}
        columns
      />
      <TextareaField
        label="Shared notes"
        hint={`${agentName} sees these: the agenda, what you noticed, what you agreed.`}
        errors={fields.sharedNotes.errors}
        textareaProps={{ ...getTextareaProps(fields.sharedNotes), rows: 6 }}
      />
      <TextareaField
        label="Private notes"
        hint={`Never shown to ${agentName}. Only their lead and admins can read these.`}
        errors={fields.privateNotes.errors}
        textareaProps={{ ...getTextareaProps(fields.privateNotes), rows: 4 }}
      />
      <CheckboxGroup
        meta={fields.attemptIds}
        legend="Practice conversations to discuss"
        hint={`${agentName}'s latest graded conversations.`}
        options={attempts}
        empty={`${agentName} has no graded practice yet.`}
      />
      <CheckboxGroup
        meta={fields.reflections}
        legend="Reflections to discuss"
        hint={`What ${agentName} wrote in their modules.`}
        options={reflections}
        empty={`${agentName} hasn't written any reflections yet.`}
      />
      {withActionItems ? (
        <fieldset className="action-item-rows">
          <legend>Action items</legend>
          <p className="field__hint">
            What {agentName} will do next, each with a due date from today on. Leave a row empty to skip it; you can add more later.
          </p>
          {fields.actionItems.errors?.length ? (
            <ul className="field__errors">
              {fields.actionItems.errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          ) : null}
          {itemRows.map((row, index) => {
            const item = row.getFieldset();
            return (
              <div key={row.key} className="action-item-row">
                <Field
                  label={`Action item ${index + 1}`}
                  errors={item.text.errors}
                  inputProps={{ ...getInputProps(item.text, { type: "text" }), maxLength: ACTION_ITEM_MAX, autoComplete: "off" }}
                />
                <Field
                  label={`Due date for item ${index + 1}`}
                  errors={item.dueDate.errors}
                  inputProps={{ ...getInputProps(item.dueDate, { type: "date" }), min: context.today }}
                />
              </div>
            );
          })}
        </fieldset>
      ) : null}
      <div className="row">
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
      </div>
    </IntentForm>
  );
}
