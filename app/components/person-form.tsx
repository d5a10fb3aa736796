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

const EARLIEST_HIRE_DATE = new Date("1990-01-01");
const LATEST_HIRE_DAYS_AHEAD = 365;

export const PersonSchema = z.object({
  name: z
    .string({ required_error: "Enter the person's full name" })
    .trim()
    .min(2, "Enter at least 2 characters")
    .max(100, "Keep the name under 100 characters"),
  email: z
    .string({ required_error: "Enter a work email address" })
    .trim()
    .toLowerCase()
    .email("Enter a valid email address, like name@company.com")
    .max(200, "Keep the email under 200 characters"),
  role: RoleSchema,
  level: LevelSchema,
  teamId: z
    .string()
    .optional()
    .transform((value) => value ?? null),
  hireDate: z
    .date({ required_error: "Enter the hire date", invalid_type_error: "Enter a valid date" })
    .min(EARLIEST_HIRE_DATE, "Enter a hire date after 1990")
    .refine((date) => date.getTime() <= Date.now() + LATEST_HIRE_DAYS_AHEAD * 86_400_000, "Enter a hire date within the next year"),
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
          label="Full name"
          errors={fields.name.errors}
          inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "off" }}
        />
        <Field
          label="Work email"
          errors={fields.email.errors}
          inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "off" }}
        />
        <SelectField
          label="Role"
          errors={fields.role.errors}
          options={roleOptions}
          placeholder="Choose a role"
          selectProps={getSelectProps(fields.role)}
        />
        <SelectField
          label="Level"
          errors={fields.level.errors}
          options={levelOptions}
          placeholder="Choose a level"
          selectProps={getSelectProps(fields.level)}
        />
        <SelectField
          label="Team"
          hint="Team leads are linked to the team they lead in Teams."
          errors={fields.teamId.errors}
          options={teams}
          placeholder="No team"
          selectProps={getSelectProps(fields.teamId)}
        />
        <Field label="Hire date" errors={fields.hireDate.errors} inputProps={getInputProps(fields.hireDate, { type: "date" })} />
        <SelectField
          label="Time zone"
          errors={fields.timeZone.errors}
          options={timeZoneOptions}
          placeholder="Choose a time zone"
          selectProps={getSelectProps(fields.timeZone)}
        />
        <SelectField
          label="Work mode"
          errors={fields.workMode.errors}
          options={workModeOptions}
          placeholder="Choose a work mode"
          selectProps={getSelectProps(fields.workMode)}
        />
        <SelectField label="Language" errors={fields.locale.errors} options={localeOptions} selectProps={getSelectProps(fields.locale)} />
      </div>
      <div className="row">
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
      </div>
    </IntentForm>
  );
}
