import { getInputProps } from "@conform-to/react";
import { z } from "zod";
import {
  RATERS_MAX,
  RATERS_MIN,
  SAMPLE_DEFAULT,
  SAMPLE_MAX,
  SAMPLE_MIN,
  SAMPLE_MODE_LABELS,
  SAMPLE_MODES,
  TITLE_MAX,
  TITLE_MIN,
} from "~/domain/calibration.ts";
import { calendarDayField, DATE_WINDOW_DAYS, shiftDay } from "~/domain/fields.ts";
import { CheckboxGroup, RadioGroup, type ChoiceOption } from "../forms/choice-group.tsx";
import { IntentForm, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button } from "../ui/button.tsx";
import { Field } from "../ui/field.tsx";

const SAMPLE_SIZE = `Draw from ${SAMPLE_MIN} to ${SAMPLE_MAX} conversations`;
const SESSION_LENGTH_DAYS = 7;

/** The form's fields, checked the same way in the browser and the action. */
export function calibrationSchema(today: string) {
  return z
    .object({
      title: z
        .string({ required_error: "Name the session" })
        .trim()
        .min(TITLE_MIN, `Write at least ${TITLE_MIN} characters`)
        .max(TITLE_MAX, `Keep it under ${TITLE_MAX} characters`),
      mode: z.enum(SAMPLE_MODES, { errorMap: () => ({ message: "Choose how to pick the conversations" }) }),
      size: z
        .number({ invalid_type_error: SAMPLE_SIZE })
        .int(SAMPLE_SIZE)
        .min(SAMPLE_MIN, SAMPLE_SIZE)
        .max(SAMPLE_MAX, SAMPLE_SIZE)
        .optional(),
      attemptIds: z.array(z.string().max(64)).max(SAMPLE_MAX, `Choose at most ${SAMPLE_MAX} conversations`).default([]),
      raterIds: z
        .array(z.string().max(64), { required_error: `Invite at least ${RATERS_MIN} people` })
        .min(RATERS_MIN, `Invite at least ${RATERS_MIN} people: agreement needs two raters`)
        .max(RATERS_MAX, `Invite at most ${RATERS_MAX} people`),
      sharedWithAgents: z.boolean().default(false),
      dueDate: calendarDayField({
        required: "Choose a deadline",
        min: { day: today, message: "Choose today or a later date" },
        max: { day: shiftDay(today, DATE_WINDOW_DAYS), message: "Choose a date within a year" },
      }),
    })
    .superRefine((value, ctx) => {
      if (value.mode === "chosen" && value.attemptIds.length < SAMPLE_MIN)
        ctx.addIssue({ code: "custom", path: ["attemptIds"], message: `Choose at least ${SAMPLE_MIN} conversations` });
      if (value.mode === "random" && value.size === undefined) ctx.addIssue({ code: "custom", path: ["size"], message: SAMPLE_SIZE });
    });
}

export function NewCalibrationForm({
  today,
  candidates,
  matching,
  people,
  hiddenFields,
}: {
  today: string;
  candidates: ChoiceOption[];
  matching: number;
  people: ChoiceOption[];
  /** The rubric and filter the sample is drawn with. */
  hiddenFields: Record<string, string>;
}) {
  const schema = calibrationSchema(today);
  const [form, fields] = useIntentForm({
    id: "new-calibration",
    intent: "create",
    schema,
    defaultValue: {
      mode: "random",
      size: String(Math.min(SAMPLE_DEFAULT, Math.max(matching, SAMPLE_MIN))),
      dueDate: shiftDay(today, SESSION_LENGTH_DAYS),
    },
  });
  const pending = useIsPending({ intent: "create" });
  return (
    <IntentForm form={form} intent="create" label="New calibration session">
      {Object.entries(hiddenFields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field
        label="Title"
        errors={fields.title.errors}
        inputProps={{ ...getInputProps(fields.title, { type: "text" }), placeholder: "Empathy check, December" }}
      />
      <RadioGroup
        meta={fields.mode}
        legend="Conversations"
        options={SAMPLE_MODES.map((mode) => ({
          value: mode,
          label: SAMPLE_MODE_LABELS[mode],
          detail: mode === "random" ? `${matching} graded conversations match the filter above.` : "Tick them in the list below.",
        }))}
      />
      <Field
        label="How many to draw"
        hint={`When drawing at random: ${SAMPLE_MIN}–${SAMPLE_MAX}. Ten is about an hour's scoring.`}
        errors={fields.size.errors}
        inputProps={{ ...getInputProps(fields.size, { type: "number" }), min: SAMPLE_MIN, max: SAMPLE_MAX }}
      />
      <details className="candidate-picker" open={Boolean(fields.attemptIds.errors?.length) || fields.mode.value === "chosen" || undefined}>
        <summary>
          Pick from the latest {candidates.length} matching {candidates.length === 1 ? "conversation" : "conversations"}
        </summary>
        <CheckboxGroup
          meta={fields.attemptIds}
          legend="Chosen conversations"
          hint="When choosing: tick up to 30. Narrow the filter above to find particular ones."
          options={candidates}
          empty="No graded conversation matches the filter."
          columns
        />
      </details>
      <CheckboxGroup
        meta={fields.raterIds}
        legend="Who scores"
        hint="Leads and admins score every conversation. Agents score their own, or all of them if you share the sample."
        options={people}
        columns
      />
      <label className="choice-option">
        <input {...getInputProps(fields.sharedWithAgents, { type: "checkbox" })} />
        <span>Share the sample with the agents invited, so they score every conversation</span>
      </label>
      <Field
        label="Deadline"
        hint="Scores are taken until the end of this day (UTC)."
        errors={fields.dueDate.errors}
        inputProps={{ ...getInputProps(fields.dueDate, { type: "date" }) }}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create the session and invite"}
      </Button>
    </IntentForm>
  );
}
