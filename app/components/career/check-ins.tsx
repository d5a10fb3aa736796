import { getCollectionProps, getFormProps, getTextareaProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { formatAverage } from "~/engine/career/evaluate.ts";
import {
  CHECK_IN_NOTE_MAX,
  CHECK_IN_RATING_LABELS,
  CHECK_IN_RATINGS,
  type CheckInPerspective,
  type CheckInRating,
} from "~/utils/career-fields.ts";
import { formatDate, plural } from "~/utils/format.ts";
import { Button } from "../ui/button.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { FieldErrors, FormErrors, TextareaField } from "../ui/field.tsx";

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

type CheckInSchema = ReturnType<typeof createCheckInSchema>;

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

function RatingGroup({ meta, name }: { meta: FieldMetadata<CheckInRating>; name: string }) {
  return (
    <fieldset className="rating-group" aria-describedby={meta.errors?.length ? meta.errorId : undefined}>
      <legend>{name}</legend>
      <div className="rating-group__options">
        {getCollectionProps(meta, { type: "radio", options: [...CHECK_IN_RATINGS] }).map(({ key, ...input }) => (
          <label key={key} className="choice-option">
            <input {...input} aria-describedby={undefined} />
            <span>{CHECK_IN_RATING_LABELS[input.value as CheckInRating]}</span>
          </label>
        ))}
      </div>
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </fieldset>
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
  lastResult,
  personName,
}: {
  perspective: CheckInPerspective;
  competencies: RatedCompetency[];
  previous: Partial<Record<string, CheckInRating>>;
  lastResult: SubmissionResult<string[]> | undefined;
  personName?: string;
}) {
  const navigation = useNavigation();
  const schema = createCheckInSchema(competencies);
  const [form, fields] = useForm<z.input<CheckInSchema>, z.output<CheckInSchema>>({
    id: `check-in-${perspective}`,
    lastResult,
    defaultValue: { ratings: previous },
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const ratings = fields.ratings.getFieldset();
  const pending = navigation.state === "submitting" && navigation.formData?.get("intent") === "check-in";
  return (
    <Form method="post" className="form check-in-form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="check-in" />
      {competencies.map((competency) => (
        <RatingGroup key={competency.key} meta={ratings[competency.key] as FieldMetadata<CheckInRating>} name={competency.name} />
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
    </Form>
  );
}
