import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { translateMessage } from "~/i18n/message.ts";
import { ActionButton } from "../forms/action-button.tsx";
import { Badge, Card } from "../ui/layout.tsx";
import { ProgressBar } from "../ui/progress-bar.tsx";
import type { MentorSuggestion } from "./mentor-suggestions.tsx";

/** The viewer as a mentor: why they can't be one yet, or their profile's places and whether they take mentees. */
export type MentorCardView = {
  ineligible: string | null;
  profile: { capacity: number; placesTaken: number; active: boolean } | null;
};

/** Where the viewer stands in finding a mentor, and so what the card offers next. */
export type FindingView =
  | { kind: "mentored" | "waiting"; pairingId: string; mentor: string; source: string }
  | { kind: "no-request"; hadRequest: boolean }
  | { kind: "suggestions"; request: { goals: string; targetLevel: string; focus: string[] }; suggestions: MentorSuggestion[] };

export function MentorCard({ mentor }: { mentor: MentorCardView }) {
  const { t } = useTranslation();
  const { profile, ineligible } = mentor;
  const title = t("mentoring:cards.mentor.title");
  if (ineligible) {
    return (
      <Card title={title}>
        <p>{translateMessage(t, ineligible)}</p>
      </Card>
    );
  }
  if (!profile) {
    return (
      <Card title={title}>
        <p>{t("mentoring:cards.mentor.invite")}</p>
        <Link to="/mentoring/profile">{t("mentoring:cards.mentor.become")}</Link>
      </Card>
    );
  }
  return (
    <Card title={title}>
      <p>
        {profile.active ? (
          <Badge tone="success">{t("mentoring:cards.mentor.taking")}</Badge>
        ) : (
          <Badge>{t("mentoring:cards.mentor.paused")}</Badge>
        )}{" "}
        {t("mentoring:cards.mentor.placesInUse", { taken: profile.placesTaken, capacity: profile.capacity })}
      </p>
      <ProgressBar label={t("mentoring:cards.mentor.progressLabel")} percent={(profile.placesTaken / profile.capacity) * 100} />
      <p className="muted">{profile.active ? t("mentoring:cards.mentor.activeNote") : t("mentoring:cards.mentor.pausedNote")}</p>
      <div className="row">
        <ActionButton intent={profile.active ? "pause" : "resume"} variant="secondary">
          {profile.active ? t("mentoring:cards.mentor.pause") : t("mentoring:cards.mentor.resume")}
        </ActionButton>
        <Link to="/mentoring/profile">{t("mentoring:cards.mentor.edit")}</Link>
      </div>
    </Card>
  );
}

export function FindMentorCard({ finding }: { finding: FindingView }) {
  const { t } = useTranslation();
  const title = t("mentoring:cards.find.title");
  switch (finding.kind) {
    case "mentored":
      return (
        <Card title={title}>
          <p>{t("mentoring:cards.find.mentored", { mentor: finding.mentor })}</p>
          <Link to={`/mentoring/pairings/${finding.pairingId}`}>{t("mentoring:cards.find.open", { mentor: finding.mentor })}</Link>
        </Card>
      );
    case "waiting":
      return (
        <Card title={title}>
          <p>
            {finding.source === "pool"
              ? t("mentoring:cards.find.matched", { mentor: finding.mentor })
              : t("mentoring:cards.find.waiting", { mentor: finding.mentor })}
          </p>
          <Link to={`/mentoring/pairings/${finding.pairingId}`}>{t("mentoring:cards.find.seeRequest")}</Link>
        </Card>
      );
    case "no-request":
      return (
        <Card title={title}>
          <p>{t("mentoring:cards.find.invite")}</p>
          <Link to="/mentoring/request">{finding.hadRequest ? t("mentoring:cards.find.askAgain") : t("mentoring:cards.find.ask")}</Link>
        </Card>
      );
    case "suggestions":
      return (
        <Card title={title}>
          <dl className="facts">
            <dt>{t("mentoring:cards.find.goals")}</dt>
            <dd className="notes-text">{finding.request.goals}</dd>
            <dt>{t("mentoring:summary.workingTowards")}</dt>
            <dd>{t(finding.request.targetLevel)}</dd>
            <dt>{t("mentoring:summary.focus")}</dt>
            <dd>{finding.request.focus.join(t("mentoring:listSeparator"))}</dd>
          </dl>
          <p>
            <Link to="/mentoring/request">{t("mentoring:cards.find.change")}</Link>
          </p>
        </Card>
      );
  }
}
