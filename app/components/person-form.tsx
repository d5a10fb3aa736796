import { getInputProps, getSelectProps } from "@conform-to/react";
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
});

export type PersonDefaults = Partial<Record<keyof z.input<typeof PersonSchema>, string>>;

const roleOptions: Option[] = ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));
const levelOptions: Option[] = LEVELS.map((value) => ({ value, label: LEVEL_LABELS[value] }));
const workModeOptions: Option[] = WORK_MODES.map((value) => ({ value, label: WORK_MODE_LABELS[value] }));

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
  const timeZoneOptions = timeZones.map((zone) => ({ value: zone, label: zone }));
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
      </div>
      <div className="row">
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
      </div>
    </IntentForm>
  );
}
