import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { AssignmentBar, toAssignmentBarView } from "~/components/assignments/assignment-bar.tsx";
import { ActionButton } from "~/components/forms/action-button.tsx";
import { ButtonLink } from "~/components/ui/button.tsx";
import { Alert, Badge, Card, PageHeader } from "~/components/ui/layout.tsx";
import { localizeScenario } from "~/content/practice.server.ts";
import { CHANNEL_LABEL_KEYS, DIFFICULTY_LABEL_KEYS } from "~/domain/practice.ts";
import { hasRole, LEADING_ROLES } from "~/engine/access/people.ts";
import { scoreProgress } from "~/engine/grading/coaching.ts";
import { readerLocale } from "~/i18n/locales.ts";
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useFormat } from "~/i18n/use-format.ts";
import { findOpenAssignmentBar } from "~/models/assignment.server.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";
import { activeAttempts, gradedHistory, startAttempt } from "~/models/practice.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { handleIntent } from "~/utils/forms.server.ts";
import { ensureFound } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";

/** The scenario in the person's language, or in English with `fallback` when it has no translation. */
async function loadScenario(slug: string | undefined, user: { locale: string }) {
  const { scenarios } = await getPracticeCatalog();
  const english = ensureFound(
    scenarios.find((scenario) => scenario.slug === slug),
    message("practice:error.noScenario"),
  );
  return localizeScenario(english, readerLocale(user));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { scenario, fallback } = await loadScenario(params.slug, user);
  const [history, assignmentBar, active] = await Promise.all([
    gradedHistory(user.id, scenario.slug),
    findOpenAssignmentBar(user.id, "scenario", scenario.slug),
    activeAttempts(user.id),
  ]);
  return {
    fallback,
    organisation: scenario.organisation === true,
    editHref: scenario.organisation && hasRole(user, LEADING_ROLES) ? `/coaching/scenarios/${scenario.slug}/edit` : null,
    assignmentBar: toAssignmentBarView(assignmentBar),
    scenario: {
      slug: scenario.slug,
      title: scenario.title,
      summary: scenario.summary,
      brief: scenario.brief,
      channel: CHANNEL_LABEL_KEYS[scenario.channel],
      difficulty: DIFFICULTY_LABEL_KEYS[scenario.difficulty],
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
  const { scenario } = await loadScenario(params.slug, user);
  return handleIntent(await readFormData(request), {
    start: async () => {
      const attempt = await startAttempt(user.id, scenario);
      return redirect(`/practice/attempts/${attempt.id}`);
    },
  });
}

function formatPar(t: TFunction, seconds: number): string {
  if (seconds >= 3600) return t("practice:scenario.hours", { value: Math.round(seconds / 3600) });
  return seconds >= 60 ? t("practice:scenario.minutes", { value: Math.round(seconds / 60) }) : t("practice:timer.seconds", { seconds });
}

export default function ScenarioPage() {
  const { scenario, history, assignmentBar, progress, activeAttemptId, fallback, organisation, editHref } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="stack">
      <nav aria-label={t("practice:breadcrumb")} className="breadcrumb">
        <Link to="/practice">{t("common:nav.practice")}</Link> <span aria-hidden="true">/</span> {scenario.title}
      </nav>
      <PageHeader
        title={scenario.title}
        description={scenario.summary}
        actions={
          editHref ? (
            <ButtonLink to={editHref} variant="secondary">
              {t("practice:draft.editScenario")}
            </ButtonLink>
          ) : null
        }
      />
      {organisation ? (
        <p>
          <Badge tone="primary">{t("practice:organisationScenario")}</Badge>
        </p>
      ) : null}
      {fallback ? <Alert tone="info">{t("common:content.scenarioInEnglish")}</Alert> : null}
      {assignmentBar ? <AssignmentBar bar={assignmentBar} /> : null}
      <div className="grid">
        <Card title={t("practice:brief.title")}>
          <p>{scenario.brief}</p>
          <dl className="facts">
            <dt>{t("practice:brief.channel")}</dt>
            <dd>{t(scenario.channel)}</dd>
            <dt>{t("practice:brief.difficulty")}</dt>
            <dd>{t(scenario.difficulty)}</dd>
            <dt>{t("practice:brief.customer")}</dt>
            <dd>{scenario.customer}</dd>
            <dt>{t("practice:brief.par")}</dt>
            <dd>{t("practice:scenario.par", { count: scenario.par.turns, time: formatPar(t, scenario.par.replySeconds) })}</dd>
            <dt>{t("practice:scenario.passMark")}</dt>
            <dd>{t("practice:scenario.passMarkValue", { score: scenario.passScore })}</dd>
          </dl>
        </Card>
        <Card title={t("practice:scenario.howItWorks")}>
          <p>{scenario.showsMood ? t("practice:scenario.howCustomerReactsMood") : t("practice:scenario.howCustomerReacts")}</p>
          <p>{t("practice:scenario.howGraded")}</p>
          <div className="row">
            {activeAttemptId ? <ButtonLink to={`/practice/attempts/${activeAttemptId}`}>{t("practice:index.continue")}</ButtonLink> : null}
            <ActionButton intent="start" className="" variant={activeAttemptId ? "secondary" : "primary"}>
              {history.length || activeAttemptId ? t("practice:scenario.startNew") : t("practice:scenario.start")}
            </ActionButton>
          </div>
        </Card>
      </div>
      <Card title={t("practice:scenario.historyTitle")}>
        {history.length === 0 ? (
          <p className="muted">{t("practice:scenario.historyEmpty")}</p>
        ) : (
          <>
            {progress ? (
              <dl className="score-progress">
                <div>
                  <dt>{t("practice:scenario.first")}</dt>
                  <dd>{progress.first}</dd>
                </div>
                <div>
                  <dt>{t("practice:scenario.best")}</dt>
                  <dd>{progress.best}</dd>
                </div>
                <div>
                  <dt>{t("practice:scenario.latest")}</dt>
                  <dd>{progress.latest}</dd>
                </div>
              </dl>
            ) : null}
            <ol>
              {history.map((attempt) => (
                <li key={attempt.id}>
                  <Link to={`/practice/attempts/${attempt.id}`}>{format.dateTime(attempt.startedAt)}</Link>{" "}
                  {attempt.passed
                    ? t("practice:scenario.historyPassed", { score: attempt.score })
                    : t("practice:scenario.historyNotPassed", { score: attempt.score })}
                </li>
              ))}
            </ol>
          </>
        )}
      </Card>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "practice:attempt.metaTitle", { title: data.scenario.title })
      : pageTitle(matches, "practice:scenario.metaTitleMissing"),
  },
];
