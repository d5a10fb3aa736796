import { getInputProps, getSelectProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import {
  LEVEL_LABELS,
  LevelSchema,
  LEVELS,
  ROLE_LABELS,
  ROLES,
  RoleSchema,
  TimeZoneSchema,
  WORK_MODE_LABELS,
  WORK_MODES,
  WorkModeSchema,
} from "~/domain/people.ts";
import { LOCALE_NAMES, LOCALES } from "~/i18n/locales.ts";
import { message } from "~/i18n/message.ts";
import { IntentForm, useIntentForm } from "./forms/intent-form.tsx";
import { useIsPending } from "./forms/use-is-pending.ts";
import { Button } from "./ui/button.tsx";
import { Field, SelectField, type Option } from "./ui/field.tsx";

const EARLIEST_HIRE_YEAR = 1990;
const EARLIEST_HIRE_DATE = new Date(`${EARLIEST_HIRE_YEAR}-01-01`);
const LATEST_HIRE_DAYS_AHEAD = 365;

export const PersonSchema = z.object({
  name: z
    .string({ required_error: message("admin:personForm.errors.nameRequired") })
    .trim()
    .min(2, message("admin:personForm.errors.nameTooShort", { min: 2 }))
    .max(100, message("admin:personForm.errors.nameTooLong", { max: 100 })),
  email: z
    .string({ required_error: message("admin:personForm.errors.emailRequired") })
    .trim()
    .toLowerCase()
    .email(message("admin:personForm.errors.emailInvalid"))
    .max(200, message("admin:personForm.errors.emailTooLong", { max: 200 })),
  role: RoleSchema,
  level: LevelSchema,
  teamId: z
    .string()
    .optional()
    .transform((value) => value ?? null),
  hireDate: z
    .date({
      required_error: message("admin:personForm.errors.hireDateRequired"),
      invalid_type_error: message("admin:personForm.errors.hireDateInvalid"),
    })
    .min(EARLIEST_HIRE_DATE, message("admin:personForm.errors.hireDateTooEarly", { year: EARLIEST_HIRE_YEAR }))
    .refine(
      (date) => date.getTime() <= Date.now() + LATEST_HIRE_DAYS_AHEAD * 86_400_000,
      message("admin:personForm.errors.hireDateTooLate"),
    ),
  timeZone: TimeZoneSchema,
  workMode: WorkModeSchema,
  // Optional so a form without it leaves the person's language as it is.
  locale: z.enum(LOCALES, { errorMap: () => ({ message: message("validation:chooseLanguage") }) }).optional(),
});

export type PersonDefaults = Partial<Record<keyof z.input<typeof PersonSchema>, string>>;

export function PersonForm({
  id,
  defaultValue,
  teams,
  timeZones,
  submitLabel,
  intent,
}: {
  id: string;
  defaultValue: PersonDefaults;
  teams: Option[];
  timeZones: string[];
  submitLabel: string;
  intent: string;
}) {
  const [form, fields] = useIntentForm({ id, intent, schema: PersonSchema, defaultValue });
  const pending = useIsPending({ intent });
  const { t } = useTranslation();
  const timeZoneOptions = timeZones.map((zone) => ({ value: zone, label: zone }));
  const roleOptions: Option[] = ROLES.map((value) => ({ value, label: t(ROLE_LABELS[value]) }));
  const levelOptions: Option[] = LEVELS.map((value) => ({ value, label: t(LEVEL_LABELS[value]) }));
  const localeOptions: Option[] = LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }));
  const workModeOptions: Option[] = WORK_MODES.map((value) => ({ value, label: t(WORK_MODE_LABELS[value]) }));
  return (
    <IntentForm form={form} intent={intent}>
      <div className="form-grid">
        <Field
          label={t("admin:personForm.name")}
          errors={fields.name.errors}
          inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "off" }}
        />
        <Field
          label={t("admin:personForm.email")}
          errors={fields.email.errors}
          inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "off" }}
        />
        <SelectField
          label={t("admin:personForm.role")}
          errors={fields.role.errors}
          options={roleOptions}
          placeholder={t("admin:personForm.chooseRole")}
          selectProps={getSelectProps(fields.role)}
        />
        <SelectField
          label={t("admin:personForm.level")}
          errors={fields.level.errors}
          options={levelOptions}
          placeholder={t("admin:personForm.chooseLevel")}
          selectProps={getSelectProps(fields.level)}
        />
        <SelectField
          label={t("admin:personForm.team")}
          hint={t("admin:personForm.teamHint")}
          errors={fields.teamId.errors}
          options={teams}
          placeholder={t("admin:noTeam")}
          selectProps={getSelectProps(fields.teamId)}
        />
        <Field
          label={t("admin:personForm.hireDate")}
          errors={fields.hireDate.errors}
          inputProps={getInputProps(fields.hireDate, { type: "date" })}
        />
        <SelectField
          label={t("admin:personForm.timeZone")}
          errors={fields.timeZone.errors}
          options={timeZoneOptions}
          placeholder={t("admin:personForm.chooseTimeZone")}
          selectProps={getSelectProps(fields.timeZone)}
        />
        <SelectField
          label={t("admin:personForm.workMode")}
          errors={fields.workMode.errors}
          options={workModeOptions}
          placeholder={t("admin:personForm.chooseWorkMode")}
          selectProps={getSelectProps(fields.workMode)}
        />
        <SelectField
          label={t("admin:personForm.language")}
          errors={fields.locale.errors}
          options={localeOptions}
          selectProps={getSelectProps(fields.locale)}
        />
      </div>
      <div className="row">
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
      </div>
    </IntentForm>
  );
}
