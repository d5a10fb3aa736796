import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DecisionForm, DecisionSchema } from "~/components/admin/decision-form.tsx";
import { NominationStatusBadge } from "~/components/career/nomination-status-badge.tsx";
import { LevelReadiness } from "~/components/career/readiness.tsx";
import { Alert, Card, PageHeader } from "~/components/ui/layout.tsx";
import { getCareerContent } from "~/content/career.server.ts";
import { type NominationStatus } from "~/domain/career.ts";
import { LEVEL_LABELS, type Level } from "~/domain/people.ts";
import { automaticOnlyRequirements } from "~/engine/career/evaluate.ts";
import { fixedT, requestLocale } from "~/i18n/i18next.server.ts";
import { readerLocale } from "~/i18n/locales.ts";
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useFormat } from "~/i18n/use-format.ts";
import { careerRecord } from "~/models/career-record.server.ts";
import { levelReadiness } from "~/models/career-view.server.ts";
import { decideNomination, getNomination } from "~/models/nomination.server.ts";
import { handleIntent, invalid, redirectWithNotice, refused } from "~/utils/forms.server.ts";
import { ensureFound, notFound, requireRole } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";

const MISSING = message("career:review.missing");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const nomination = ensureFound(await getNomination(params.nominationId ?? ""), MISSING);
  // Worded here rather than in the component so the page title names the level too.
  const t = await fixedT(await requestLocale(request, admin), "common");
  const level = nomination.level as Level;
  // Readiness is shown while the decision is open: afterwards today's evidence is not what was decided on.
  const readiness = nomination.status === "pending" ? await pendingReadiness(readerLocale(admin), nomination.agent.id, level) : null;
  return {
    nomination: {
      id: nomination.id,
      status: nomination.status as NominationStatus,
      level: t(LEVEL_LABELS[level]),
      agent: {
        id: nomination.agent.id,
        name: nomination.agent.name,
        level: t(LEVEL_LABELS[nomination.agent.level as Level]),
        team: nomination.agent.team?.name ?? null,
      },
      nominatedBy: nomination.nominatedBy.name,
      at: nomination.createdAt.toISOString(),
      justification: nomination.justification,
      decidedBy: nomination.decidedBy?.name ?? null,
      decidedAt: nomination.decidedAt?.toISOString() ?? null,
      reason: nomination.decisionNote ?? "",
    },
    readiness,
    unreviewed: readiness ? automaticOnlyRequirements(readiness).map((requirement) => requirement.description) : [],
  };
}

/** The person's readiness for the level they are nominated for, on today's evidence. */
async function pendingReadiness(locale: ReturnType<typeof readerLocale>, agentId: string, level: Level) {
  const content = await getCareerContent(locale);
  const record = ensureFound(await careerRecord(agentId, content.difficultyOf), MISSING);
  return levelReadiness(content, level, record.evidence, new Date());
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const nominationId = params.nominationId ?? "";
  const nomination = ensureFound(await getNomination(nominationId), MISSING);
  const formData = await readFormData(request);
  return handleIntent(formData, {
    decide: async () => {
      const submission = parseWithZod(formData, { schema: DecisionSchema });
      if (submission.status !== "success") return invalid("decide", submission);
      if (submission.value.decision === "approve" && nomination.status === "pending") {
        const readiness = await pendingReadiness(readerLocale(admin), nomination.agent.id, nomination.level as Level);
        const unreviewed = automaticOnlyRequirements(readiness).map((requirement) => requirement.description);
        if (unreviewed.length)
          return refused("decide", message("career:refusal.automaticOnly", { competencies: unreviewed.join("; ") }), submission);
      }
      const outcome = await decideNomination(admin, { nominationId, ...submission.value });
      if (outcome.status === "not-found") notFound(MISSING);
      if (outcome.status === "refused") return refused("decide", outcome.reason, submission);
      return redirectWithNotice(`/admin/promotions/${nominationId}`, "decision-recorded");
    },
  });
}

export default function NominationPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { nomination, readiness, unreviewed } = useLoaderData<typeof loader>();
  const { agent } = nomination;
  const decided = { decision: nomination.status, at: nomination.decidedAt ? format.dateTime(nomination.decidedAt) : "" };
  return (
    <div className="stack">
      <PageHeader
        title={t("career:review.title", { name: agent.name, level: nomination.level })}
        description={
          <>
            <NominationStatusBadge status={nomination.status} />{" "}
            {t("career:nomination.history.nominated", { by: nomination.nominatedBy, on: format.day(nomination.at) })}
          </>
        }
        actions={<Link to="/admin/promotions">{t("career:review.allNominations")}</Link>}
      />
      <Card title={t("career:review.card")}>
        <dl className="facts nomination-facts">
          <dt>{t("career:review.person")}</dt>
          <dd>
            {agent.team
              ? t("career:review.personValueOnTeam", { name: agent.name, level: agent.level, team: agent.team })
              : t("career:review.personValue", { name: agent.name, level: agent.level })}
          </dd>
          <dt>{t("career:review.nominatedFor")}</dt>
          <dd>{nomination.level}</dd>
          <dt>{t("career:review.nominatedBy")}</dt>
          <dd>{nomination.nominatedBy}</dd>
        </dl>
        <h3>{t("career:review.justification")}</h3>
        <p className="notes-text">{nomination.justification}</p>
      </Card>
      {readiness ? (
        <LevelReadiness
          level={readiness}
          heading={t("career:review.readinessHeading", { name: agent.name, level: nomination.level })}
          personName={agent.name}
        />
      ) : null}
      <Card title={t("career:review.decision")}>
        {unreviewed.length ? (
          <Alert tone="warning">
            <strong>{t("career:review.automaticOnlyTitle")}</strong>{" "}
            {t("career:review.automaticOnlyBody", { competencies: unreviewed.join("; ") })}
          </Alert>
        ) : null}
        {nomination.status === "pending" ? (
          <DecisionForm agentName={agent.name} level={nomination.level} />
        ) : (
          <>
            <p>
              {nomination.decidedBy
                ? t("career:review.decided", { ...decided, name: nomination.decidedBy })
                : t("career:review.decidedByAdmin", decided)}
            </p>
            {nomination.reason ? <p className="notes-text">{nomination.reason}</p> : <p className="muted">{t("career:review.noReason")}</p>}
          </>
        )}
      </Card>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "career:review.pageTitle", { name: data.nomination.agent.name, level: data.nomination.level })
      : pageTitle(matches, "career:review.pageTitleFallback"),
  },
];
