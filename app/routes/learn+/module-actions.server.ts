import { parseWithZod } from "@conform-to/zod";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { answerField } from "~/components/mdx/quiz.tsx";
import { ReflectionSchema } from "~/components/mdx/reflection.tsx";
import { moduleRef, versionRef, type Catalog, type CompiledModule } from "~/content/modules.server.ts";
import { moduleStatus } from "~/engine/learning/progress.ts";
import { checkAnswers, gradeQuiz, type QuizAnswers } from "~/engine/learning/quiz.ts";
import { fixedT } from "~/i18n/i18next.server.ts";
import { intlLocale, type Locale } from "~/i18n/locales.ts";
import { message } from "~/i18n/message.ts";
import {
  listProgressRecords,
  MAX_READING_TIME_FACTOR,
  recordQuizAttempt,
  recordReading,
  saveReflection,
} from "~/models/learning.server.ts";
import { invalid } from "~/utils/forms.server.ts";
import { badRequest } from "~/utils/request.server.ts";
import { titleOf } from "./module-view.server.ts";

/** Nothing is recorded for a module whose prerequisites the person hasn't finished: a 400 naming them. */
export async function refuseIfLocked(userId: string, catalog: Catalog, module: CompiledModule, locale: Locale) {
  const status = moduleStatus(moduleRef(module), await listProgressRecords(userId));
  if (status.kind === "locked") {
    // The titles are already in the reader's language (the catalog is), so the list is joined in it too.
    const t = await fixedT(locale, "learn");
    const titles = new Intl.ListFormat(intlLocale(locale), { type: "conjunction" }).format(
      status.missing.map((slug) => t("quoted", { title: titleOf(catalog.modules, slug) })),
    );
    badRequest(message("learn:errors.locked", { titles }));
  }
}

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

/**
 * Records a reading report: the reading tracker's ("progress") or the "I've read this module"
 * button's ("finish"), which also marks the end as reached.
 */
export async function recordReadingReport(userId: string, module: CompiledModule, formData: FormData, { finished }: { finished: boolean }) {
  const parsed = ProgressSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) badRequest(message("learn:errors.readingUpdate"));
  const section = module.sections.some((candidate) => candidate.id === parsed.data.section) ? parsed.data.section : undefined;
  const reachedEnd = finished || parsed.data.reachedEnd === "1";
  const reading = parsed.data.openedAt
    ? { seconds: secondsSince(parsed.data.openedAt, new Date()), maxSeconds: module.frontmatter.minutes * 60 * MAX_READING_TIME_FACTOR }
    : { seconds: parsed.data.seconds };
  await recordReading(userId, versionRef(module), { section, reachedEnd, ...reading });
}

const QuizSubmissionSchema = z.object({
  quizId: z.string().min(1).max(60),
  submissionKey: z.string().min(8).max(100),
});

const UNANSWERED = message("learn:quiz.unanswered");

function readAnswers(formData: FormData): QuizAnswers {
  // No prototype: a field named "answer.__proto__" is just an unknown question.
  const answers: QuizAnswers = Object.create(null);
  for (const key of new Set(formData.keys())) {
    if (!key.startsWith(answerField(""))) continue;
    answers[key.slice(answerField("").length)] = formData.getAll(key).map(String);
  }
  return answers;
}

/** The problems checkAnswers found, as errors on each question's field and a summary for the whole quiz. */
function quizErrors(problems: Record<string, string>): Record<string, string[]> {
  const errors: Record<string, string[]> = { "": [problems[""] ?? UNANSWERED] };
  for (const [questionId, problem] of Object.entries(problems)) {
    if (questionId !== "") errors[answerField(questionId)] = [problem];
  }
  return errors;
}

/**
 * Grades and stores a quiz submission. Answers that can't be graded are a 400 with an error
 * per question, and the reply echoes what was chosen so nothing is lost.
 */
export async function submitQuiz(userId: string, module: CompiledModule, formData: FormData) {
  const submission = parseWithZod(formData, { schema: QuizSubmissionSchema });
  // The quiz id and its key are hidden fields: when they are wrong the page is out of date.
  if (submission.status !== "success") badRequest(message("learn:errors.outOfDate"));
  const quiz = module.quizzes.find((candidate) => candidate.id === submission.value.quizId);
  if (!quiz) badRequest(message("learn:errors.noSuchQuiz"));
  const answers = readAnswers(formData);
  const problems = checkAnswers(quiz, answers);
  if (Object.keys(problems).length > 0) return invalid("quiz", submission, quizErrors(problems));
  await recordQuizAttempt(userId, versionRef(module), {
    quizId: quiz.id,
    answers,
    grade: gradeQuiz(quiz, answers),
    submissionKey: submission.value.submissionKey,
  });
  return redirect(`/learn/modules/${module.slug}#quiz-${quiz.id}-section`);
}

/** Saves the person's answer to one of the module's reflections, in place: the reply names the one saved. */
export async function saveReflectionAnswer(userId: string, module: CompiledModule, formData: FormData) {
  const submission = parseWithZod(formData, { schema: ReflectionSchema });
  if (submission.status !== "success") return invalid("reflection", submission);
  const { reflectionId, text } = submission.value;
  if (!module.reflections.some((reflection) => reflection.id === reflectionId)) {
    badRequest(message("learn:errors.noSuchReflection"));
  }
  await saveReflection(userId, versionRef(module), reflectionId, text);
  return { savedReflectionId: reflectionId };
}
