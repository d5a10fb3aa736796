import { getInputProps, getTextareaProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ACTION_ITEM_MAX, ACTION_ITEM_MIN, MAX_FOCUS, MIN_FOCUS, NOTES_MAX } from "~/domain/coaching.ts";
import { calendarDayField, DATE_WINDOW_DAYS, shiftDay } from "~/domain/fields.ts";
import { dueDateToInstant, localDate, zonedDateTimeToUtc } from "~/engine/coaching/sessions.ts";
import { message, translateMessage } from "~/i18n/message.ts";
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
    .string({ required_error: message("coaching:sessionForm.validation.itemRequired") })
    .trim()
    .min(ACTION_ITEM_MIN, message("coaching:sessionForm.validation.itemTooShort", { min: ACTION_ITEM_MIN }))
    .max(ACTION_ITEM_MAX, message("coaching:sessionForm.validation.itemTooLong", { max: ACTION_ITEM_MAX }));
}

function dueDate(today: string) {
  return calendarDayField({
    required: message("assignments:validation.dueRequired"),
    min: { day: today, message: message("assignments:validation.dueTooEarly") },
    max: { day: shiftDay(today, DATE_WINDOW_DAYS), message: message("assignments:validation.dueTooLate") },
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
    scheduledAt: z.string({ required_error: message("coaching:sessionForm.validation.whenRequired") }).transform((value, ctx) => {
      const instant = zonedDateTimeToUtc(value, timeZone);
      if (!instant) {
        ctx.addIssue({ code: "custom", message: message("coaching:sessionForm.validation.whenInvalid") });
        return z.NEVER;
      }
      const day = localDate(instant, timeZone);
      if (day < shiftDay(today, -DATE_WINDOW_DAYS) || day > shiftDay(today, DATE_WINDOW_DAYS)) {
        ctx.addIssue({ code: "custom", message: message("coaching:sessionForm.validation.whenOutOfRange") });
        return z.NEVER;
      }
      return instant;
    }),
    focus: z
      .array(
        z.enum(competencyKeys as [string, ...string[]], {
          errorMap: () => ({ message: message("coaching:sessionForm.validation.focusUnknown") }),
        }),
        {
          required_error: message("coaching:sessionForm.validation.focusTooFew", { min: MIN_FOCUS }),
        },
      )
      .min(MIN_FOCUS, message("coaching:sessionForm.validation.focusTooFew", { min: MIN_FOCUS }))
      .max(MAX_FOCUS, message("coaching:sessionForm.validation.focusTooMany", { max: MAX_FOCUS })),
    sharedNotes: z
      .string()
      .trim()
      .max(NOTES_MAX, message("coaching:sessionForm.validation.sharedNotesTooLong", { max: NOTES_MAX }))
      .default(""),
    privateNotes: z
      .string()
      .trim()
      .max(NOTES_MAX, message("coaching:sessionForm.validation.privateNotesTooLong", { max: NOTES_MAX }))
      .default(""),
    attemptIds: z
      .array(z.string().min(1))
      .max(MAX_LINKS, message("coaching:sessionForm.validation.tooManyAttempts", { max: MAX_LINKS }))
      .default([]),
    reflections: z
      .array(z.string().min(1))
      .max(MAX_LINKS, message("coaching:sessionForm.validation.tooManyReflections", { max: MAX_LINKS }))
      .default([]),
    actionItems: z
      .array(z.object({ text: z.string().optional(), dueDate: z.string().optional() }))
      .max(MAX_NEW_ACTION_ITEMS, message("coaching:sessionForm.validation.tooManyItems", { max: MAX_NEW_ACTION_ITEMS }))
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
  const { t } = useTranslation();
  const pending = useIsPending({ intent });

  return (
    <IntentForm form={form} intent={intent} className="form session-form">
      {Object.entries(hiddenFields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field
        label={t("coaching:sessionForm.when")}
        hint={t("coaching:sessionForm.whenHint", { timeZone: context.timeZone })}
        errors={fields.scheduledAt.errors}
        inputProps={getInputProps(fields.scheduledAt, { type: "datetime-local" })}
      />
      <CheckboxGroup
        meta={fields.focus}
        legend={t("coaching:sessionForm.focus", { min: MIN_FOCUS, max: MAX_FOCUS })}
        hint={t("coaching:sessionForm.focusHint")}
        options={competencies}
        columns
      />
      <TextareaField
        label={t("coaching:sessionForm.sharedNotes")}
        hint={t("coaching:sessionForm.sharedNotesHint", { name: agentName })}
        errors={fields.sharedNotes.errors}
        textareaProps={{ ...getTextareaProps(fields.sharedNotes), rows: 6 }}
      />
      <TextareaField
        label={t("coaching:sessionForm.privateNotes")}
        hint={t("coaching:sessionForm.privateNotesHint", { name: agentName })}
        errors={fields.privateNotes.errors}
        textareaProps={{ ...getTextareaProps(fields.privateNotes), rows: 4 }}
      />
      <CheckboxGroup
        meta={fields.attemptIds}
        legend={t("coaching:sessionForm.attempts")}
        hint={t("coaching:sessionForm.attemptsHint", { name: agentName })}
        options={attempts}
        empty={t("coaching:sessionForm.attemptsEmpty", { name: agentName })}
      />
      <CheckboxGroup
        meta={fields.reflections}
        legend={t("coaching:sessionForm.reflections")}
        hint={t("coaching:sessionForm.reflectionsHint", { name: agentName })}
        options={reflections}
        empty={t("coaching:sessionForm.reflectionsEmpty", { name: agentName })}
      />
      {withActionItems ? (
        <fieldset className="action-item-rows">
          <legend>{t("coaching:actionItems.title")}</legend>
          <p className="field__hint">{t("coaching:sessionForm.itemsHint", { name: agentName })}</p>
          {fields.actionItems.errors?.length ? (
            <ul className="field__errors">
              {fields.actionItems.errors.map((error) => (
                <li key={error}>{translateMessage(t, error)}</li>
              ))}
            </ul>
          ) : null}
          {itemRows.map((row, index) => {
            const item = row.getFieldset();
            return (
              <div key={row.key} className="action-item-row">
                <Field
                  label={t("coaching:sessionForm.itemLabel", { number: index + 1 })}
                  errors={item.text.errors}
                  inputProps={{ ...getInputProps(item.text, { type: "text" }), maxLength: ACTION_ITEM_MAX, autoComplete: "off" }}
                />
                <Field
                  label={t("coaching:sessionForm.itemDueLabel", { number: index + 1 })}
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
