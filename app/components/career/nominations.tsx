import { getSelectProps, getTextareaProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { JUSTIFICATION_MAX, JUSTIFICATION_MIN, type NominationStatus } from "~/domain/career.ts";
import { LevelSchema } from "~/domain/people.ts";
import { translateMessage } from "~/i18n/message.ts";
import { formatDate } from "~/utils/format.ts";
import { IntentForm, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button } from "../ui/button.tsx";
import { SelectField, TextareaField, type Option } from "../ui/field.tsx";
import { NominationStatusBadge } from "./nomination-status-badge.tsx";

export const NominationSchema = z.object({
  level: LevelSchema,
  justification: z
    .string({ required_error: "Say why they are ready" })
    .trim()
    .min(JUSTIFICATION_MIN, `Write at least ${JUSTIFICATION_MIN} characters: what have you seen them do at this level?`)
    .max(JUSTIFICATION_MAX, `Keep it under ${JUSTIFICATION_MAX.toLocaleString("en")} characters`),
});

export type NominationHistoryEntry = {
  id: string;
  level: string;
  status: NominationStatus;
  justification: string;
  nominatedBy: string;
  at: string;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
};

/** A lead's sign-off that someone is ready for one of the levels in `options`. */
export function NominationForm({ personName, options }: { personName: string; options: Option[] }) {
  const [form, fields] = useIntentForm({
    id: "nominate",
    intent: "nominate",
    schema: NominationSchema,
    defaultValue: { level: options.length === 1 ? options[0].value : undefined },
  });
  const pending = useIsPending({ intent: "nominate" });
  return (
    <IntentForm form={form} intent="nominate">
      <SelectField
        label="Level"
        options={options}
        placeholder="Choose a level"
        errors={fields.level.errors}
        selectProps={getSelectProps(fields.level)}
      />
      <TextareaField
        label="Why they are ready"
        hint={`The admin reads this beside ${personName}'s evidence. Say what you have seen them do at this level, ${JUSTIFICATION_MIN}–${JUSTIFICATION_MAX.toLocaleString("en")} characters.`}
        errors={fields.justification.errors}
        textareaProps={{ ...getTextareaProps(fields.justification), rows: 5, maxLength: JUSTIFICATION_MAX }}
      />
      <div className="row">
        <Button type="submit" pending={pending}>
          Nominate {personName}
        </Button>
      </div>
    </IntentForm>
  );
}

/** Every nomination of one person, newest first, with the decision and its reason. */
export function NominationHistory({ nominations }: { nominations: NominationHistoryEntry[] }) {
  const { t } = useTranslation();
  if (nominations.length === 0) {
    return <p className="muted">No nominations yet. Each one and the decision on it will be listed here.</p>;
  }
  return (
    <ul className="nomination-list">
      {nominations.map((nomination) => (
        <li key={nomination.id} className="nomination">
          <p>
            <strong>{translateMessage(t, nomination.level)}</strong> <NominationStatusBadge status={nomination.status} />
          </p>
          <p className="muted">
            Nominated by {nomination.nominatedBy} on {formatDate(nomination.at)}
            {nomination.decidedAt ? ` · decided by ${nomination.decidedBy ?? "an admin"} on ${formatDate(nomination.decidedAt)}` : null}
          </p>
          <p className="notes-text">{nomination.justification}</p>
          {nomination.reason ? (
            <p className="notes-text">
              <strong>Reason:</strong> {nomination.reason}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
