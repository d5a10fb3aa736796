import { useTranslation } from "react-i18next";
import type { Channel } from "~/content/practice-schemas.ts";
import { translateMessage } from "~/i18n/message.ts";
import { useFormat } from "~/i18n/use-format.ts";
import type { ReportCriterion } from "./grade-report.tsx";

export type ConversationTurn = {
  index: number;
  speaker: "customer" | "agent";
  text: string;
  replyMs: number | null;
  at: string;
  /** Customer turns worded by the organisation's language model: its name. */
  wordedBy?: string | null;
  /** Why the authored line was used although a language model is configured. */
  fallbackNote?: string | null;
};

/** A turn as stored, with whatever the page selected of the language model's part in it. */
type StoredTurn = {
  index: number;
  speaker: string;
  text: string;
  replyMs: number | null;
  createdAt: Date;
  wordedByModel?: string | null;
  fallbackNote?: string | null;
};

/** A stored turn as the transcript shows it. */
export function toConversationTurn(turn: StoredTurn): ConversationTurn {
  return {
    index: turn.index,
    speaker: turn.speaker as ConversationTurn["speaker"],
    text: turn.text,
    replyMs: turn.replyMs,
    at: turn.createdAt.toISOString(),
    wordedBy: turn.wordedByModel,
    fallbackNote: turn.fallbackNote,
  };
}

export type TurnComment = { id: string; author: string; body: string; at: string };

type Mark = { start: number; end: number; titles: string[]; strength: boolean };

/** Merges the evidence spans that point into one turn, so overlapping evidence reads as one highlight. */
function marksFor(turn: number, criteria: ReportCriterion[], word: (label: string) => string): Mark[] {
  const spans = criteria.flatMap((criterion) =>
    criterion.evidence
      .filter((evidence) => evidence.turn === turn)
      .map((evidence) => ({
        start: evidence.span[0],
        end: evidence.span[1],
        title: `${criterion.title}: ${word(criterion.finalLabel)}`,
        strength: criterion.strength,
      })),
  );
  spans.sort((a, b) => a.start - b.start);
  const merged: Mark[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
      if (!last.titles.includes(span.title)) last.titles.push(span.title);
      // Words that both earned and cost a level read as something to improve.
      last.strength &&= span.strength;
    } else merged.push({ start: span.start, end: span.end, titles: [span.title], strength: span.strength });
  }
  return merged;
}

function Highlighted({ text, marks }: { text: string; marks: Mark[] }) {
  const { t } = useTranslation();
  if (marks.length === 0) return <>{text}</>;
  const parts = [];
  let cursor = 0;
  for (const mark of marks) {
    if (mark.start > cursor) parts.push(text.slice(cursor, mark.start));
    parts.push(
      <mark
        key={mark.start}
        title={mark.titles.join("; ")}
        className={`evidence-mark evidence-mark--${mark.strength ? "strength" : "fault"}`}
      >
        <span aria-hidden="true">{mark.strength ? "✓ " : "! "}</span>
        {text.slice(mark.start, mark.end)}
        <span className="visually-hidden">
          {" "}
          {t(mark.strength ? "practice:conversation.markStrength" : "practice:conversation.markFault", { titles: mark.titles.join("; ") })}
        </span>
      </mark>,
    );
    cursor = mark.end;
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  return <>{parts}</>;
}

function ReplyTime({ ms }: { ms: number }) {
  const { t } = useTranslation();
  const seconds = Math.round(ms / 1000);
  return (
    <>
      {seconds < 120
        ? t("practice:conversation.repliedAfterSeconds", { seconds })
        : t("practice:conversation.repliedAfterMinutes", { minutes: Math.round(seconds / 60) })}
    </>
  );
}

/** Time since the conversation began, as a call shows it: "4:07", "1:02:30". */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

function speakerName(channel: Channel, speaker: ConversationTurn["speaker"], customer: string, agentLabel: string): string {
  if (channel === "social") return speaker === "customer" ? `@${customer.split(" ")[0].toLowerCase()}` : "@frontline_support";
  return speaker === "customer" ? customer : agentLabel;
}

/** The call's header: who is on the line and how long the call has run (or ran). */
function CallHeader({ customer, duration, live }: { customer: string; duration: string; live: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="call-header">
      <span className="call-header__avatar" aria-hidden="true">
        {customer
          .split(" ")
          .map((part) => part[0])
          .join("")
          .slice(0, 2)}
      </span>
      <div>
        <p className="call-header__name">{customer}</p>
        <p className="call-header__status">
          {live ? (
            <>
              <span className="call-header__live" aria-hidden="true" /> {t("practice:conversation.onCall", { duration })}
            </>
          ) : (
            <>{t("practice:conversation.callEnded", { duration })}</>
          )}
        </p>
      </div>
    </div>
  );
}

/** The transcript, drawn the way its channel looks: chat bubbles, an email thread, a phone call or a public thread. */
export function Conversation({
  channel,
  customer,
  turns,
  criteria,
  agentLabel,
  comments = {},
  live = false,
}: {
  channel: Channel;
  customer: string;
  turns: ConversationTurn[];
  criteria: ReportCriterion[];
  /** How the agent's turns are headed: "You" for the agent, their name for a reviewer. */
  agentLabel?: string;
  /** Reviewers' comments by turn index, shown under the turn they are about. */
  comments?: Record<number, TurnComment[]>;
  /** The conversation is still going (the call header says so). */
  live?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const agent = agentLabel ?? t("practice:conversation.you");
  const start = turns.length ? new Date(turns[0].at).getTime() : 0;
  const elapsed = (turn: ConversationTurn) => formatElapsed(new Date(turn.at).getTime() - start);
  const last = turns[turns.length - 1];
  return (
    <section aria-label={t("practice:conversation.label")} className={`conversation conversation--${channel}`}>
      {channel === "phone" ? <CallHeader customer={customer} duration={last ? elapsed(last) : "0:00"} live={live} /> : null}
      {channel === "social" ? <p className="conversation__notice">{t("practice:conversation.publicNotice")}</p> : null}
      <ol>
        {turns.map((turn) => (
          <li key={turn.index} id={`turn-${turn.index}`} className={`turn turn--${turn.speaker}`}>
            <p className="turn__meta">
              <span className="turn__speaker">{speakerName(channel, turn.speaker, customer, agent)}</span>
              {channel === "email" ? (
                <span className="muted">
                  {" "}
                  ·{" "}
                  {turn.speaker === "customer" ? t("practice:conversation.toSupport") : t("practice:conversation.toCustomer", { customer })}
                </span>
              ) : null}
              <span className="turn__time">
                {" "}
                · <time dateTime={turn.at}>{elapsed(turn)}</time>
                {turn.replyMs !== null ? (
                  <>
                    {" "}
                    · <ReplyTime ms={turn.replyMs} />
                  </>
                ) : null}
              </span>
            </p>
            <div className="turn__text">
              {turn.speaker === "agent" ? (
                <Highlighted text={turn.text} marks={marksFor(turn.index, criteria, (label) => translateMessage(t, label))} />
              ) : (
                turn.text
              )}
            </div>
            {turn.wordedBy ? (
              <p className="turn__time turn__source">{t("practice:conversation.wordedBy", { model: turn.wordedBy })}</p>
            ) : null}
            {turn.fallbackNote ? <p className="turn__time turn__source">{translateMessage(t, turn.fallbackNote)}</p> : null}
            {comments[turn.index]?.length ? (
              <div className="turn__comments" role="group" aria-label={t("practice:conversation.commentsOn", { number: turn.index + 1 })}>
                {comments[turn.index].map((comment) => (
                  <div key={comment.id} className="review-comment">
                    <p className="review-comment__meta">
                      <strong>{comment.author}</strong> <span className="muted">· {format.dateTime(comment.at)}</span>
                    </p>
                    <p className="review-comment__body">{comment.body}</p>
                  </div>
                ))}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
