import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge, Card, PageHeader } from "~/components/ui/layout.tsx";
import { ProgressBar } from "~/components/ui/progress-bar.tsx";
import { CAREER_TRACK_LABELS, keyedLevel } from "~/content/career-schemas.ts";
import { getCareerContent } from "~/content/career.server.ts";
import { evaluateLevel, nextLevels } from "~/engine/career/evaluate.ts";
import { careerRecord } from "~/models/career.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { formatDate } from "~/utils/format.ts";
import { ensureFound } from "~/utils/permissions.server.ts";
import { LEVEL_LABELS } from "~/utils/user-fields.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { ladder, catalog, difficultyOf } = await getCareerContent();
  const { evidence, history, hireDate } = ensureFound(await careerRecord(user.id, difficultyOf));
  const now = new Date();
  const current = keyedLevel(ladder, evidence.currentLevel.key);
  return {
    current: { title: current.title, summary: current.summary, track: CAREER_TRACK_LABELS[current.track], since: evidence.currentLevel.since.toISOString() },
    next: nextLevels(evidence.currentLevel.key, ladder).map((next) => {
      const evaluation = evaluateLevel(keyedLevel(ladder, next.key), evidence, now, catalog);
      return {
        key: next.key,
        title: next.title,
        track: CAREER_TRACK_LABELS[next.track],
        summary: keyedLevel(ladder, next.key).summary,
        via: next.via.map((key) => LEVEL_LABELS[key]),
        percentReady: evaluation.percentReady,
        ready: evaluation.ready,
        requirements: evaluation.requirements,
        nextSteps: evaluation.nextSteps,
      };
    }),
    history: [
      { label: `Joined as ${LEVEL_LABELS[history[0]?.from ?? evidence.currentLevel.key]}`, at: hireDate.toISOString() },
      ...history.map((change) => ({ label: `${LEVEL_LABELS[change.from]} → ${LEVEL_LABELS[change.to]}`, at: change.at.toISOString() })),
    ],
  };
}

export default function CareerPage() {
  const { current, next, history } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <PageHeader title="Career" description="Where you are, what the next level asks of you, and the evidence you already have." />
      <div className="grid">
        <Card title="Where you are">
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
                {entry.label} <span className="muted">— {formatDate(entry.at)}</span>
              </li>
            ))}
          </ol>
        </Card>
      </div>
      {next.length === 0 ? (
        <Card title="The top of the ladder">
          <p>There is no level above yours on either track. Mentoring others is the best way to pass on what got you here.</p>
        </Card>
      ) : null}
      {next.map((level) => (
        <section key={level.key} className="card" aria-labelledby={`next-${level.key}`}>
          <h2 id={`next-${level.key}`}>
            Next on the {level.track.toLowerCase()} track: {level.title}
          </h2>
          <p className="muted">
            {level.summary}
            {level.via.length ? ` It comes after ${level.via.join(", then ")}.` : ""}
          </p>
          <ProgressBar label={`Ready for ${level.title}`} percent={level.percentReady} />
          {level.nextSteps.length ? (
            <>
              <h3>Your next steps</h3>
              <ol>
                {level.nextSteps.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
            </>
          ) : (
            <p role="status">You meet every requirement for {level.title}. Talk to your lead about a nomination.</p>
          )}
          <h3>Requirements</h3>
          <ul className="requirements">
            {level.requirements.map((requirement) => (
              <li key={requirement.description} className="requirement">
                <p>
                  {requirement.met ? <Badge tone="success">Met</Badge> : <Badge>{Math.round(requirement.progress * 100)}%</Badge>} {requirement.description}
                </p>
                {requirement.evidence.length ? (
                  <ul className="requirement__evidence">
                    {requirement.evidence.slice(0, 6).map((link) => (
                      <li key={`${link.label}-${link.href}`}>{link.href ? <Link to={link.href}>{link.label}</Link> : link.label}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Career · Frontline" }];
