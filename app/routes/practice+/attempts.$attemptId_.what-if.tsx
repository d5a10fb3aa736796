import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { WhatIfComparison, type ReplaySummary } from "~/components/practice/what-if-comparison.tsx";
import { Button } from "~/components/ui/button.tsx";
import { TextareaField } from "~/components/ui/field.tsx";
import { Alert, PageHeader } from "~/components/ui/layout.tsx";
import type { Scenario } from "~/content/practice-schemas.ts";
import { whatIf, type Replay } from "~/engine/grading/what-if.ts";
import { moodLabel } from "~/engine/simulation/mood.ts";
import { loadVisibleAttempt } from "~/models/practice-access.server.ts";
import { notFound } from "~/utils/permissions.server.ts";
import { MAX_REPLY_LENGTH, OUTCOME_TEXT, replyTextField } from "~/utils/practice-fields.ts";
import { readFormData } from "~/utils/request.server.ts";

/** The finished conversation's agent messages, in order; a conversation still going has no what-if yet. */
async function loadFinished(request: Request, attemptId: string | undefined) {
  const loaded = await loadVisibleAttempt(request, attemptId);
  if (!loaded.attempt.grade) notFound("A what-if needs a finished, graded conversation.");
  const messages = loaded.attempt.turns.filter((turn) => turn.speaker === "agent").map((turn) => ({ text: turn.text, ms: turn.replyMs ?? undefined }));
  if (messages.length === 0) notFound("This conversation has no messages of yours to rewrite.");
  return { ...loaded, messages };
}

const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 77).trimEnd()}…` : text);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { attempt, scenario, messages, user } = await loadFinished(request, params.attemptId);
  const requested = Number(new URL(request.url).searchParams.get("turn") ?? "1");
  const turn = Number.isInteger(requested) && requested >= 1 && requested <= messages.length ? requested : 1;
  return {
    attemptId: attempt.id,
    scenarioTitle: scenario.title,
    isOwner: attempt.userId === user.id,
    messages: messages.map((message, index) => ({ number: index + 1, excerpt: excerpt(message.text) })),
    turn,
    original: messages[turn - 1].text,
  };
}

const WhatIfSchema = z.object({
  turn: z.coerce.number({ invalid_type_error: "Choose one of your messages." }).int().min(1, "Choose one of your messages."),
  text: replyTextField,
});

function summarise(scenario: Scenario, replayed: Replay, fromTurn: number): ReplaySummary {
  const facts = new Map(scenario.facts.map((fact) => [fact.id, fact.description]));
  return {
    score: replayed.grade.overallScore,
    passed: replayed.grade.passed,
    outcome: OUTCOME_TEXT[replayed.outcome] ?? replayed.outcome,
    mood: replayed.moods.length ? moodLabel(replayed.moods[replayed.moods.length - 1]) : null,
    disclosed: replayed.disclosed.map((id) => facts.get(id) ?? id),
    criteria: replayed.grade.criteria.map((criterion) => ({
      id: criterion.id,
      title: criterion.title,
      label: criterion.label,
      level: criterion.level,
      applicable: criterion.applicable,
      critical: criterion.critical,
    })),
    // The conversation from the rewritten message on: agent turn n sits at position 2n − 1.
    turns: replayed.turns.slice(2 * fromTurn - 1).map((turn) => ({ speaker: turn.from, text: turn.text })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { attempt, scenario, rubrics, messages } = await loadFinished(request, params.attemptId);
  const form = await readFormData(request);
  const parsed = WhatIfSchema.safeParse({ turn: form.get("turn"), text: form.get("text") });
  const turn = parsed.success ? parsed.data.turn : Number(form.get("turn"));
  if (!parsed.success || parsed.data.turn > messages.length) {
    const errors = parsed.success ? { turn: ["Choose one of your messages."] } : parsed.error.flatten().fieldErrors;
    return data({ status: "invalid" as const, errors, text: String(form.get("text") ?? ""), turn }, { status: 400 });
  }
  const { original, rewritten } = whatIf(scenario, rubrics, messages, attempt.seed, { index: parsed.data.turn - 1, text: parsed.data.text });
  return {
    status: "replayed" as const,
    turn: parsed.data.turn,
    text: parsed.data.text,
    original: summarise(scenario, original, parsed.data.turn),
    rewritten: summarise(scenario, rewritten, parsed.data.turn),
  };
}

export default function WhatIfPage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const replaying = navigation.state === "submitting";
  const turn = loaded.turn;
  const errors = result?.status === "invalid" ? result.errors : undefined;
  const text = result && result.turn === loaded.turn ? result.text : loaded.original;
  return (
    <div className="stack">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/practice">Practice</Link> <span aria-hidden="true">/</span> <Link to={`/practice/attempts/${loaded.attemptId}`}>{loaded.scenarioTitle}</Link>
      </nav>
      <PageHeader
        title="What if…"
        description={`Rewrite one ${loaded.isOwner ? "of your messages" : "of the agent's messages"} and replay the conversation from there. The customer answers the new message, then the later messages as they were sent. Nothing is saved or counted.`}
      />
      <section className="card stack" aria-labelledby="choose-title">
        <h2 id="choose-title">Which message?</h2>
        <ol className="what-if__messages">
          {loaded.messages.map((message) => (
            <li key={message.number}>
              {message.number === turn ? (
                <strong aria-current="true">{message.excerpt}</strong>
              ) : (
                <Link to={`?turn=${message.number}`}>{message.excerpt}</Link>
              )}
            </li>
          ))}
        </ol>
        <Form method="post" action={`?turn=${turn}`} className="form" key={turn}>
          <input type="hidden" name="turn" value={turn} />
          <TextareaField
            label={`Message ${turn}, rewritten`}
            hint="Change as much or as little as you like."
            errors={errors?.text ?? errors?.turn}
            textareaProps={{ id: "what-if-text", name: "text", rows: 5, maxLength: MAX_REPLY_LENGTH, required: true, defaultValue: text }}
          />
          <div className="row">
            <Button type="submit" pending={replaying}>
              {replaying ? "Replaying…" : "Replay from here"}
            </Button>
          </div>
        </Form>
      </section>
      {result?.status === "replayed" && result.turn === turn ? (
        <WhatIfComparison original={result.original} rewritten={result.rewritten} />
      ) : (
        <Alert>Your rewritten message and everything after it will appear here beside what happened.</Alert>
      )}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [{ title: `What if… · ${loaded?.scenarioTitle ?? "Conversation"} · Practice · Frontline` }];
