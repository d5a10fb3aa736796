import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
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
  const { profile, ineligible } = mentor;
  if (ineligible) {
    return (
      <Card title="Mentor others">
        <p>{ineligible}</p>
      </Card>
    );
  }
  if (!profile) {
    return (
      <Card title="Mentor others">
        <p>
          Share what you've got good at with someone earlier on. You choose how many people you mentor at once (up to five), what you can
          help with, and when you're free; you can pause whenever you need to.
        </p>
        <Link to="/mentoring/profile">Become a mentor</Link>
      </Card>
    );
  }
  return (
    <Card title="Mentor others">
      <p>
        {profile.active ? <Badge tone="success">Taking mentees</Badge> : <Badge>Paused</Badge>} {profile.placesTaken} of {profile.capacity}{" "}
        places in use
      </p>
      <ProgressBar label="Mentoring places in use" percent={(profile.placesTaken / profile.capacity) * 100} />
      <p className="muted">
        {profile.active
          ? "Mentees can ask you and admins can match you while you have a place free."
          : "No one can ask you or match you while you're paused. Your current mentees carry on."}
      </p>
      <div className="row">
        <ActionButton intent={profile.active ? "pause" : "resume"} variant="secondary">
          {profile.active ? "Pause mentoring" : "Resume mentoring"}
        </ActionButton>
        <Link to="/mentoring/profile">Edit your mentor profile</Link>
      </div>
    </Card>
  );
}

export function FindMentorCard({ finding }: { finding: FindingView }) {
  const { t } = useTranslation();
  switch (finding.kind) {
    case "mentored":
      return (
        <Card title="Find a mentor">
          <p>{finding.mentor} is your mentor.</p>
          <Link to={`/mentoring/pairings/${finding.pairingId}`}>Open your mentoring with {finding.mentor}</Link>
        </Card>
      );
    case "waiting":
      return (
        <Card title="Find a mentor">
          <p>
            {finding.source === "pool"
              ? `You've been matched with ${finding.mentor}. They've been asked to accept.`
              : `Your request to ${finding.mentor} is waiting for an answer.`}{" "}
            You'll get a notification either way.
          </p>
          <Link to={`/mentoring/pairings/${finding.pairingId}`}>See the request</Link>
        </Card>
      );
    case "no-request":
      return (
        <Card title="Find a mentor">
          <p>
            Tell us what you want to work on and where you're heading. We'll suggest mentors whose measured strengths match your gaps, best
            first.
          </p>
          <Link to="/mentoring/request">{finding.hadRequest ? "Ask for a mentor again" : "Ask for a mentor"}</Link>
        </Card>
      );
    case "suggestions":
      return (
        <Card title="Find a mentor">
          <dl className="facts">
            <dt>Your goals</dt>
            <dd className="notes-text">{finding.request.goals}</dd>
            <dt>Working towards</dt>
            <dd>{t(finding.request.targetLevel)}</dd>
            <dt>Focus</dt>
            <dd>{finding.request.focus.join(", ")}</dd>
          </dl>
          <p>
            <Link to="/mentoring/request">Change or withdraw your request</Link>
          </p>
        </Card>
      );
  }
}
