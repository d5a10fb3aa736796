import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { type ClientLoaderFunctionArgs, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
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
  await refuseIfLocked(user.id, catalog, module);
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
    "Unknown action for this module.",
  );
}

/** "I've read this module": with JavaScript the reading tracker reports the time; without it, this form does. */
function FinishReadingForm({ servedAt }: { servedAt: string }) {
  const [form] = useIntentForm({ id: "finish-reading", intent: "finish" });
  const pending = useIsPending({ intent: "finish" });
  return (
    <IntentForm form={form} intent="finish">
      <noscript>
        <input type="hidden" name="openedAt" value={servedAt} />
      </noscript>
      <Button type="submit" variant="secondary" pending={pending}>
        I've read this module
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
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/learn">Learn</Link> <span aria-hidden="true">/</span> {module.track === "onboarding" ? "Onboarding path" : "Library"}
      </nav>
      <header className="module-header">
        <h1>{module.title}</h1>
        <p className="module-header__summary">{module.summary}</p>
        <p className="row module-header__meta">
          <ModuleStatusBadge status={status.kind} />
          <span>{module.minutes} min read</span>
          <span>·</span>
          <span>{module.competencies.join(", ")}</span>
          <span>·</span>
          <span>Version {module.version}</span>
        </p>
      </header>
      {loaderData.fallback ? <Alert tone="info">{t("common:content.moduleInEnglish")}</Alert> : null}
      {loaderData.assignmentBar ? <AssignmentBar bar={loaderData.assignmentBar} /> : null}

      {status.kind === "locked" ? (
        <Card title="This module is locked">
          <p>Finish these first, then come back:</p>
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
            <Alert tone="info">
              This module has changed since you completed version {status.completedVersion}. Your earlier completion still counts; read it
              again and retake the check to complete version {module.version}.
            </Alert>
          ) : null}
          {progress.lastSection && !progress.completed ? (
            <Alert tone="info">
              Continue where you left off: <a href={`#${progress.lastSection.id}`}>{progress.lastSection.title}</a>
            </Alert>
          ) : null}
          <ReadingProgressBar />
          <div className="module-layout">
            <nav className="module-toc" aria-label="Sections">
              <p className="module-toc__title">In this module</p>
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
                    <h2 id="module-end-title">Module complete</h2>
                    <p>Well done — this module counts toward your progress.</p>
                    {next ? (
                      <p>
                        Up next: <Link to={`/learn/modules/${next.slug}`}>{next.title}</Link>
                      </p>
                    ) : (
                      <Link to="/learn">Back to Learn</Link>
                    )}
                  </>
                ) : progress.reachedEnd ? (
                  <>
                    <h2 id="module-end-title">You've read to the end</h2>
                    <p>Pass the knowledge check above to complete this module.</p>
                  </>
                ) : (
                  <>
                    <h2 id="module-end-title">Finished reading?</h2>
                    <p>Mark the module as read; passing the knowledge check then completes it.</p>
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.module.title ?? "Module"} · Learn · Frontline` }];
