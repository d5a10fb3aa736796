import { useTranslation } from "react-i18next";
import { FIT_CHECK_LABELS, type FitCheck, type PairingStatus } from "~/domain/mentoring.ts";
import { formatDate } from "~/utils/format.ts";
import { Card } from "../ui/layout.tsx";
import { formatPoints, MAX_SCORE } from "./score-breakdown.tsx";

export type PairingPerson = { name: string; level: string; timeZone: string };

export type PairingDetails = {
  id: string;
  status: PairingStatus;
  source: string;
  message: string | null;
  score: number;
  createdAt: string;
  acceptedAt: string | null;
  endedAt: string | null;
  declineReason: string | null;
  endFeedback: string | null;
  fitCheck: FitCheck | null;
  mentor: PairingPerson;
  mentee: PairingPerson;
};

export type MenteeRequestSummary = { goals: string; targetLevel: string; focus: string[]; preferences: string };

export type MeetingEntry = { id: string; heldOn: string; notes: string; rating: string; loggedBy: string };

/** Who is paired, how well they matched, and what the mentee asked for. */
export function PairingFacts({
  pairing,
  request,
  viewerIsMentee,
}: {
  pairing: PairingDetails;
  request: MenteeRequestSummary | null;
  viewerIsMentee: boolean;
}) {
  const { t } = useTranslation();
  const { mentor, mentee } = pairing;
  return (
    <div className="grid">
      <Card title="The pair">
        <dl className="facts">
          <dt>Mentor</dt>
          <dd>
            {mentor.name} · {t(mentor.level)} · {mentor.timeZone}
          </dd>
          <dt>Mentee</dt>
          <dd>
            {mentee.name} · {t(mentee.level)} · {mentee.timeZone}
          </dd>
          <dt>Match score</dt>
          <dd>
            {formatPoints(pairing.score)} of {MAX_SCORE} when proposed
          </dd>
          {pairing.fitCheck ? (
            <>
              <dt>Fit check</dt>
              <dd>{FIT_CHECK_LABELS[pairing.fitCheck]}</dd>
            </>
          ) : null}
          {pairing.message ? (
            <>
              <dt>Message</dt>
              <dd className="notes-text">{pairing.message}</dd>
            </>
          ) : null}
        </dl>
      </Card>
      {request ? (
        <Card title={viewerIsMentee ? "What you asked for" : `What ${mentee.name} wants`}>
          <dl className="facts">
            <dt>Goals</dt>
            <dd className="notes-text">{request.goals}</dd>
            <dt>Working towards</dt>
            <dd>{t(request.targetLevel)}</dd>
            <dt>Focus</dt>
            <dd>{request.focus.join(", ")}</dd>
            {request.preferences ? (
              <>
                <dt>Preferences</dt>
                <dd className="notes-text">{request.preferences}</dd>
              </>
            ) : null}
          </dl>
        </Card>
      ) : null}
    </div>
  );
}

export function MeetingsCard({ meetings, active }: { meetings: MeetingEntry[]; active: boolean }) {
  return (
    <Card title="Meetings">
      {meetings.length === 0 ? (
        <p className="muted">{active ? "No meetings logged yet." : "No meetings were logged."}</p>
      ) : (
        <ol className="session-list" reversed aria-label="Meetings, newest first">
          {meetings.map((meeting) => (
            <li key={meeting.id} className="session-list__item">
              <p>
                <strong>{formatDate(meeting.heldOn)}</strong> · {meeting.rating}
              </p>
              <p className="notes-text">{meeting.notes}</p>
              <p className="muted">Logged by {meeting.loggedBy}</p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

/** How a pairing that is over ended: the mentor's decline or the end, with the reason given. */
export function PairingOutcome({ pairing }: { pairing: PairingDetails }) {
  if (pairing.status === "declined") {
    return (
      <Card title="Declined">
        <p>
          {pairing.mentor.name} declined on {formatDate(pairing.endedAt!)}.
        </p>
        {pairing.declineReason ? <p className="notes-text">{pairing.declineReason}</p> : null}
      </Card>
    );
  }
  if (pairing.status === "ended") {
    return (
      <Card title="Ended">
        <p>The pairing ended on {formatDate(pairing.endedAt!)}.</p>
        {pairing.endFeedback ? <p className="notes-text">{pairing.endFeedback}</p> : null}
      </Card>
    );
  }
  return null;
}
