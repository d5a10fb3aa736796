// What the session pages show beside the stored rows: competency names,
// scenario titles and reflection prompts from content/, and the labels of the
// things a session can link to.
import type { TFunction } from "i18next";
import type { LinkOption, SessionFormContext } from "~/components/coaching/session-form.tsx";
import { getCatalog } from "~/content/modules.server.ts";
import { localDate } from "~/engine/coaching/sessions.ts";
import { message } from "~/i18n/message.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";

export async function loadSessionContent() {
  const [catalog, practice] = await Promise.all([getCatalog(), getPracticeCatalog()]);
  return {
    competencies: catalog.competencies,
    competencyNames: new Map(catalog.competencies.map((competency) => [competency.key, competency.name])),
    scenarioTitles: new Map(practice.scenarios.map((scenario) => [scenario.slug, scenario.title])),
    moduleTitles: new Map(catalog.modules.map((module) => [module.slug, module.frontmatter.title])),
    prompts: new Map(
      catalog.modules.flatMap((module) => module.reflections.map((reflection) => [`${module.slug}/${reflection.id}`, reflection.prompt])),
    ),
  };
}

export type SessionContent = Awaited<ReturnType<typeof loadSessionContent>>;

/** Why a session's link was refused: the model found it isn't this person's own record. */
export const LINK_REFUSALS = {
  attemptIds: message("coaching:sessionForm.refusal.attempts"),
  reflections: message("coaching:sessionForm.refusal.reflections"),
};

export function formContext(content: SessionContent, timeZone: string, now = new Date()): SessionFormContext {
  return { competencyKeys: content.competencies.map((competency) => competency.key), today: localDate(now, timeZone), timeZone };
}

export function competencyOptions(content: SessionContent): LinkOption[] {
  return content.competencies.map((competency) => ({ value: competency.key, label: competency.name }));
}

type LinkableAttempt = { id: string; scenarioSlug: string; startedAt: Date; grade: { overallScore: number; passed: boolean } | null };

/** A linked or linkable conversation in words, in the reader's language (`t`). */
export function attemptLabel(content: SessionContent, attempt: LinkableAttempt, t: TFunction): { title: string; detail: string } {
  const date = attempt.startedAt.getTime();
  const grade = attempt.grade;
  return {
    title: content.scenarioTitles.get(attempt.scenarioSlug) ?? attempt.scenarioSlug,
    detail: !grade
      ? t("coaching:sessionForm.attempt.notGraded", { date })
      : grade.passed
        ? t("coaching:sessionForm.attempt.passed", { date, score: String(grade.overallScore) })
        : t("coaching:sessionForm.attempt.notPassed", { date, score: String(grade.overallScore) }),
  };
}

export function reflectionLabel(content: SessionContent, reflection: { moduleSlug: string; reflectionId: string }, t: TFunction) {
  const key = `${reflection.moduleSlug}/${reflection.reflectionId}`;
  return {
    key,
    module: content.moduleTitles.get(reflection.moduleSlug) ?? reflection.moduleSlug,
    prompt: content.prompts.get(key) ?? t("coaching:sessionForm.olderReflection"),
  };
}

const EXCERPT = 140;

export function linkOptions(
  content: SessionContent,
  linkables: { attempts: LinkableAttempt[]; reflections: { moduleSlug: string; reflectionId: string; text: string }[] },
  t: TFunction,
) {
  return {
    attempts: linkables.attempts.map((attempt): LinkOption => {
      const { title, detail } = attemptLabel(content, attempt, t);
      return { value: attempt.id, label: title, detail };
    }),
    reflections: linkables.reflections.map((reflection): LinkOption => {
      const { key, module, prompt } = reflectionLabel(content, reflection, t);
      const text = reflection.text.length > EXCERPT ? `${reflection.text.slice(0, EXCERPT - 1)}…` : reflection.text;
      return {
        value: key,
        label: t("coaching:sessionForm.reflectionLabel", { module, prompt }),
        detail: t("coaching:sessionForm.quote", { text }),
      };
    }),
  };
}
