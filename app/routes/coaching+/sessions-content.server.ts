// What the session pages show beside the stored rows: competency names,
// scenario titles and reflection prompts from content/, and the labels of the
// things a session can link to.
import type { LinkOption, SessionFormContext } from "~/components/coaching/session-form.tsx";
import { getCatalog } from "~/content/modules.server.ts";
import { getPracticeCatalog } from "~/content/practice.server.ts";
import { localDate } from "~/engine/coaching/sessions.ts";
import { formatDate } from "~/utils/format.ts";

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
  attemptIds: "Link only this person's own graded conversations.",
  reflections: "Link only reflections this person has written.",
} as const;

export function formContext(content: SessionContent, timeZone: string, now = new Date()): SessionFormContext {
  return { competencyKeys: content.competencies.map((competency) => competency.key), today: localDate(now, timeZone), timeZone };
}

export function competencyOptions(content: SessionContent): LinkOption[] {
  return content.competencies.map((competency) => ({ value: competency.key, label: competency.name }));
}

type LinkableAttempt = { id: string; scenarioSlug: string; startedAt: Date; grade: { overallScore: number; passed: boolean } | null };

export function attemptLabel(content: SessionContent, attempt: LinkableAttempt): { title: string; detail: string } {
  const result = attempt.grade ? `${attempt.grade.overallScore}/100, ${attempt.grade.passed ? "passed" : "not passed"}` : "not graded";
  return {
    title: content.scenarioTitles.get(attempt.scenarioSlug) ?? attempt.scenarioSlug,
    detail: `${formatDate(attempt.startedAt)} · ${result}`,
  };
}

export function reflectionLabel(content: SessionContent, reflection: { moduleSlug: string; reflectionId: string }) {
  const key = `${reflection.moduleSlug}/${reflection.reflectionId}`;
  return {
    key,
    module: content.moduleTitles.get(reflection.moduleSlug) ?? reflection.moduleSlug,
    prompt: content.prompts.get(key) ?? "A reflection from an earlier version of this module",
  };
}

const EXCERPT = 140;

export function linkOptions(
  content: SessionContent,
  linkables: { attempts: LinkableAttempt[]; reflections: { moduleSlug: string; reflectionId: string; text: string }[] },
) {
  return {
    attempts: linkables.attempts.map((attempt): LinkOption => {
      const { title, detail } = attemptLabel(content, attempt);
      return { value: attempt.id, label: title, detail };
    }),
    reflections: linkables.reflections.map((reflection): LinkOption => {
      const { key, module, prompt } = reflectionLabel(content, reflection);
      const text = reflection.text.length > EXCERPT ? `${reflection.text.slice(0, EXCERPT - 1)}…` : reflection.text;
      return { value: key, label: `${module}: ${prompt}`, detail: `“${text}”` };
    }),
  };
}
