import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ScoreForm, scoreSchema, toScoredCriteria, toScores } from "~/components/calibration/score-form.tsx";
import { Conversation, toConversationTurn } from "~/components/practice/conversation.tsx";
import { Card, PageHeader } from "~/components/ui/layout.tsx";
import { isCalibrationOpen } from "~/engine/access/calibration.ts";
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { loadScoringItem, saveScores } from "~/models/calibration.server.ts";
import { requireUser, toViewer } from "~/utils/auth.server.ts";
import { handleIntent, invalid, redirectWithNotice, refused } from "~/utils/forms.server.ts";
import { notFound } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";

const NOT_FOUND = message("calibration:score.notFound");

async function load(request: Request, params: { sessionId?: string; itemId?: string }) {
  const viewer = toViewer(await requireUser(request));
  const item = await loadScoringItem(viewer, params.sessionId ?? "", params.itemId ?? "");
  if (!item?.scenario) notFound(NOT_FOUND);
  return { viewer, item: { ...item, scenario: item.scenario } };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { item } = await load(request, params);
  const { session, visibleItems } = item.loaded;
  if (!isCalibrationOpen(session, new Date())) throw redirect(`/calibration/${session.id}/results`);
  const next = visibleItems[item.position + 1];
  const previous = visibleItems[item.position - 1];
  return {
    session: { id: session.id, title: session.title },
    itemId: visibleItems[item.position].id,
    number: item.position + 1,
    total: visibleItems.length,
    nextId: next?.id ?? null,
    previousId: previous?.id ?? null,
    channel: item.scenario.channel,
    customer: item.scenario.persona.name,
    scenarioTitle: item.scenario.title,
    turns: item.turns.map(toConversationTurn),
    criteria: toScoredCriteria(item.criteria),
    saved: Object.fromEntries(item.scores.map((score) => [score.criterionId, { level: score.level, comment: score.comment }])),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, item } = await load(request, params);
  const formData = await readFormData(request);
  const sessionId = item.loaded.session.id;
  const itemId = item.loaded.visibleItems[item.position].id;
  return handleIntent(formData, {
    score: async () => {
      const submission = parseWithZod(formData, { schema: scoreSchema(toScoredCriteria(item.criteria)) });
      if (submission.status !== "success") return invalid("score", submission);
      const result = await saveScores(viewer, sessionId, itemId, toScores(submission.value));
      if (result.status === "not-found") notFound(NOT_FOUND);
      if (result.status === "closed") return refused("score", message("calibration:closedForScoring"), submission);
      if (result.status === "invalid-score") return refused("score", message("calibration:levelForEvery"), submission);
      const next = item.loaded.visibleItems[item.position + 1];
      return redirectWithNotice(
        next ? `/calibration/${sessionId}/conversations/${next.id}` : `/calibration/${sessionId}`,
        "calibration-scored",
      );
    },
  });
}

export default function ScoreConversationPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeader
        title={t("calibration:score.title", { number: data.number, total: data.total })}
        description={t("calibration:score.description", { scenario: data.scenarioTitle, title: data.session.title })}
        actions={<Link to={`/calibration/${data.session.id}`}>{t("calibration:score.back")}</Link>}
      />
      <div className="calibration-score">
        <Conversation
          channel={data.channel}
          customer={data.customer}
          turns={data.turns}
          criteria={[]}
          agentLabel={t("common:role.agent")}
        />
        <Card title={t("calibration:yourScores")}>
          <ScoreForm
            key={data.itemId}
            id={`score-${data.itemId}`}
            intent="score"
            criteria={data.criteria}
            saved={data.saved}
            submitLabel={data.nextId ? t("calibration:score.saveNext") : t("calibration:score.save")}
          />
        </Card>
      </div>
      <nav aria-label={t("calibration:score.nav")} className="row">
        {data.previousId ? (
          <Link to={`/calibration/${data.session.id}/conversations/${data.previousId}`}>{t("calibration:score.previous")}</Link>
        ) : null}
        {data.nextId ? (
          <Link to={`/calibration/${data.session.id}/conversations/${data.nextId}`}>{t("calibration:score.next")}</Link>
        ) : null}
      </nav>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "calibration:score.pageTitle", { number: data.number, total: data.total, title: data.session.title })
      : pageTitle(matches, "calibration:title"),
  },
];
