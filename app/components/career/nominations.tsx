import { getSelectProps, getTextareaProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { JUSTIFICATION_MAX, JUSTIFICATION_MIN, type NominationStatus } from "~/domain/career.ts";
import { LevelSchema } from "~/domain/people.ts";
import { message, translateMessage } from "~/i18n/message.ts";
import { useFormat } from "~/i18n/use-format.ts";
import { IntentForm, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button } from "../ui/button.tsx";
import { SelectField, TextareaField, type Option } from "../ui/field.tsx";
import { NominationStatusBadge } from "./nomination-status-badge.tsx";

export const NominationSchema = z.object({
  level: LevelSchema,
  justification: z
    .string({ required_error: message("career:nomination.errors.justificationRequired") })
    .trim()
    .min(JUSTIFICATION_MIN, message("career:nomination.errors.justificationTooShort", { min: JUSTIFICATION_MIN }))
    .max(JUSTIFICATION_MAX, message("career:nomination.errors.justificationTooLong", { max: JUSTIFICATION_MAX })),
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
  const { t } = useTranslation();
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
        label={t("career:nomination.form.level")}
        options={options}
        placeholder={t("career:nomination.form.chooseLevel")}
        errors={fields.level.errors}
        selectProps={getSelectProps(fields.level)}
      />
      <TextareaField
        label={t("career:nomination.form.why")}
        hint={t("career:nomination.form.whyHint", { name: personName, min: JUSTIFICATION_MIN, max: JUSTIFICATION_MAX })}
        errors={fields.justification.errors}
        textareaProps={{ ...getTextareaProps(fields.justification), rows: 5, maxLength: JUSTIFICATION_MAX }}
      />
      <div className="row">
        <Button type="submit" pending={pending}>
          {t("career:nomination.form.submit", { name: personName })}
        </Button>
      </div>
    </IntentForm>
  );
}

/** Every nomination of one person, newest first, with the decision and its reason. */
export function NominationHistory({ nominations }: { nominations: NominationHistoryEntry[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (nominations.length === 0) {
    return <p className="muted">{t("career:nomination.history.empty")}</p>;
  }
  const byline = (nomination: NominationHistoryEntry) => {
    const nominated = { by: nomination.nominatedBy, on: format.day(nomination.at) };
    if (!nomination.decidedAt) return t("career:nomination.history.nominated", nominated);
    const decidedOn = format.day(nomination.decidedAt);
    return nomination.decidedBy
      ? t("career:nomination.history.nominatedAndDecided", { ...nominated, decidedBy: nomination.decidedBy, decidedOn })
      : t("career:nomination.history.nominatedAndDecidedByAdmin", { ...nominated, decidedOn });
  };
  return (
    <ul className="nomination-list">
      {nominations.map((nomination) => (
        <li key={nomination.id} className="nomination">
          <p>
            <strong>{translateMessage(t, nomination.level)}</strong> <NominationStatusBadge status={nomination.status} />
          </p>
          <p className="muted">{byline(nomination)}</p>
          <p className="notes-text">{nomination.justification}</p>
          {nomination.reason ? (
            <p className="notes-text">
              <strong>{t("career:nomination.history.reason")}</strong> {nomination.reason}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
