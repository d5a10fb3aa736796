import { getTextareaProps } from "@conform-to/react";
import { Trans, useTranslation } from "react-i18next";
import { z } from "zod";
import {
  CHECK_IN_NOTE_MAX,
  CHECK_IN_RATING_LABELS,
  CHECK_IN_RATINGS,
  type CheckInPerspective,
  type CheckInRating,
} from "~/domain/career.ts";
import { formatAverage } from "~/engine/career/evaluate.ts";
import { message } from "~/i18n/message.ts";
import { useFormat } from "~/i18n/use-format.ts";
import { RadioGroup } from "../forms/choice-group.tsx";
import { IntentForm, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button } from "../ui/button.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { TextareaField } from "../ui/field.tsx";

export type RatedCompetency = { key: string; name: string };

/** Who rated and when; null when that side has not checked in yet. */
export type CheckInAuthorship = { authorName: string; at: string; note: string } | null;

export type CheckInTableView = {
  rows: { key: string; name: string; measured: number | null; attempts: number; self: CheckInRating | null; lead: CheckInRating | null }[];
  self: CheckInAuthorship;
  lead: CheckInAuthorship;
};

/** Every rated competency needs a rating; the note is optional. Checked alike in the browser and the action. */
export function createCheckInSchema(competencies: RatedCompetency[]) {
  const ratings = Object.fromEntries(
    competencies.map(({ key, name }) => [
      key,
      z.enum(CHECK_IN_RATINGS, { errorMap: () => ({ message: message("career:checkIn.errors.rate", { competency: name }) }) }),
    ]),
  );
  return z.object({
    ratings: z.object(ratings, { required_error: message("career:checkIn.errors.rateEvery") }),
    note: z
      .string()
      .trim()
      .max(CHECK_IN_NOTE_MAX, message("career:checkIn.errors.noteTooLong", { max: CHECK_IN_NOTE_MAX }))
      .default(""),
  });
}

function Authorship({ side }: { side: CheckInAuthorship }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <span className="check-in-table__by">
      {side ? t("career:checkIn.table.authorship", { name: side.authorName, date: format.day(side.at) }) : t("career:checkIn.table.notYet")}
    </span>
  );
}

/** Measured evidence, the person's own rating and their lead's, side by side per competency. */
export function CheckInTable({ view, personName }: { view: CheckInTableView; personName?: string }) {
  const { t } = useTranslation();
  const rating = (value: CheckInRating | null) => (value ? t(CHECK_IN_RATING_LABELS[value]) : <span className="muted">—</span>);
  const notes = [
    { side: view.self, label: personName ? t("career:checkIn.notes.person", { name: personName }) : t("career:checkIn.notes.yours") },
    { side: view.lead, label: t("career:checkIn.notes.lead") },
  ].filter((entry) => entry.side?.note);
  return (
    <>
      <DataTable
        className="check-in-table"
        caption={t("career:checkIn.table.caption")}
        columns={[
          t("career:checkIn.table.competency"),
          t("career:checkIn.table.measured"),
          <>
            {personName ? t("career:checkIn.table.personRating", { name: personName }) : t("career:checkIn.table.yourRating")}{" "}
            <Authorship side={view.self} />
          </>,
          <>
            {personName ? t("career:checkIn.table.leadRating") : t("career:checkIn.table.yourLeadRating")} <Authorship side={view.lead} />
          </>,
        ]}
      >
        {view.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.name}</th>
            <td>
              {row.measured === null ? (
                <span className="muted">{t("career:checkIn.table.notMeasured")}</span>
              ) : (
                <Trans
                  i18nKey="career:checkIn.table.measuredOf"
                  values={{ average: formatAverage(row.measured), count: row.attempts }}
                  components={{ muted: <span className="muted" /> }}
                />
              )}
            </td>
            <td>{rating(row.self)}</td>
            <td>{rating(row.lead)}</td>
          </tr>
        ))}
      </DataTable>
      {notes.map(({ side, label }) => (
        <blockquote key={label} className="check-in-note">
          <p className="check-in-note__label">{label}</p>
          <p className="notes-text">{side!.note}</p>
        </blockquote>
      ))}
    </>
  );
}

/**
 * A check-in: one rating per competency and an optional note. It starts from the author's
 * previous ratings so a quarterly update only touches what changed. Works without JavaScript.
 */
export function CheckInForm({
  perspective,
  competencies,
  previous,
  personName,
}: {
  perspective: CheckInPerspective;
  competencies: RatedCompetency[];
  previous: Partial<Record<string, CheckInRating>>;
  personName?: string;
}) {
  const { t } = useTranslation();
  const ratingOptions = CHECK_IN_RATINGS.map((rating) => ({ value: rating, label: t(CHECK_IN_RATING_LABELS[rating]) }));
  const [form, fields] = useIntentForm({
    id: `check-in-${perspective}`,
    intent: "check-in",
    schema: createCheckInSchema(competencies),
    defaultValue: { ratings: previous },
  });
  const ratings = fields.ratings.getFieldset();
  const pending = useIsPending({ intent: "check-in" });
  return (
    <IntentForm form={form} intent="check-in" className="form check-in-form">
      {competencies.map((competency) => (
        <RadioGroup key={competency.key} meta={ratings[competency.key]} legend={competency.name} options={ratingOptions} />
      ))}
      <TextareaField
        label={t("career:checkIn.form.note")}
        hint={personName ? t("career:checkIn.form.hintPerson", { name: personName }) : t("career:checkIn.form.hintSelf")}
        errors={fields.note.errors}
        textareaProps={{ ...getTextareaProps(fields.note), maxLength: CHECK_IN_NOTE_MAX }}
      />
      <div className="row">
        <Button type="submit" pending={pending}>
          {t("career:checkIn.form.save")}
        </Button>
      </div>
    </IntentForm>
  );
}
