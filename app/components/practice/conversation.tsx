import type { Channel } from "~/content/practice-schemas.ts";
import { formatDateTime } from "~/utils/format.ts";
import type { ReportCriterion } from "./grade-report.tsx";

export type ConversationTurn = { index: number; speaker: "customer" | "agent"; text: string; replyMs: number | null };

export type TurnComment = { id: string; author: string; body: string; at: string };

type Mark = { start: number; end: number; titles: string[] };

/** Merges the evidence spans that point into one turn, so overlapping evidence reads as one highlight. */
function marksFor(turn: number, criteria: ReportCriterion[]): Mark[] {
  const spans = criteria.flatMap((criterion) =>
    criterion.evidence
      .filter((evidence) => evidence.turn === turn)
      .map((evidence) => ({ start: evidence.span[0], end: evidence.span[1], title: `${criterion.title}: ${criterion.label}` })),
  );
  spans.sort((a, b) => a.start - b.start);
  const merged: Mark[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
      if (!last.titles.includes(span.title)) last.titles.push(span.title);
    } else merged.push({ start: span.start, end: span.end, titles: [span.title] });
  }
  return merged;
}

function Highlighted({ text, marks }: { text: string; marks: Mark[] }) {
  if (marks.length === 0) return <>{text}</>;
  const parts = [];
  let cursor = 0;
  for (const mark of marks) {
    if (mark.start > cursor) parts.push(text.slice(cursor, mark.start));
    parts.push(
      <mark key={mark.start} title={mark.titles.join("; ")}>
        {text.slice(mark.start, mark.end)}
        <span className="visually-hidden"> (evidence for {mark.titles.join("; ")})</span>
      </mark>,
    );
    cursor = mark.end;
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  return <>{parts}</>;
}

function formatReplyTime(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}

/** The transcript, drawn the way its channel looks: chat bubbles, an email thread, a call transcript or a public thread. */
export function Conversation({
  channel,
  customer,
  turns,
  criteria,
  agentLabel = "You",
  comments = {},
}: {
  channel: Channel;
  customer: string;
  turns: ConversationTurn[];
  criteria: ReportCriterion[];
  /** How the agent's turns are headed: "You" for the agent, their name for a reviewer. */
  agentLabel?: string;
  /** Reviewers' comments by turn index, shown under the turn they are about. */
  comments?: Record<number, TurnComment[]>;
}) {
  const handle = `@${customer.split(" ")[0].toLowerCase()}`;
  return (
    <section aria-label="Conversation" className={`conversation conversation--${channel}`}>
      {channel === "social" ? <p className="conversation__notice">Public thread — everyone can read these replies.</p> : null}
      <ol>
        {turns.map((turn) => (
          <li key={turn.index} id={`turn-${turn.index}`} className={`turn turn--${turn.speaker}`}>
            <p className="turn__meta">
              <span className="turn__speaker">
                {channel === "social"
                  ? turn.speaker === "customer"
                    ? handle
                    : "@frontline_support"
                  : turn.speaker === "customer"
                    ? customer
                    : agentLabel}
              </span>
              {channel === "email" ? (
                <span className="muted"> · {turn.speaker === "customer" ? "to support" : `to ${customer}`}</span>
              ) : null}
              {turn.replyMs !== null ? <span className="muted"> · replied after {formatReplyTime(turn.replyMs)}</span> : null}
            </p>
            <div className="turn__text">
              {turn.speaker === "agent" ? <Highlighted text={turn.text} marks={marksFor(turn.index, criteria)} /> : turn.text}
            </div>
            {comments[turn.index]?.length ? (
              <div className="turn__comments" role="group" aria-label={`Reviewer comments on message ${turn.index + 1}`}>
                {comments[turn.index].map((comment) => (
                  <div key={comment.id} className="review-comment">
                    <p className="review-comment__meta">
                      <strong>{comment.author}</strong> <span className="muted">· {formatDateTime(comment.at)}</span>
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
