import type { ScorePart } from "~/engine/matching/types.ts";
import { plural } from "~/utils/format.ts";
import { IntentForm, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button } from "../ui/button.tsx";
import { DataTable } from "../ui/data-table.tsx";
import type { Option } from "../ui/field.tsx";
import { formatPoints, ScoreBreakdown } from "./score-breakdown.tsx";

/** A choice of pairs for the whole pool, scored against the pool as it is now. */
export type PoolPreview = {
  rows: {
    menteeId: string;
    mentee: string;
    mentorId: string | null;
    score: { total: number; parts: ScorePart[] } | null;
    problem: string | null;
  }[];
  total: number;
  pairs: number;
  problems: number;
  unmatched: string[];
  mentors: Option[];
};

/**
 * The admin's choice, one mentor per waiting mentee: re-scored to check a change, or published.
 * Both buttons send the whole table; the pressed one says which `step` to take.
 */
export function PoolPreviewForm({ preview }: { preview: PoolPreview }) {
  const [form] = useIntentForm({ id: "pool-preview", intent: "choice" });
  const rescoring = useIsPending({ intent: "choice", values: { step: "preview" } });
  const publishing = useIsPending({ intent: "choice", values: { step: "publish" } });
  return (
    <IntentForm form={form} intent="choice" className="stack">
      <p>
        <strong>Total score {formatPoints(preview.total)}</strong> across {plural(preview.pairs, "pair")}.{" "}
        {preview.problems > 0 ? `${plural(preview.problems, "row needs", "rows need")} a change before publishing.` : null}
      </p>
      <DataTable className="pool-table" caption="Proposed mentoring pairs" columns={["Mentee", "Mentor", "Score"]}>
        {preview.rows.map((row, index) => (
          <tr key={`${row.menteeId}:${row.mentorId ?? ""}`} className={row.problem ? "pool-row--problem" : undefined}>
            <th scope="row">{row.mentee}</th>
            <td>
              <input type="hidden" name={`choices[${index}].menteeId`} value={row.menteeId} />
              <label className="visually-hidden" htmlFor={`mentor-${row.menteeId}`}>
                Mentor for {row.mentee}
              </label>
              <select
                id={`mentor-${row.menteeId}`}
                name={`choices[${index}].mentorId`}
                defaultValue={row.mentorId ?? ""}
                aria-invalid={row.problem ? true : undefined}
                aria-describedby={row.problem ? `problem-${row.menteeId}` : undefined}
              >
                <option value="">No mentor this round</option>
                {preview.mentors.map((mentor) => (
                  <option key={mentor.value} value={mentor.value}>
                    {mentor.label}
                  </option>
                ))}
              </select>
              {row.problem ? (
                <p id={`problem-${row.menteeId}`} className="field__errors">
                  {row.problem}
                </p>
              ) : null}
            </td>
            <td>{row.score ? <ScoreBreakdown score={row.score} collapsed /> : <span className="muted">—</span>}</td>
          </tr>
        ))}
      </DataTable>
      {preview.unmatched.length > 0 ? (
        <p>
          <strong>No mentor this round:</strong> {preview.unmatched.join(", ")}. Their requests stay open.
        </p>
      ) : null}
      <div className="row">
        <Button type="submit" name="step" value="preview" variant="secondary" pending={rescoring}>
          Re-score
        </Button>
        <Button type="submit" name="step" value="publish" pending={publishing}>
          Publish {plural(preview.pairs, "pair")}
        </Button>
      </div>
      <p className="muted">
        Publishing proposes each pair to the mentor to accept, and notifies both people. Re-score after changing a mentor to check the
        choice.
      </p>
    </IntentForm>
  );
}
