import { getTextareaProps } from "@conform-to/react";
import { useEffect, useState, type FormEvent, type KeyboardEvent } from "react";
import { flushSync } from "react-dom";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { MAX_REPLY_LENGTH, replyTextField } from "~/domain/practice.ts";
import { findRedLines, type RedLine, type RedLineHit } from "~/engine/grading/red-lines.ts";
import { ActionButton } from "../forms/action-button.tsx";
import { IntentForm, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button } from "../ui/button.tsx";
import { FieldErrors } from "../ui/field.tsx";
import { RedLineWarning } from "./red-line-warning.tsx";
import { ReplyTimer } from "./reply-timer.tsx";

export const ReplySchema = z.object({
  expectedIndex: z.coerce.number().int().min(1).max(1000),
  text: replyTextField,
});

const REPLY_LABELS = { email: "practice:replyBox.emailLabel", social: "practice:replyBox.socialLabel" } as Record<
  string,
  `practice:${string}`
>;

/**
 * Enter sends and Shift+Enter starts a new line; an email, which is written in paragraphs, sends
 * with Ctrl+Enter (⌘+Enter on a Mac) instead. Keys pressed while an input method is composing
 * (Chinese, Japanese) belong to the composition, never to sending.
 */
export function sendsOnKey(
  channel: string,
  key: { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; isComposing: boolean },
) {
  if (key.key !== "Enter" || key.isComposing || key.shiftKey) return false;
  return channel === "email" ? key.ctrlKey || key.metaKey : true;
}

function sendOnEnter(channel: string) {
  return (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!sendsOnKey(channel, { ...event, isComposing: event.nativeEvent.isComposing })) return;
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  };
}

/** Where the agent writes the next message, with the time since the customer's last one. */
export function ReplyBox({
  channel,
  expectedIndex,
  lastCustomerAt,
  parSeconds,
  redLines,
}: {
  channel: string;
  expectedIndex: number;
  lastCustomerAt: string | null;
  parSeconds: number;
  redLines: RedLine[];
}) {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm({ id: `reply-${expectedIndex}`, intent: "reply", schema: ReplySchema });
  const sending = useIsPending({ intent: "reply" });
  // The keyboard hint describes a script; without one the button is the only way to send.
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  const hintId = `reply-keys-${expectedIndex}`;
  // The text the agent chose to send despite the warning; any edit brings the warning back.
  const [warning, setWarning] = useState<{ text: string; hits: RedLineHit[]; confirmed: boolean } | null>(null);
  const holdRedLines = (event: FormEvent<HTMLFormElement>) => {
    const text = String(new FormData(event.currentTarget).get("text") ?? "");
    if (warning?.confirmed && warning.text === text) return;
    const hits = findRedLines(text, redLines);
    if (hits.length === 0) return;
    event.preventDefault();
    setWarning({ text, hits, confirmed: false });
  };
  const sendAnyway = () => {
    if (!warning) return;
    flushSync(() => setWarning({ ...warning, confirmed: true }));
    (document.getElementById(form.id) as HTMLFormElement | null)?.requestSubmit();
  };
  const editReply = () => {
    setWarning(null);
    document.getElementById(fields.text.id)?.focus();
  };
  return (
    <section className="card reply-box" aria-labelledby="reply-title">
      <h2 id="reply-title" className="visually-hidden">
        {t("practice:replyBox.title")}
      </h2>
      {/* Above the reply form, so a message appearing under an empty reply never moves this button. */}
      <div className="reply-box__bar">
        {lastCustomerAt ? <ReplyTimer since={lastCustomerAt} parSeconds={parSeconds} /> : <span />}
        <div className="row end-form">
          <span className="muted">{t("practice:replyBox.gradedSoFar")}</span>
          <ActionButton intent="end" variant="secondary" size="small" className="">
            {t("practice:replyBox.end")}
          </ActionButton>
        </div>
      </div>
      <IntentForm form={form} intent="reply" className="form reply-form" onSubmit={holdRedLines}>
        <input type="hidden" name="expectedIndex" value={expectedIndex} />
        <div className="field">
          <label htmlFor={fields.text.id}>{t(REPLY_LABELS[channel] ?? "practice:replyBox.label")}</label>
          <textarea
            {...getTextareaProps(fields.text, { ariaDescribedBy: scripted ? hintId : undefined })}
            rows={channel === "email" ? 8 : 3}
            maxLength={MAX_REPLY_LENGTH}
            onKeyDown={sendOnEnter(channel)}
            // The reply box is the page's one job: after each turn the agent types straight on.
            // eslint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
          />
          {scripted ? (
            <p id={hintId} className="field__hint reply-box__keys">
              {channel === "email" ? t("practice:replyBox.emailKeys") : t("practice:replyBox.keys")}
            </p>
          ) : null}
          <FieldErrors id={fields.text.errorId} errors={fields.text.errors} />
        </div>
        {warning && !warning.confirmed ? <RedLineWarning hits={warning.hits} onSend={sendAnyway} onEdit={editReply} /> : null}
        <div className="row">
          <Button type="submit" pending={sending}>
            {sending ? t("practice:replyBox.sending") : t("practice:replyBox.send")}
          </Button>
        </div>
      </IntentForm>
    </section>
  );
}
