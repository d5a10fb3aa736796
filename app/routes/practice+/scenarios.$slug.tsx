import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ActionButton } from "~/components/forms/action-button.tsx";
import { Card, PageHeader } from "~/components/ui/layout.tsx";
import { CHANNEL_LABELS, DIFFICULTY_LABELS } from "~/content/practice-schemas.ts";
import { getPracticeCatalog } from "~/content/practice.server.ts";
import { gradedHistory, startAttempt } from "~/models/practice.server.ts";
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
  const history = await gradedHistory(user.id, scenario.slug);
  return {
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
  const { scenario, history } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/practice">Practice</Link> <span aria-hidden="true">/</span> {scenario.title}
      </nav>
      <PageHeader title={scenario.title} description={scenario.summary} />
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
          <p>When the conversation ends you get a grade for each criterion, with the words that earned it and one suggestion.</p>
          <ActionButton intent="start" className="">
            {history.length ? "Start a new attempt" : "Start the conversation"}
          </ActionButton>
        </Card>
      </div>
      <Card title="Your graded attempts">
        {history.length === 0 ? (
          <p className="muted">None yet. Your first, best and latest scores will show here.</p>
        ) : (
          <ol>
            {history.map((attempt) => (
              <li key={attempt.id}>
                <Link to={`/practice/attempts/${attempt.id}`}>{formatDateTime(attempt.startedAt)}</Link> — score {attempt.score}
                {attempt.passed ? " (passed)" : " (not passed)"}
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.scenario.title ?? "Scenario"} · Practice · Frontline` }];
