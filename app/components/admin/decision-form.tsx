import { getTextareaProps } from "@conform-to/react";
import { z } from "zod";
import { DECISION_NOTE_MAX } from "~/domain/career.ts";
import { CheckboxGroup } from "../forms/choice-group.tsx";
import { IntentForm, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button } from "../ui/button.tsx";
import { FieldErrors, TextareaField } from "../ui/field.tsx";

export const DecisionSchema = z
  .object({
    decision: z.enum(["approve", "decline"], { errorMap: () => ({ message: "Choose to approve or decline" }) }),
    note: z
      .string()
      .trim()
      .max(DECISION_NOTE_MAX, `Keep the reason under ${DECISION_NOTE_MAX.toLocaleString("en")} characters`)
      .default(""),
    // A promotion changes someone's level at once, so approving needs this box ticked as well as the button.
    confirmed: z.array(z.literal("yes")).default([]),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "approve" && value.confirmed.length === 0) {
      ctx.addIssue({ code: "custom", path: ["confirmed"], message: "Tick the box to confirm the promotion, then approve" });
    }
    if (value.decision === "decline" && value.note === "") {
      ctx.addIssue({ code: "custom", path: ["note"], message: "Say why it is declined, so the agent and their lead know what to work on" });
    }
  });

/** Approve or decline a pending nomination; the pressed button is the decision, and approving also needs the confirmation ticked. */
export function DecisionForm({ agentName, level }: { agentName: string; level: string }) {
  const [form, fields] = useIntentForm({ id: "decide", intent: "decide", schema: DecisionSchema });
  const approving = useIsPending({ intent: "decide", values: { decision: "approve" } });
  const declining = useIsPending({ intent: "decide", values: { decision: "decline" } });
  return (
    <IntentForm form={form} intent="decide">
      <TextareaField
        label="Reason"
        hint={`Required to decline, optional to approve. ${agentName} and the lead who nominated them read it.`}
        errors={fields.note.errors}
        textareaProps={{ ...getTextareaProps(fields.note), rows: 4, maxLength: DECISION_NOTE_MAX }}
      />
      <CheckboxGroup
        meta={fields.confirmed}
        legend="Confirm the promotion"
        hint={`Approving makes ${agentName} ${level} straight away and tells them and the lead who nominated them. Not needed to decline.`}
        options={[{ value: "yes", label: `Yes, promote ${agentName} to ${level}` }]}
      />
      <div className="row">
        <Button type="submit" name="decision" value="approve" pending={approving}>
          Approve promotion
        </Button>
        <Button type="submit" name="decision" value="decline" variant="danger" pending={declining}>
          Decline
        </Button>
      </div>
      <FieldErrors id={fields.decision.errorId} errors={fields.decision.errors} />
    </IntentForm>
  );
}
