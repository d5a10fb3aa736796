import { getInputProps, getTextareaProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Rubric } from "~/content/practice-schemas.ts";
import { COMMENT_MAX, NOT_APPLICABLE } from "~/domain/calibration.ts";
import { message } from "~/i18n/message.ts";
import { RadioGroup } from "../forms/choice-group.tsx";
import { IntentForm, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button } from "../ui/button.tsx";
import { TextareaField } from "../ui/field.tsx";

export type ScoredCriterion = {
  id: string;
  title: string;
  levels: { level: number; label: string; description: string }[];
  /** When the rubric allows N/A: what it means for this criterion. */
  notApplicable: string | null;
};

export function toScoredCriteria(criteria: Rubric["criteria"]): ScoredCriterion[] {
  return criteria.map((criterion) => ({
    id: criterion.id,
    title: criterion.title,
    levels: criterion.levels.map((level) => ({ level: level.level, label: level.label, description: level.description })),
    notApplicable: criterion.notApplicable ?? null,
  }));
}

/** One level (or N/A where allowed) and an optional comment per criterion, in the rubric's order. */
export function scoreSchema(criteria: ScoredCriterion[]) {
  return z.object({
    scores: z
      .array(
        z.object({
          criterionId: z.string().max(100),
          level: z.string({ required_error: message("calibration:score.validation.levelRequired") }).max(4),
          comment: z
            .string()
            .trim()
            .max(COMMENT_MAX, message("calibration:score.validation.commentTooLong", { max: COMMENT_MAX }))
            .optional(),
        }),
      )
      .superRefine((scores, ctx) => {
        criteria.forEach((criterion, index) => {
          const score = scores[index];
          if (!score || score.criterionId !== criterion.id) {
            ctx.addIssue({ code: "custom", message: message("calibration:score.validation.outOfDate") });
            return;
          }
          const allowed = criterion.levels.some((level) => String(level.level) === score.level);
          const notApplicable = score.level === NOT_APPLICABLE && criterion.notApplicable !== null;
          if (!allowed && !notApplicable)
            ctx.addIssue({ code: "custom", path: [index, "level"], message: message("calibration:score.validation.levelUnknown") });
        });
      }),
  });
}

export function toScores(value: z.output<ReturnType<typeof scoreSchema>>) {
  return value.scores.map((score) => ({
    criterionId: score.criterionId,
    level: score.level === NOT_APPLICABLE ? null : Number(score.level),
    comment: score.comment || null,
  }));
}

/** The rubric as a scoring sheet: each criterion's levels with their descriptions, so raters score against the same words. */
export function ScoreForm({
  id,
  intent,
  criteria,
  saved,
  submitLabel,
  withComments = true,
  hiddenFields = {},
}: {
  id: string;
  intent: string;
  criteria: ScoredCriterion[];
  saved: Record<string, { level: number | null; comment: string | null }>;
  submitLabel: string;
  withComments?: boolean;
  hiddenFields?: Record<string, string>;
}) {
  const [form, fields] = useIntentForm({
    id,
    intent,
    schema: scoreSchema(criteria),
    values: hiddenFields,
    defaultValue: {
      scores: criteria.map((criterion) => {
        const score = saved[criterion.id];
        return {
          criterionId: criterion.id,
          level: score === undefined ? undefined : score.level === null ? NOT_APPLICABLE : String(score.level),
          comment: score?.comment ?? "",
        };
      }),
    },
  });
  const pending = useIsPending({ intent, values: hiddenFields });
  const { t } = useTranslation();
  const rows = fields.scores.getFieldList();
  return (
    <IntentForm form={form} intent={intent} className="form score-form">
      {Object.entries(hiddenFields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {criteria.map((criterion, index) => {
        const row = rows[index].getFieldset();
        return (
          <div key={criterion.id} className="score-form__criterion">
            <input {...getInputProps(row.criterionId, { type: "hidden" })} />
            <RadioGroup
              meta={row.level}
              legend={criterion.title}
              columns={false}
              options={[
                ...criterion.levels.map((level) => ({
                  value: String(level.level),
                  label: `${level.level} · ${level.label}`,
                  detail: level.description,
                })),
                ...(criterion.notApplicable
                  ? [{ value: NOT_APPLICABLE, label: t("calibration:score.notApplicable"), detail: criterion.notApplicable }]
                  : []),
              ]}
            />
            {withComments ? (
              <TextareaField
                label={t("calibration:score.comment", { criterion: criterion.title.toLowerCase() })}
                errors={row.comment.errors}
                textareaProps={{ ...getTextareaProps(row.comment), rows: 2 }}
              />
            ) : null}
          </div>
        );
      })}
      <Button type="submit" pending={pending}>
        {submitLabel}
      </Button>
    </IntentForm>
  );
}
