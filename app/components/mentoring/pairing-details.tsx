import { useTranslation } from "react-i18next";
import { FIT_CHECK_LABELS, type FitCheck, type PairingStatus } from "~/domain/mentoring.ts";
import { translateMessage } from "~/i18n/message.ts";
import { useFormat } from "~/i18n/use-format.ts";
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
  const format = useFormat();
  const { mentor, mentee } = pairing;
  return (
    <div className="grid">
      <Card title={t("mentoring:details.pair")}>
        <dl className="facts">
          <dt>{t("mentoring:table.mentor")}</dt>
          <dd>
            {mentor.name} · {t(mentor.level)} · {mentor.timeZone}
          </dd>
          <dt>{t("mentoring:table.mentee")}</dt>
          <dd>
            {mentee.name} · {t(mentee.level)} · {mentee.timeZone}
          </dd>
          <dt>{t("mentoring:details.score")}</dt>
          <dd>{t("mentoring:details.scoreWhenProposed", { points: formatPoints(format, pairing.score), max: MAX_SCORE })}</dd>
          {pairing.fitCheck ? (
            <>
              <dt>{t("mentoring:table.fitCheck")}</dt>
              <dd>{t(FIT_CHECK_LABELS[pairing.fitCheck])}</dd>
            </>
          ) : null}
          {pairing.message ? (
            <>
              <dt>{t("mentoring:details.message")}</dt>
              <dd className="notes-text">{translateMessage(t, pairing.message)}</dd>
            </>
          ) : null}
        </dl>
      </Card>
      {request ? (
        <Card title={viewerIsMentee ? t("mentoring:details.yourRequest") : t("mentoring:details.theirRequest", { mentee: mentee.name })}>
          <dl className="facts">
            <dt>{t("mentoring:summary.goals")}</dt>
            <dd className="notes-text">{request.goals}</dd>
            <dt>{t("mentoring:summary.workingTowards")}</dt>
            <dd>{t(request.targetLevel)}</dd>
            <dt>{t("mentoring:summary.focus")}</dt>
            <dd>{request.focus.join(t("mentoring:listSeparator"))}</dd>
            {request.preferences ? (
              <>
                <dt>{t("mentoring:summary.preferences")}</dt>
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
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card title={t("mentoring:details.meetings.title")}>
      {meetings.length === 0 ? (
        <p className="muted">{active ? t("mentoring:details.meetings.noneYet") : t("mentoring:details.meetings.none")}</p>
      ) : (
        <ol className="session-list" reversed aria-label={t("mentoring:details.meetings.listLabel")}>
          {meetings.map((meeting) => (
            <li key={meeting.id} className="session-list__item">
              <p>
                <strong>{format.day(meeting.heldOn)}</strong> · {translateMessage(t, meeting.rating)}
              </p>
              <p className="notes-text">{meeting.notes}</p>
              <p className="muted">{t("mentoring:details.meetings.loggedBy", { name: meeting.loggedBy })}</p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

/** How a pairing that is over ended: the mentor's decline or the end, with the reason given. */
export function PairingOutcome({ pairing }: { pairing: PairingDetails }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (pairing.status === "declined") {
    return (
      <Card title={t("mentoring:details.outcome.declinedTitle")}>
        <p>{t("mentoring:details.outcome.declined", { mentor: pairing.mentor.name, date: format.day(pairing.endedAt!) })}</p>
        {pairing.declineReason ? <p className="notes-text">{pairing.declineReason}</p> : null}
      </Card>
    );
  }
  if (pairing.status === "ended") {
    return (
      <Card title={t("mentoring:details.outcome.endedTitle")}>
        <p>{t("mentoring:details.outcome.ended", { date: format.day(pairing.endedAt!) })}</p>
        {pairing.endFeedback ? <p className="notes-text">{translateMessage(t, pairing.endFeedback)}</p> : null}
      </Card>
    );
  }
  return null;
}
