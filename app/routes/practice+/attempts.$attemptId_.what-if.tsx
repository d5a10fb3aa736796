import { getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { IntentForm, useIntentForm } from "~/components/forms/intent-form.tsx";
import { useIsPending } from "~/components/forms/use-is-pending.ts";
import { WhatIfComparison } from "~/components/practice/what-if-comparison.tsx";
import { Button } from "~/components/ui/button.tsx";
import { TextareaField } from "~/components/ui/field.tsx";
import { Alert, PageHeader } from "~/components/ui/layout.tsx";
import { MAX_REPLY_LENGTH, replyTextField } from "~/domain/practice.ts";
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { loadFinishedAttempt, replayWithRewrite } from "~/models/what-if.server.ts";
import { handleIntent, invalid } from "~/utils/forms.server.ts";
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
    messages: messages.map((sent, index) => ({ number: index + 1, excerpt: excerpt(sent.text) })),
    turn,
    original: messages[turn - 1].text,
  };
}

const CHOOSE_MESSAGE = message("practice:whatIf.chooseMessage");
const WhatIfSchema = z.object({
  turn: z.number({ required_error: CHOOSE_MESSAGE, invalid_type_error: CHOOSE_MESSAGE }).int(CHOOSE_MESSAGE).min(1, CHOOSE_MESSAGE),
  text: replyTextField,
});

export async function action({ request, params }: ActionFunctionArgs) {
  const loaded = await loadFinishedAttempt(request, params.attemptId);
  const formData = await readFormData(request);
  return handleIntent(formData, {
    replay: async () => {
      const submission = parseWithZod(formData, { schema: WhatIfSchema });
      if (submission.status !== "success") return invalid("replay", submission);
      const { turn, text } = submission.value;
      if (turn > loaded.messages.length) return invalid("replay", submission, { turn: [CHOOSE_MESSAGE] });
      // The replay is shown, not stored: there is nothing to confirm, only a result to show.
      return { status: "replayed" as const, turn, ...replayWithRewrite(loaded, turn, text) };
    },
  });
}

export default function WhatIfPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const turn = loaded.turn;
  const replayed = actionData && "status" in actionData && actionData.turn === turn ? actionData : null;
  const { t } = useTranslation();
  return (
    <div className="stack">
      <nav aria-label={t("practice:breadcrumb")} className="breadcrumb">
        <Link to="/practice">{t("common:nav.practice")}</Link> <span aria-hidden="true">/</span>{" "}
        <Link to={`/practice/attempts/${loaded.attemptId}`}>{loaded.scenarioTitle}</Link>
      </nav>
      <PageHeader
        title={t("practice:whatIf.title")}
        description={loaded.isOwner ? t("practice:whatIf.description") : t("practice:whatIf.descriptionOther")}
      />
      <section className="card stack" aria-labelledby="choose-title">
        <h2 id="choose-title">{t("practice:whatIf.which")}</h2>
        <ol className="what-if__messages">
          {loaded.messages.map((sent) => (
            <li key={sent.number}>
              {sent.number === turn ? (
                <strong aria-current="true">{sent.excerpt}</strong>
              ) : (
                <Link to={`?turn=${sent.number}`}>{sent.excerpt}</Link>
              )}
            </li>
          ))}
        </ol>
        <RewriteForm key={turn} turn={turn} original={loaded.original} />
      </section>
      {replayed ? (
        <WhatIfComparison original={replayed.original} rewritten={replayed.rewritten} />
      ) : (
        <Alert>{t("practice:whatIf.placeholder")}</Alert>
      )}
    </div>
  );
}

function RewriteForm({ turn, original }: { turn: number; original: string }) {
  const [form, fields] = useIntentForm({
    id: `what-if-${turn}`,
    intent: "replay",
    schema: WhatIfSchema,
    defaultValue: { turn: String(turn), text: original },
  });
  const replaying = useIsPending({ intent: "replay" });
  const { t } = useTranslation();
  return (
    <IntentForm form={form} intent="replay">
      <input type="hidden" name={fields.turn.name} value={turn} />
      <TextareaField
        label={t("practice:whatIf.rewriteLabel", { number: turn })}
        hint={t("practice:whatIf.rewriteHint")}
        errors={fields.text.errors ?? fields.turn.errors}
        textareaProps={{ ...getTextareaProps(fields.text), rows: 5, maxLength: MAX_REPLY_LENGTH }}
      />
      <div className="row">
        <Button type="submit" pending={replaying}>
          {replaying ? t("practice:whatIf.replaying") : t("practice:whatIf.replay")}
        </Button>
      </div>
    </IntentForm>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => [
  {
    title: loaded
      ? pageTitle(matches, "practice:whatIf.metaTitle", { title: loaded.scenarioTitle })
      : pageTitle(matches, "practice:whatIf.metaTitleMissing"),
  },
];
