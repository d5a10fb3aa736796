import { getTextareaProps } from "@conform-to/react";
import { z } from "zod";
import { MAX_REPLY_LENGTH, replyTextField } from "~/domain/practice.ts";
import { ActionButton } from "../forms/action-button.tsx";
import { IntentForm, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button } from "../ui/button.tsx";
import { FieldErrors } from "../ui/field.tsx";
import { ReplyTimer } from "./reply-timer.tsx";

export const ReplySchema = z.object({
  expectedIndex: z.coerce.number().int().min(1).max(1000),
  text: replyTextField,
});

const REPLY_LABELS = { email: "Your email reply", social: "Your public reply" } as Record<string, string>;

/** Where the agent writes the next message, with the time since the customer's last one. */
export function ReplyBox({
  channel,
  expectedIndex,
  lastCustomerAt,
  parSeconds,
}: {
  channel: string;
  expectedIndex: number;
  lastCustomerAt: string | null;
  parSeconds: number;
}) {
  const [form, fields] = useIntentForm({ id: `reply-${expectedIndex}`, intent: "reply", schema: ReplySchema });
  const sending = useIsPending({ intent: "reply" });
  return (
    <section className="card reply-box" aria-labelledby="reply-title">
      <h2 id="reply-title" className="visually-hidden">
        Reply to the customer
      </h2>
      {lastCustomerAt ? <ReplyTimer since={lastCustomerAt} parSeconds={parSeconds} /> : null}
      <IntentForm form={form} intent="reply" className="form reply-form">
        <input type="hidden" name="expectedIndex" value={expectedIndex} />
        <div className="field">
          <label htmlFor={fields.text.id}>{REPLY_LABELS[channel] ?? "Your reply"}</label>
          <textarea
            {...getTextareaProps(fields.text)}
            rows={channel === "email" ? 8 : 3}
            maxLength={MAX_REPLY_LENGTH}
            // The reply box is the page's one job: after each turn the agent types straight on.
            // eslint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
          />
          <FieldErrors id={fields.text.errorId} errors={fields.text.errors} />
        </div>
        <div className="row">
          <Button type="submit" pending={sending}>
            {sending ? "Sending…" : "Send reply"}
          </Button>
        </div>
      </IntentForm>
      <div className="row end-form">
        <ActionButton intent="end" variant="secondary" size="small" className="">
          End the conversation
        </ActionButton>
        <span className="muted">You'll be graded on the conversation so far.</span>
      </div>
    </section>
  );
}
