import { getInputProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import {
  RATERS_MAX,
  RATERS_MIN,
  SAMPLE_DEFAULT,
  SAMPLE_MAX,
  SAMPLE_MIN,
  SAMPLE_MODES,
  TITLE_MAX,
  TITLE_MIN,
  type SampleMode,
} from "~/domain/calibration.ts";
import { calendarDayField, DATE_WINDOW_DAYS, shiftDay } from "~/domain/fields.ts";
import { message } from "~/i18n/message.ts";
import { CheckboxGroup, RadioGroup, type ChoiceOption } from "../forms/choice-group.tsx";
import { IntentForm, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button } from "../ui/button.tsx";
import { Field } from "../ui/field.tsx";

const SAMPLE_SIZE = message("calibration:new.validation.size", { min: SAMPLE_MIN, max: SAMPLE_MAX });
const SESSION_LENGTH_DAYS = 7;

const SAMPLE_MODE_KEYS = {
  random: "calibration:new.form.mode.random",
  chosen: "calibration:new.form.mode.chosen",
} as const satisfies Record<SampleMode, string>;

/** The form's fields, checked the same way in the browser and the action. */
export function calibrationSchema(today: string) {
  return z
    .object({
      title: z
        .string({ required_error: message("calibration:new.validation.titleRequired") })
        .trim()
        .min(TITLE_MIN, message("calibration:new.validation.titleTooShort", { min: TITLE_MIN }))
        .max(TITLE_MAX, message("calibration:new.validation.titleTooLong", { max: TITLE_MAX })),
      mode: z.enum(SAMPLE_MODES, { errorMap: () => ({ message: message("calibration:new.validation.mode") }) }),
      size: z
        .number({ invalid_type_error: SAMPLE_SIZE })
        .int(SAMPLE_SIZE)
        .min(SAMPLE_MIN, SAMPLE_SIZE)
        .max(SAMPLE_MAX, SAMPLE_SIZE)
        .optional(),
      attemptIds: z
        .array(z.string().max(64))
        .max(SAMPLE_MAX, message("calibration:new.validation.tooManyChosen", { max: SAMPLE_MAX }))
        .default([]),
      raterIds: z
        .array(z.string().max(64), { required_error: message("calibration:new.validation.ratersRequired", { min: RATERS_MIN }) })
        .min(RATERS_MIN, message("calibration:new.validation.ratersTooFew", { min: RATERS_MIN }))
        .max(RATERS_MAX, message("calibration:new.validation.ratersTooMany", { max: RATERS_MAX })),
      sharedWithAgents: z.boolean().default(false),
      dueDate: calendarDayField({
        required: message("calibration:new.validation.dueRequired"),
        min: { day: today, message: message("calibration:new.validation.dueTooEarly") },
        max: { day: shiftDay(today, DATE_WINDOW_DAYS), message: message("calibration:new.validation.dueTooLate") },
      }),
    })
    .superRefine((value, ctx) => {
      if (value.mode === "chosen" && value.attemptIds.length < SAMPLE_MIN)
        ctx.addIssue({
          code: "custom",
          path: ["attemptIds"],
          message: message("calibration:new.validation.tooFewChosen", { min: SAMPLE_MIN }),
        });
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
  const { t } = useTranslation();
  return (
    <IntentForm form={form} intent="create" label={t("calibration:new.title")}>
      {Object.entries(hiddenFields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field
        label={t("calibration:new.form.title")}
        errors={fields.title.errors}
        inputProps={{ ...getInputProps(fields.title, { type: "text" }), placeholder: t("calibration:new.form.titlePlaceholder") }}
      />
      <RadioGroup
        meta={fields.mode}
        legend={t("calibration:new.form.conversations")}
        options={SAMPLE_MODES.map((mode) => ({
          value: mode,
          label: t(SAMPLE_MODE_KEYS[mode]),
          detail: mode === "random" ? t("calibration:new.form.randomDetail", { count: matching }) : t("calibration:new.form.chosenDetail"),
        }))}
      />
      <Field
        label={t("calibration:new.form.size")}
        hint={t("calibration:new.form.sizeHint", { min: SAMPLE_MIN, max: SAMPLE_MAX })}
        errors={fields.size.errors}
        inputProps={{ ...getInputProps(fields.size, { type: "number" }), min: SAMPLE_MIN, max: SAMPLE_MAX }}
      />
      <details className="candidate-picker" open={Boolean(fields.attemptIds.errors?.length) || fields.mode.value === "chosen" || undefined}>
        <summary>{t("calibration:new.form.pick", { count: candidates.length })}</summary>
        <CheckboxGroup
          meta={fields.attemptIds}
          legend={t("calibration:new.form.chosen")}
          hint={t("calibration:new.form.chosenHint", { max: SAMPLE_MAX })}
          options={candidates}
          empty={t("calibration:new.form.noCandidates")}
          columns
        />
      </details>
      <CheckboxGroup
        meta={fields.raterIds}
        legend={t("calibration:new.form.raters")}
        hint={t("calibration:new.form.ratersHint")}
        options={people}
        columns
      />
      <label className="choice-option">
        <input {...getInputProps(fields.sharedWithAgents, { type: "checkbox" })} />
        <span>{t("calibration:new.form.share")}</span>
      </label>
      <Field
        label={t("calibration:new.form.deadline")}
        hint={t("calibration:new.form.deadlineHint")}
        errors={fields.dueDate.errors}
        inputProps={{ ...getInputProps(fields.dueDate, { type: "date" }) }}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("calibration:new.form.submitting") : t("calibration:new.form.submit")}
      </Button>
    </IntentForm>
  );
}
