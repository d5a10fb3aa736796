import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RequirementResult } from "~/engine/career/evaluate.ts";
import { translateMessage } from "~/i18n/message.ts";
import { useFormat } from "~/i18n/use-format.ts";
import { Badge, Card } from "../ui/layout.tsx";
import { ProgressBar } from "../ui/progress-bar.tsx";

/** One level a person could reach next, evaluated against their evidence. */
export type LevelReadinessView = {
  key: string;
  title: string;
  /** The track's label: a catalog key ("career:track.ic"), or its English name. */
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
  const format = useFormat();
  const headingId = `readiness-${level.key}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <p className="muted">
        {level.via.length
          ? t("career:readiness.summaryWithVia", {
              summary: level.summary,
              levels: level.via.map((via) => translateMessage(t, via)).join(t("career:readiness.viaSeparator")),
            })
          : level.summary}
      </p>
      <ProgressBar label={t("career:readiness.readyFor", { level: level.title })} percent={level.percentReady} />
      {level.nextSteps.length ? (
        <>
          <h3>{personName ? t("career:readiness.nextSteps") : t("career:readiness.yourNextSteps")}</h3>
          <ol>
            {level.nextSteps.map((step) => (
              <li key={step}>{translateMessage(t, step)}</li>
            ))}
          </ol>
        </>
      ) : (
        <p role="status">
          {personName
            ? t("career:readiness.personMeetsAll", { name: personName, level: level.title })
            : t("career:readiness.youMeetAll", { level: level.title })}
        </p>
      )}
      <h3>{t("career:readiness.requirements")}</h3>
      <ul className="requirements">
        {level.requirements.map((requirement) => (
          <li key={requirement.description} className="requirement">
            <p>
              {requirement.met ? (
                <Badge tone="success">{t("career:readiness.met")}</Badge>
              ) : (
                <Badge>{format.percent(requirement.progress)}</Badge>
              )}{" "}
              {requirement.description}
            </p>
            {requirement.sources && requirement.evidence.length ? (
              <p className="muted requirement__sources">
                {t("career:readiness.sources", requirement.sources)}
                {requirement.sources.reviewed === 0 ? (
                  <>
                    {" "}
                    <Badge tone="warning">{t("career:readiness.automaticOnly")}</Badge>
                  </>
                ) : null}
              </p>
            ) : null}
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
  const format = useFormat();
  const { current, next, history } = view;
  return (
    <>
      <div className="grid">
        <Card title={personName ? t("career:readiness.wherePersonIs", { name: personName }) : t("career:readiness.whereYouAre")}>
          <p className="stat">{current.title}</p>
          <p className="muted">
            {t("career:readiness.trackSince", { track: translateMessage(t, current.track), since: format.day(current.since) })}
          </p>
          <p>{current.summary}</p>
        </Card>
        <Card title={t("career:readiness.levelHistory")}>
          <ol>
            {history.map((entry) => (
              <li key={`${entry.label}-${entry.at}`}>
                {translateMessage(t, entry.label)} <span className="muted">— {format.day(entry.at)}</span>
              </li>
            ))}
          </ol>
        </Card>
      </div>
      {next.length === 0 ? (
        <Card title={t("career:readiness.topTitle")}>
          <p>{personName ? t("career:readiness.topPerson", { name: personName }) : t("career:readiness.topYou")}</p>
        </Card>
      ) : null}
      {next.map((level) => (
        <LevelReadiness
          key={level.key}
          level={level}
          // The track's name sits mid-sentence: lower case in English, unchanged in Chinese.
          heading={t("career:readiness.nextOn", {
            track: translateMessage(t, level.track).toLocaleLowerCase(format.locale),
            level: level.title,
          })}
          personName={personName}
        />
      ))}
    </>
  );
}
