import { randomUUID } from "node:crypto";
import type { QuizView } from "~/components/mdx/module-context.tsx";
import { getCatalog, localizedCatalog, moduleRef, versionRef, type Catalog, type CompiledModule } from "~/content/modules.server.ts";
import { quizHintKey } from "~/domain/learning.ts";
import { moduleStatus, pathProgress } from "~/engine/learning/progress.ts";
import { gradeQuiz, mayShowAnswers, quizFeedback, triesBeforeAnswers } from "~/engine/learning/quiz.ts";
import { readerLocale } from "~/i18n/locales.ts";
import { message } from "~/i18n/message.ts";
import { getModuleProgress, listProgressRecords, listReflections, startModule } from "~/models/learning.server.ts";
import { ensureFound } from "~/utils/permissions.server.ts";

/**
 * The catalog and the module at this address, in the reader's language where translated (the
 * same quiz ids and answers, so progress and grading do not depend on it); a 404 for a module that doesn't exist.
 */
export async function loadModule(slug: string | undefined, reader: { locale: string }) {
  const catalog = localizedCatalog(await getCatalog(), readerLocale(reader));
  const module = ensureFound(
    catalog.modules.find((candidate) => candidate.slug === slug),
    message("learn:errors.noModule"),
  );
  return { catalog, module };
}

export function titleOf(modules: CompiledModule[], slug: string): string {
  return modules.find((module) => module.slug === slug)?.frontmatter.title ?? slug;
}

/**
 * The module page for one person: its status for them (a locked module is sent without its
 * content), where they got to, their latest graded attempt at each quiz and their reflections.
 * Opening an unlocked module starts it.
 */
export async function loadModulePage(userId: string, catalog: Catalog, module: CompiledModule & { fallback?: boolean }) {
  const { frontmatter } = module;
  const records = await listProgressRecords(userId);
  const status = moduleStatus(moduleRef(module), records);
  const locked = status.kind === "locked";
  if (!locked) await startModule(userId, versionRef(module));
  const [progress, reflections] = await Promise.all([getModuleProgress(userId, versionRef(module)), listReflections(userId, module.slug)]);

  const quizzes: Record<string, QuizView> = {};
  for (const quiz of module.quizzes) {
    const attempts = progress?.attempts.filter((candidate) => candidate.quizId === quiz.id) ?? [];
    const attempt = attempts[0];
    // Answer keys and explanations leave the server only once the person has passed the quiz or
    // tried it enough times (quizFeedback); before that a wrong question carries only a hint.
    const history = { tries: attempts.length, passed: attempts.some((candidate) => candidate.passed) };
    const feedback = attempt ? quizFeedback(quiz, gradeQuiz(quiz, attempt.answers), history) : null;
    quizzes[quiz.id] = {
      id: quiz.id,
      passPercent: quiz.passPercent,
      latest:
        attempt && feedback
          ? {
              scorePercent: attempt.scorePercent,
              passed: attempt.passed,
              answersShown: mayShowAnswers(history),
              triesBeforeAnswers: triesBeforeAnswers(history),
              feedback: Object.fromEntries(
                Object.entries(feedback).map(([questionId, question]) => [
                  questionId,
                  question.revealed ? question : { ...question, hint: quizHintKey(question.hint) },
                ]),
              ),
            }
          : null,
    };
  }

  const onboarding = catalog.modules.filter((candidate) => candidate.frontmatter.track === "onboarding").map(moduleRef);
  const nextSlug = frontmatter.track === "onboarding" ? pathProgress(onboarding, records).nextSlug : null;
  const competencyNames = new Map(catalog.competencies.map((competency) => [competency.key, competency.name]));
  const lastSection = module.sections.find((section) => section.id === progress?.lastSection) ?? null;

  return {
    /** The reader's language has no translation of this module: it is shown in English. */
    fallback: module.fallback ?? false,
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
