import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { type ClientLoaderFunctionArgs, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { Trans, useTranslation } from "react-i18next";
import { AssignmentBar, toAssignmentBarView } from "~/components/assignments/assignment-bar.tsx";
import { IntentForm, useIntentForm } from "~/components/forms/intent-form.tsx";
import { useIsPending } from "~/components/forms/use-is-pending.ts";
import { ModuleBody } from "~/components/mdx/module-body.tsx";
import { ModuleProvider } from "~/components/mdx/module-context.tsx";
import { ModuleStatusBadge } from "~/components/module-status-badge.tsx";
import { ReadingProgressBar, ReadingTracker } from "~/components/reading-tracker.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Alert, Card } from "~/components/ui/layout.tsx";
import { loadModuleScript } from "~/content/module-script.ts";
import { readerLocale } from "~/i18n/locales.ts";
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { findOpenAssignmentBar } from "~/models/assignment.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { handleIntent } from "~/utils/forms.server.ts";
import { readFormData } from "~/utils/request.server.ts";
import { recordReadingReport, refuseIfLocked, saveReflectionAnswer, submitQuiz } from "./module-actions.server.ts";
import { loadModule, loadModulePage } from "./module-view.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { catalog, module } = await loadModule(params.slug, user);
  const [page, assignmentBar] = await Promise.all([
    loadModulePage(user.id, catalog, module),
    findOpenAssignmentBar(user.id, "module", module.slug),
  ]);
  return { ...page, assignmentBar: toAssignmentBarView(assignmentBar) };
}

export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const loaded = await serverLoader<typeof loader>();
  if (loaded.module.code) await loadModuleScript(loaded.module.hash);
  return loaded;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { catalog, module } = await loadModule(params.slug, user);
  const formData = await readFormData(request);
  await refuseIfLocked(user.id, catalog, module, readerLocale(user));
  return handleIntent(
    formData,
    {
      progress: async () => {
        await recordReadingReport(user.id, module, formData, { finished: false });
        return { recorded: true };
      },
      finish: async () => {
        await recordReadingReport(user.id, module, formData, { finished: true });
        return redirect(`/learn/modules/${module.slug}#module-end`);
      },
      quiz: () => submitQuiz(user.id, module, formData),
      reflection: () => saveReflectionAnswer(user.id, module, formData),
    },
    message("learn:errors.unknownAction"),
  );
}

/** "I've read this module": with JavaScript the reading tracker reports the time; without it, this form does. */
function FinishReadingForm({ servedAt }: { servedAt: string }) {
  const { t } = useTranslation();
  const [form] = useIntentForm({ id: "finish-reading", intent: "finish" });
  const pending = useIsPending({ intent: "finish" });
  return (
    <IntentForm form={form} intent="finish">
      <noscript>
        <input type="hidden" name="openedAt" value={servedAt} />
      </noscript>
      <Button type="submit" variant="secondary" pending={pending}>
        {t("learn:module.finishReading")}
      </Button>
    </IntentForm>
  );
}

export default function ModulePage() {
  const { t } = useTranslation();
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { module, status, missingPrerequisites, progress, next, servedAt } = loaderData;
  const sectionIds = useMemo(() => module.sections.map((section) => section.id), [module.sections]);

  return (
    <div className="module-page">
      <nav aria-label={t("learn:module.breadcrumb")} className="breadcrumb">
        <Link to="/learn">{t("learn:title")}</Link> <span aria-hidden="true">/</span>{" "}
        {module.track === "onboarding" ? t("learn:onboardingPath") : t("learn:library")}
      </nav>
      <header className="module-header">
        <h1>{module.title}</h1>
        <p className="module-header__summary">{module.summary}</p>
        <p className="row module-header__meta">
          <ModuleStatusBadge status={status.kind} />
          <span>{t("learn:module.minutesRead", { minutes: module.minutes })}</span>
          <span>·</span>
          <span>{module.competencies.join(t("learn:listSeparator"))}</span>
          <span>·</span>
          <span>{t("learn:module.version", { version: module.version })}</span>
        </p>
      </header>
      {loaderData.fallback ? <Alert tone="info">{t("common:content.moduleInEnglish")}</Alert> : null}
      {loaderData.assignmentBar ? <AssignmentBar bar={loaderData.assignmentBar} /> : null}

      {status.kind === "locked" ? (
        <Card title={t("learn:module.lockedTitle")}>
          <p>{t("learn:module.lockedBody")}</p>
          <ul>
            {missingPrerequisites.map((prerequisite) => (
              <li key={prerequisite.slug}>
                <Link to={`/learn/modules/${prerequisite.slug}`}>{prerequisite.title}</Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : (
        <>
          {status.kind === "updated" ? (
            <Alert tone="info">{t("learn:module.updated", { completedVersion: status.completedVersion, version: module.version })}</Alert>
          ) : null}
          {progress.lastSection && !progress.completed ? (
            <Alert tone="info">
              <Trans
                i18nKey="learn:module.resume"
                values={{ section: progress.lastSection.title }}
                // Trans swaps these children for the message's words. The tag is <anchor>, not <link>: Trans
                // parses messages as HTML, where <link> is a void element and would leave the link empty.
                components={{ anchor: <a href={`#${progress.lastSection.id}`}>{progress.lastSection.title}</a> }}
              />
            </Alert>
          ) : null}
          <ReadingProgressBar />
          <div className="module-layout">
            <nav className="module-toc" aria-label={t("learn:module.sections")}>
              <p className="module-toc__title">{t("learn:module.inThisModule")}</p>
              <ol>
                {module.sections.map((section) => (
                  <li key={section.id}>
                    <a href={`#${section.id}`}>{section.title}</a>
                  </li>
                ))}
              </ol>
            </nav>
            <article className="module-article" id="module-article">
              <ModuleProvider
                value={{
                  locked: false,
                  submissionKey: loaderData.submissionKey,
                  quizzes: loaderData.quizzes,
                  reflections: loaderData.reflections,
                  savedReflectionId: actionData && "savedReflectionId" in actionData ? (actionData.savedReflectionId ?? null) : null,
                }}
              >
                <ModuleBody code={module.code!} hash={module.hash} />
              </ModuleProvider>
              <ReadingTracker sectionIds={sectionIds} reachedEnd={progress.reachedEnd} />
              <section id="module-end" className="card module-end" aria-labelledby="module-end-title">
                {progress.completed ? (
                  <>
                    <h2 id="module-end-title">{t("learn:module.completeTitle")}</h2>
                    <p>{t("learn:module.completeBody")}</p>
                    {next ? (
                      <p>
                        <Trans
                          i18nKey="learn:module.upNext"
                          values={{ title: next.title }}
                          components={{ anchor: <Link to={`/learn/modules/${next.slug}`} /> }}
                        />
                      </p>
                    ) : (
                      <Link to="/learn">{t("learn:backToLearn")}</Link>
                    )}
                  </>
                ) : progress.reachedEnd ? (
                  <>
                    <h2 id="module-end-title">{t("learn:module.readTitle")}</h2>
                    <p>{t("learn:module.readBody")}</p>
                  </>
                ) : (
                  <>
                    <h2 id="module-end-title">{t("learn:module.finishedTitle")}</h2>
                    <p>{t("learn:module.finishedBody")}</p>
                    <FinishReadingForm servedAt={servedAt} />
                  </>
                )}
              </section>
            </article>
          </div>
        </>
      )}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data ? pageTitle(matches, "learn:module.pageTitle", { title: data.module.title }) : pageTitle(matches, "learn:module.untitled"),
  },
];
