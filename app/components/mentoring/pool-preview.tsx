import { Trans, useTranslation } from "react-i18next";
import type { ScorePart } from "~/engine/matching/types.ts";
import { translateMessage } from "~/i18n/message.ts";
import { useFormat } from "~/i18n/use-format.ts";
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
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <IntentForm form={form} intent="choice" className="stack">
      <p>
        <Trans
          i18nKey="mentoring:pool.summary"
          values={{ points: formatPoints(format, preview.total), pairs: preview.pairs }}
          components={{ strong: <strong /> }}
        />{" "}
        {preview.problems > 0 ? t("mentoring:pool.problems", { count: preview.problems }) : null}
      </p>
      <DataTable
        className="pool-table"
        caption={t("mentoring:pool.caption")}
        columns={[t("mentoring:table.mentee"), t("mentoring:table.mentor"), t("mentoring:pool.score")]}
      >
        {preview.rows.map((row, index) => (
          <tr key={`${row.menteeId}:${row.mentorId ?? ""}`} className={row.problem ? "pool-row--problem" : undefined}>
            <th scope="row">{row.mentee}</th>
            <td>
              <input type="hidden" name={`choices[${index}].menteeId`} value={row.menteeId} />
              <label className="visually-hidden" htmlFor={`mentor-${row.menteeId}`}>
                {t("mentoring:pool.mentorFor", { mentee: row.mentee })}
              </label>
              <select
                id={`mentor-${row.menteeId}`}
                name={`choices[${index}].mentorId`}
                defaultValue={row.mentorId ?? ""}
                aria-invalid={row.problem ? true : undefined}
                aria-describedby={row.problem ? `problem-${row.menteeId}` : undefined}
              >
                <option value="">{t("mentoring:pool.noMentor")}</option>
                {preview.mentors.map((mentor) => (
                  <option key={mentor.value} value={mentor.value}>
                    {mentor.label}
                  </option>
                ))}
              </select>
              {row.problem ? (
                <p id={`problem-${row.menteeId}`} className="field__errors">
                  {translateMessage(t, row.problem)}
                </p>
              ) : null}
            </td>
            <td>{row.score ? <ScoreBreakdown score={row.score} collapsed /> : <span className="muted">—</span>}</td>
          </tr>
        ))}
      </DataTable>
      {preview.unmatched.length > 0 ? (
        <p>
          <Trans
            i18nKey="mentoring:pool.unmatched"
            values={{ names: preview.unmatched.join(t("mentoring:listSeparator")) }}
            components={{ strong: <strong /> }}
          />
        </p>
      ) : null}
      <div className="row">
        <Button type="submit" name="step" value="preview" variant="secondary" pending={rescoring}>
          {t("mentoring:pool.rescore")}
        </Button>
        <Button type="submit" name="step" value="publish" pending={publishing}>
          {t("mentoring:pool.publish", { count: preview.pairs })}
        </Button>
      </div>
      <p className="muted">{t("mentoring:pool.publishNote")}</p>
    </IntentForm>
  );
}
