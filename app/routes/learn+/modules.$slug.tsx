import { randomUUID } from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { type ClientLoaderFunctionArgs, Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { z } from "zod";
import { ModuleBody } from "~/components/mdx/module-body.tsx";
import { ModuleProvider, type QuizView } from "~/components/mdx/module-context.tsx";
import { answerField } from "~/components/mdx/quiz.tsx";
import { REFLECTION_MAX_LENGTH } from "~/components/mdx/reflection.tsx";
import { ModuleStatusBadge } from "~/components/module-status-badge.tsx";
import { ReadingProgressBar, ReadingTracker } from "~/components/reading-tracker.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Alert, Card } from "~/components/ui/layout.tsx";
import { loadModuleScript } from "~/content/module-script.ts";
import { getCatalog, moduleRef, versionRef, type CompiledModule } from "~/content/modules.server.ts";
import { moduleStatus, pathProgress } from "~/engine/learning/progress.ts";
import { checkAnswers, gradeQuiz, type QuizAnswers } from "~/engine/learning/quiz.ts";
import {
  getModuleProgress,
  listProgressRecords,
  listReflections,
  recordQuizAttempt,
  MAX_READING_TIME_FACTOR,
  recordReading,
  saveReflection,
  startModule,
} from "~/models/learning.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { ensureFound } from "~/utils/permissions.server.ts";
import { badRequest, readFormData } from "~/utils/request.server.ts";

async function loadModule(slug: string | undefined) {
  const catalog = await getCatalog();
  const module = ensureFound(
    catalog.modules.find((candidate) => candidate.slug === slug),
    "There's no module at this address. It may have been renamed; find it in Learn.",
  );
  return { catalog, module };
}

function titleOf(modules: CompiledModule[], slug: string): string {
  return modules.find((module) => module.slug === slug)?.frontmatter.title ?? slug;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { catalog, module } = await loadModule(params.slug);
  const { frontmatter } = module;
  const records = await listProgressRecords(user.id);
  const status = moduleStatus(moduleRef(module), records);
  const locked = status.kind === "locked";
  if (!locked) await startModule(user.id, versionRef(module));
  const [progress, reflections] = await Promise.all([
    getModuleProgress(user.id, versionRef(module)),
    listReflections(user.id, module.slug),
  ]);

  const quizzes: Record<string, QuizView> = {};
  for (const quiz of module.quizzes) {
    const attempt = progress?.attempts.find((candidate) => candidate.quizId === quiz.id);
    // Answer keys and explanations leave the server only for a quiz the person has already submitted.
    const grade = attempt ? gradeQuiz(quiz, attempt.answers) : null;
    quizzes[quiz.id] = {
      id: quiz.id,
      passPercent: quiz.passPercent,
      latest:
        grade && attempt
          ? {
              scorePercent: attempt.scorePercent,
              passed: attempt.passed,
              feedback: Object.fromEntries(grade.results.map(({ questionId, ...feedback }) => [questionId, feedback])),
            }
          : null,
    };
  }

  const onboarding = catalog.modules.filter((candidate) => candidate.frontmatter.track === "onboarding").map(moduleRef);
  const nextSlug = frontmatter.track === "onboarding" ? pathProgress(onboarding, records).nextSlug : null;
  const competencyNames = new Map(catalog.competencies.map((competency) => [competency.key, competency.name]));
  const lastSection = module.sections.find((section) => section.id === progress?.lastSection) ?? null;

  return {
    module: {
      slug: module.slug,
      title: frontmatter.title,
      summary: frontmatter.summary,
      track: frontmatter.track,
      minutes: frontmatter.minutes,
      version: frontmatter.version,
      competencies: frontmatter.competencies.map((key) => competencyNames.get(key) ?? key),
      sections: module.sections,
      code: locked ? null : module.code,
      hash: module.hash,
    },
    status,
    missingPrerequisites: status.kind === "locked" ? status.missing.map((slug) => ({ slug, title: titleOf(catalog.modules, slug) })) : [],
    progress: {
      lastSection,
      reachedEnd: Boolean(progress?.reachedEndAt),
      completed: Boolean(progress?.completedAt),
    },
    next: nextSlug && nextSlug !== module.slug ? { slug: nextSlug, title: titleOf(catalog.modules, nextSlug) } : null,
    quizzes,
    reflections: Object.fromEntries(reflections.map((reflection) => [reflection.reflectionId, reflection.text])),
    submissionKey: randomUUID(),
    servedAt: new Date().toISOString(),
  };
}

export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const loaded = await serverLoader<typeof loader>();
  if (loaded.module.code) await loadModuleScript(loaded.module.hash);
  return loaded;
}

const IntentSchema = z.enum(["progress", "finish", "quiz", "reflection"]);

const ProgressSchema = z.object({
  section: z.string().max(120).optional(),
  seconds: z.coerce.number().min(0).max(86_400).default(0),
  reachedEnd: z.literal("1").optional(),
  // When the page was served, sent only by the no-JavaScript finish form.
  openedAt: z.string().datetime().optional(),
});

/** Seconds since the page was served, for a reader without JavaScript; 0 for a time not in the past. */
function secondsSince(openedAt: string | undefined, now: Date): number {
  return openedAt ? Math.max(0, (now.getTime() - Date.parse(openedAt)) / 1000) : 0;
}

const QuizSubmissionSchema = z.object({
  quizId: z.string().min(1).max(60),
  submissionKey: z.string().min(8, "This form is out of date; reload the page.").max(100),
});

const ReflectionSchema = z.object({
  reflectionId: z.string().min(1).max(60),
  text: z
    .string({ required_error: "Write something before saving" })
    .trim()
    .min(1, "Write something before saving")
    .max(REFLECTION_MAX_LENGTH, `Keep it under ${REFLECTION_MAX_LENGTH} characters`),
});

function readAnswers(formData: FormData): QuizAnswers {
  // No prototype: a field named "answer.__proto__" is just an unknown question.
  const answers: QuizAnswers = Object.create(null);
  for (const key of new Set(formData.keys())) {
    if (!key.startsWith(answerField(""))) continue;
    answers[key.slice(answerField("").length)] = formData.getAll(key).map(String);
  }
  return answers;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { catalog, module } = await loadModule(params.slug);
  const formData = await readFormData(request);
  const intent = IntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) badRequest("Unknown action for this module.");

  const status = moduleStatus(moduleRef(module), await listProgressRecords(user.id));
  if (status.kind === "locked") {
    const titles = status.missing.map((slug) => `“${titleOf(catalog.modules, slug)}”`).join(" and ");
    badRequest(`This module is locked. Finish ${titles} first.`);
  }
  const fields = Object.fromEntries(formData);

  switch (intent.data) {
    case "progress":
    case "finish": {
      const parsed = ProgressSchema.safeParse(fields);
      if (!parsed.success) badRequest("That reading update could not be understood.");
      const section = module.sections.some((candidate) => candidate.id === parsed.data.section) ? parsed.data.section : undefined;
      const reachedEnd = intent.data === "finish" || parsed.data.reachedEnd === "1";
      const reading = parsed.data.openedAt
        ? { seconds: secondsSince(parsed.data.openedAt, new Date()), maxSeconds: module.frontmatter.minutes * 60 * MAX_READING_TIME_FACTOR }
        : { seconds: parsed.data.seconds };
      await recordReading(user.id, versionRef(module), { section, reachedEnd, ...reading });
      return intent.data === "finish" ? redirect(`/learn/modules/${module.slug}#module-end`) : { recorded: true };
    }
    case "quiz": {
      const parsed = QuizSubmissionSchema.safeParse(fields);
      if (!parsed.success) badRequest(parsed.error.issues[0].message);
      const quiz = module.quizzes.find((candidate) => candidate.id === parsed.data.quizId);
      if (!quiz) badRequest("This module has no such knowledge check. Reload the page and try again.");
      const answers = readAnswers(formData);
      const errors = checkAnswers(quiz, answers);
      if (Object.keys(errors).length > 0) return data({ quizId: quiz.id, errors, draft: answers }, { status: 400 });
      await recordQuizAttempt(user.id, versionRef(module), {
        quizId: quiz.id,
        answers,
        grade: gradeQuiz(quiz, answers),
        submissionKey: parsed.data.submissionKey,
      });
      return redirect(`/learn/modules/${module.slug}#quiz-${quiz.id}-section`);
    }
    case "reflection": {
      const parsed = ReflectionSchema.safeParse(fields);
      if (!parsed.success) return data({ reflectionError: parsed.error.issues[0].message }, { status: 400 });
      if (!module.reflections.some((reflection) => reflection.id === parsed.data.reflectionId)) {
        badRequest("This module has no such reflection. Reload the page and try again.");
      }
      await saveReflection(user.id, versionRef(module), parsed.data.reflectionId, parsed.data.text);
      return { savedReflectionId: parsed.data.reflectionId };
    }
  }
}

export default function ModulePage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { module, status, missingPrerequisites, progress, next, servedAt } = loaderData;
  const sectionIds = useMemo(() => module.sections.map((section) => section.id), [module.sections]);

  const quizzes = { ...loaderData.quizzes };
  if (actionData && "errors" in actionData) {
    quizzes[actionData.quizId] = { ...quizzes[actionData.quizId], errors: actionData.errors, draft: actionData.draft };
  }

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
                  quizzes,
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
                    <Form method="post">
                      <input type="hidden" name="intent" value="finish" />
                      {/* With JavaScript the reading tracker reports the time; without it, this does. */}
                      <noscript>
                        <input type="hidden" name="openedAt" value={servedAt} />
                      </noscript>
                      <Button type="submit" variant="secondary">
                        I've read this module
                      </Button>
                    </Form>
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
