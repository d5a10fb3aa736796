import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RequirementResult } from "~/engine/career/evaluate.ts";
import { translateMessage } from "~/i18n/message.ts";
import { formatDate } from "~/utils/format.ts";
import { Badge, Card } from "../ui/layout.tsx";
import { ProgressBar } from "../ui/progress-bar.tsx";

/** One level a person could reach next, evaluated against their evidence. */
export type LevelReadinessView = {
  key: string;
  title: string;
  /** The track's label, e.g. "Individual contributor". */
  track: string;
  summary: string;
  /** Titles of the levels to pass through first. */
  via: string[];
  percentReady: number;
  requirements: RequirementResult[];
  nextSteps: string[];
};

export type ReadinessView = {
  current: { title: string; summary: string; track: string; since: string };
  next: LevelReadinessView[];
  history: { label: string; at: string }[];
};

/** Evidence lists stay short; the full record is one click away on each link. */
const EVIDENCE_SHOWN = 6;

/**
 * A level's percent ready, next steps and requirement checklist with evidence. `personName`
 * is set when someone other than the person reads it (their lead, an admin).
 */
export function LevelReadiness({ level, heading, personName }: { level: LevelReadinessView; heading: string; personName?: string }) {
  const { t } = useTranslation();
  const headingId = `readiness-${level.key}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <p className="muted">
        {level.summary}
        {level.via.length ? ` It comes after ${level.via.map((via) => translateMessage(t, via)).join(", then ")}.` : ""}
      </p>
      <ProgressBar label={`Ready for ${level.title}`} percent={level.percentReady} />
      {level.nextSteps.length ? (
        <>
          <h3>{personName ? "Next steps" : "Your next steps"}</h3>
          <ol>
            {level.nextSteps.map((step) => (
              <li key={step}>{translateMessage(t, step)}</li>
            ))}
          </ol>
        </>
      ) : (
        <p role="status">
          {personName
            ? `${personName} meets every requirement for ${level.title}.`
            : `You meet every requirement for ${level.title}. Talk to your lead about a nomination.`}
        </p>
      )}
      <h3>Requirements</h3>
      <ul className="requirements">
        {level.requirements.map((requirement) => (
          <li key={requirement.description} className="requirement">
            <p>
              {requirement.met ? <Badge tone="success">Met</Badge> : <Badge>{Math.round(requirement.progress * 100)}%</Badge>}{" "}
              {requirement.description}
            </p>
            {requirement.evidence.length ? (
              <ul className="requirement__evidence">
                {requirement.evidence.slice(0, EVIDENCE_SHOWN).map((link) => (
                  <li key={`${link.label}-${link.href}`}>
                    {link.href ? <Link to={link.href}>{translateMessage(t, link.label)}</Link> : translateMessage(t, link.label)}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Current level, level history and readiness for the next level on each track. */
export function Readiness({ view, personName }: { view: ReadinessView; personName?: string }) {
  const { t } = useTranslation();
  const { current, next, history } = view;
  return (
    <>
      <div className="grid">
        <Card title={personName ? `Where ${personName} is` : "Where you are"}>
          <p className="stat">{current.title}</p>
          <p className="muted">
            {current.track} track · since {formatDate(current.since)}
          </p>
          <p>{current.summary}</p>
        </Card>
        <Card title="Level history">
          <ol>
            {history.map((entry) => (
              <li key={`${entry.label}-${entry.at}`}>
                {translateMessage(t, entry.label)} <span className="muted">— {formatDate(entry.at)}</span>
              </li>
            ))}
          </ol>
        </Card>
      </div>
      {next.length === 0 ? (
        <Card title="The top of the ladder">
          <p>
            There is no level above {personName ? `${personName}'s` : "yours"} on either track. Mentoring others is the best way to pass on
            what got {personName ? "them" : "you"} here.
          </p>
        </Card>
      ) : null}
      {next.map((level) => (
        <LevelReadiness
          key={level.key}
          level={level}
          heading={`Next on the ${level.track.toLowerCase()} track: ${level.title}`}
          personName={personName}
        />
      ))}
    </>
  );
}
