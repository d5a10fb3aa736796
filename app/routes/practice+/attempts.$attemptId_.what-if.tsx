import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { WhatIfComparison } from "~/components/practice/what-if-comparison.tsx";
import { Button } from "~/components/ui/button.tsx";
import { TextareaField } from "~/components/ui/field.tsx";
import { Alert, PageHeader } from "~/components/ui/layout.tsx";
import { loadFinishedAttempt, replayWithRewrite } from "~/models/what-if.server.ts";
import { MAX_REPLY_LENGTH, replyTextField } from "~/utils/practice-fields.ts";
import { readFormData } from "~/utils/request.server.ts";

const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 77).trimEnd()}…` : text);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { attempt, scenario, messages, user } = await loadFinishedAttempt(request, params.attemptId);
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

export async function action({ request, params }: ActionFunctionArgs) {
  const loaded = await loadFinishedAttempt(request, params.attemptId);
  const { messages } = loaded;
  const form = await readFormData(request);
  const parsed = WhatIfSchema.safeParse({ turn: form.get("turn"), text: form.get("text") });
  const turn = parsed.success ? parsed.data.turn : Number(form.get("turn"));
  if (!parsed.success || parsed.data.turn > messages.length) {
    const errors = parsed.success ? { turn: ["Choose one of your messages."] } : parsed.error.flatten().fieldErrors;
    return data({ status: "invalid" as const, errors, text: String(form.get("text") ?? ""), turn }, { status: 400 });
  }
  return {
    status: "replayed" as const,
    turn: parsed.data.turn,
    text: parsed.data.text,
    ...replayWithRewrite(loaded, parsed.data.turn, parsed.data.text),
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
        <Link to="/practice">Practice</Link> <span aria-hidden="true">/</span>{" "}
        <Link to={`/practice/attempts/${loaded.attemptId}`}>{loaded.scenarioTitle}</Link>
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

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: `What if… · ${loaded?.scenarioTitle ?? "Conversation"} · Practice · Frontline` },
];
