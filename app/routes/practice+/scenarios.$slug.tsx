import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AssignmentBar, toAssignmentBarView } from "~/components/assignments/assignment-bar.tsx";
import { ActionButton } from "~/components/forms/action-button.tsx";
import { ButtonLink } from "~/components/ui/button.tsx";
import { Card, PageHeader } from "~/components/ui/layout.tsx";
import { CHANNEL_LABELS, DIFFICULTY_LABELS } from "~/content/practice-schemas.ts";
import { getPracticeCatalog } from "~/content/practice.server.ts";
import { scoreProgress } from "~/engine/grading/coaching.ts";
import { findOpenAssignmentBar } from "~/models/assignment.server.ts";
import { activeAttempts, gradedHistory, startAttempt } from "~/models/practice.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { formatDateTime } from "~/utils/format.ts";
import { handleIntent } from "~/utils/forms.server.ts";
import { ensureFound } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";

async function loadScenario(slug: string | undefined) {
  const { scenarios } = await getPracticeCatalog();
  return ensureFound(
    scenarios.find((scenario) => scenario.slug === slug),
    "There's no practice scenario at this address.",
  );
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const scenario = await loadScenario(params.slug);
  const [history, assignmentBar, active] = await Promise.all([
    gradedHistory(user.id, scenario.slug),
    findOpenAssignmentBar(user.id, "scenario", scenario.slug),
    activeAttempts(user.id),
  ]);
  return {
    assignmentBar: toAssignmentBarView(assignmentBar),
    scenario: {
      slug: scenario.slug,
      title: scenario.title,
      summary: scenario.summary,
      brief: scenario.brief,
      channel: CHANNEL_LABELS[scenario.channel],
      difficulty: DIFFICULTY_LABELS[scenario.difficulty],
      customer: scenario.persona.name,
      showsMood: scenario.persona.showMood,
      par: scenario.par,
      passScore: scenario.passScore,
    },
    progress: scoreProgress(history.flatMap((attempt) => (attempt.grade ? [attempt.grade.overallScore] : []))),
    activeAttemptId: active.get(scenario.slug)?.id ?? null,
    history: history.map((attempt) => ({
      id: attempt.id,
      startedAt: attempt.startedAt.toISOString(),
      score: attempt.grade?.overallScore ?? null,
      passed: attempt.grade?.passed ?? false,
      status: attempt.status,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const scenario = await loadScenario(params.slug);
  return handleIntent(await readFormData(request), {
    start: async () => {
      const attempt = await startAttempt(user.id, scenario);
      return redirect(`/practice/attempts/${attempt.id}`);
    },
  });
}

function formatPar(seconds: number): string {
  return seconds >= 3600 ? `${Math.round(seconds / 3600)} h` : seconds >= 60 ? `${Math.round(seconds / 60)} min` : `${seconds} s`;
}

export default function ScenarioPage() {
  const { scenario, history, assignmentBar, progress, activeAttemptId } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/practice">Practice</Link> <span aria-hidden="true">/</span> {scenario.title}
      </nav>
      <PageHeader title={scenario.title} description={scenario.summary} />
      {assignmentBar ? <AssignmentBar bar={assignmentBar} /> : null}
      <div className="grid">
        <Card title="The brief">
          <p>{scenario.brief}</p>
          <dl className="facts">
            <dt>Channel</dt>
            <dd>{scenario.channel}</dd>
            <dt>Difficulty</dt>
            <dd>{scenario.difficulty}</dd>
            <dt>Customer</dt>
            <dd>{scenario.customer}</dd>
            <dt>Par</dt>
            <dd>
              {scenario.par.turns} replies, about {formatPar(scenario.par.replySeconds)} each
            </dd>
            <dt>Pass mark</dt>
            <dd>{scenario.passScore} with no critical failure</dd>
          </dl>
        </Card>
        <Card title="How it works">
          <p>
            The customer reacts to what you write: they share details only when you ask, warm up when they feel heard, and may leave if they
            feel ignored.{scenario.showsMood ? " A mood indicator shows how they feel." : " At this difficulty you won't see their mood."}
          </p>
          <p>
            When the conversation ends you get the two or three fixes that matter most, each with a better reply, then every criterion with
            the words that earned its level.
          </p>
          <div className="row">
            {activeAttemptId ? <ButtonLink to={`/practice/attempts/${activeAttemptId}`}>Continue conversation</ButtonLink> : null}
            <ActionButton intent="start" className="" variant={activeAttemptId ? "secondary" : "primary"}>
              {history.length || activeAttemptId ? "Start a new attempt" : "Start the conversation"}
            </ActionButton>
          </div>
        </Card>
      </div>
      <Card title="Your graded attempts">
        {history.length === 0 ? (
          <p className="muted">None yet. Your first, best and latest scores will show here.</p>
        ) : (
          <>
            {progress ? (
              <dl className="score-progress">
                <div>
                  <dt>First</dt>
                  <dd>{progress.first}</dd>
                </div>
                <div>
                  <dt>Best</dt>
                  <dd>{progress.best}</dd>
                </div>
                <div>
                  <dt>Latest</dt>
                  <dd>{progress.latest}</dd>
                </div>
              </dl>
            ) : null}
            <ol>
              {history.map((attempt) => (
                <li key={attempt.id}>
                  <Link to={`/practice/attempts/${attempt.id}`}>{formatDateTime(attempt.startedAt)}</Link> — score {attempt.score}
                  {attempt.passed ? " (passed)" : " (not passed)"}
                </li>
              ))}
            </ol>
          </>
        )}
      </Card>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.scenario.title ?? "Scenario"} · Practice · Frontline` }];
