import { getTextareaProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { DECISION_NOTE_MAX } from "~/domain/career.ts";
import { message } from "~/i18n/message.ts";
import { CheckboxGroup } from "../forms/choice-group.tsx";
import { IntentForm, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button } from "../ui/button.tsx";
import { FieldErrors, TextareaField } from "../ui/field.tsx";

export const DecisionSchema = z
  .object({
    decision: z.enum(["approve", "decline"], { errorMap: () => ({ message: message("career:decision.errors.choose") }) }),
    note: z
      .string()
      .trim()
      .max(DECISION_NOTE_MAX, message("career:decision.errors.reasonTooLong", { max: DECISION_NOTE_MAX }))
      .default(""),
    // A promotion changes someone's level at once, so approving needs this box ticked as well as the button.
    confirmed: z.array(z.literal("yes")).default([]),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "approve" && value.confirmed.length === 0) {
      ctx.addIssue({ code: "custom", path: ["confirmed"], message: message("career:decision.errors.confirm") });
    }
    if (value.decision === "decline" && value.note === "") {
      ctx.addIssue({ code: "custom", path: ["note"], message: message("career:decision.errors.reasonRequired") });
    }
  });

/** Approve or decline a pending nomination; the pressed button is the decision, and approving also needs the confirmation ticked. */
export function DecisionForm({ agentName, level }: { agentName: string; level: string }) {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm({ id: "decide", intent: "decide", schema: DecisionSchema });
  const approving = useIsPending({ intent: "decide", values: { decision: "approve" } });
  const declining = useIsPending({ intent: "decide", values: { decision: "decline" } });
  return (
    <IntentForm form={form} intent="decide">
      <TextareaField
        label={t("career:decision.reason")}
        hint={t("career:decision.reasonHint", { name: agentName })}
        errors={fields.note.errors}
        textareaProps={{ ...getTextareaProps(fields.note), rows: 4, maxLength: DECISION_NOTE_MAX }}
      />
      <CheckboxGroup
        meta={fields.confirmed}
        legend={t("career:decision.confirmLegend")}
        hint={t("career:decision.confirmHint", { name: agentName, level })}
        options={[{ value: "yes", label: t("career:decision.confirmOption", { name: agentName, level }) }]}
      />
      <div className="row">
        <Button type="submit" name="decision" value="approve" pending={approving}>
          {t("career:decision.approve")}
        </Button>
        <Button type="submit" name="decision" value="decline" variant="danger" pending={declining}>
          {t("career:decision.decline")}
        </Button>
      </div>
      <FieldErrors id={fields.decision.errorId} errors={fields.decision.errors} />
    </IntentForm>
  );
}
