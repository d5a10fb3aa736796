import { getTextareaProps } from "@conform-to/react";
import { z } from "zod";
import {
  CHECK_IN_NOTE_MAX,
  CHECK_IN_RATING_LABELS,
  CHECK_IN_RATINGS,
  type CheckInPerspective,
  type CheckInRating,
} from "~/domain/career.ts";
import { formatAverage } from "~/engine/career/evaluate.ts";
import { formatDate, plural } from "~/utils/format.ts";
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
      z.enum(CHECK_IN_RATINGS, { errorMap: () => ({ message: `Rate ${name}: working towards, meeting or exceeding` }) }),
    ]),
  );
  return z.object({
    ratings: z.object(ratings, { required_error: "Rate every competency" }),
    note: z
      .string()
      .trim()
      .max(CHECK_IN_NOTE_MAX, `Keep the note under ${CHECK_IN_NOTE_MAX.toLocaleString("en")} characters`)
      .default(""),
  });
}

const ratingOptions = CHECK_IN_RATINGS.map((rating) => ({ value: rating, label: CHECK_IN_RATING_LABELS[rating] }));

function Authorship({ side }: { side: CheckInAuthorship }) {
  return <span className="check-in-table__by">{side ? `${side.authorName}, ${formatDate(side.at)}` : "Not yet"}</span>;
}

/** Measured evidence, the person's own rating and their lead's, side by side per competency. */
export function CheckInTable({ view, personName }: { view: CheckInTableView; personName?: string }) {
  const rating = (value: CheckInRating | null) => (value ? CHECK_IN_RATING_LABELS[value] : <span className="muted">—</span>);
  const notes = [
    { side: view.self, label: personName ? `${personName}'s note` : "Your note" },
    { side: view.lead, label: "Lead's note" },
  ].filter((entry) => entry.side?.note);
  return (
    <>
      <DataTable
        className="check-in-table"
        caption="Measured competencies beside the latest self and lead ratings"
        columns={[
          "Competency",
          "Measured in practice",
          <>
            {personName ? `${personName}'s rating` : "Your rating"} <Authorship side={view.self} />
          </>,
          <>
            {personName ? "Lead's rating" : "Your lead's rating"} <Authorship side={view.lead} />
          </>,
        ]}
      >
        {view.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.name}</th>
            <td>
              {row.measured === null ? (
                <span className="muted">Not measured yet</span>
              ) : (
                <>
                  {formatAverage(row.measured)} of 2 <span className="muted">over {plural(row.attempts, "graded attempt")}</span>
                </>
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
        label="Note (optional)"
        hint={
          personName
            ? `${personName} sees this next to your ratings.`
            : "Your lead sees this next to your ratings: what you're proud of, what you want help with."
        }
        errors={fields.note.errors}
        textareaProps={{ ...getTextareaProps(fields.note), maxLength: CHECK_IN_NOTE_MAX }}
      />
      <div className="row">
        <Button type="submit" pending={pending}>
          Save check-in
        </Button>
      </div>
    </IntentForm>
  );
}
