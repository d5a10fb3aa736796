// The scenario form's server side: the draft built from a real conversation's masked transcript, the
// form of a saved organisation scenario, and a submission checked as content:check would, then
// downloaded or saved.
import { parseWithZod } from "@conform-to/zod";
import { data } from "@remix-run/node";
import { getCatalog, localizedCompetencies } from "~/content/modules.server.ts";
import { ScenarioSchema } from "~/content/practice-schemas.ts";
import { scenarioProblems } from "~/content/scenario-check.ts";
import { fieldNameOf, problemMessage, SCENARIO_FORM_MESSAGES, ScenarioFormSchema, scenarioFormDefaults } from "~/domain/scenario-form.ts";
import { draftScenario, slugOf } from "~/engine/imports/draft-scenario.ts";
import type { ImportChannel } from "~/engine/imports/types.ts";
import type { Locale } from "~/i18n/locales.ts";
import { message } from "~/i18n/message.ts";
import {
  draftSlug,
  getOrganisationScenario,
  getPracticeCatalog,
  saveOrganisationScenario,
  scenarioYaml,
} from "~/models/organisation-scenario.server.ts";
import type { VisibleAttempt } from "~/models/practice.server.ts";
import { handleIntent, invalid, redirectWithNotice, refused } from "~/utils/forms.server.ts";

type RealConversation = { attempt: VisibleAttempt["attempt"]; ticket: NonNullable<VisibleAttempt["ticket"]>; locale: Locale };

/** The competencies a scenario may train, named in the reader's language. */
async function competencyOptions(readerLocale: Locale) {
  return localizedCompetencies(await getCatalog(), readerLocale).map((competency) => ({ value: competency.key, label: competency.name }));
}

/** The form's values for the newest version of a saved organisation scenario; null for any other slug. */
export async function organisationScenarioForm(slug: string | undefined, readerLocale: Locale) {
  const scenario = await getOrganisationScenario(slug ?? "");
  if (!scenario) return null;
  const { slug: saved, locale, variants, organisation, ...fields } = scenario;
  return {
    scenario: { slug: saved, locale, title: fields.title, version: fields.version },
    defaults: scenarioFormDefaults(saved, fields),
    competencies: await competencyOptions(readerLocale),
  };
}

/** The form's first values: a draft of the conversation, under a name no content file uses. */
export async function draftFormFor({ attempt, ticket, locale }: RealConversation, readerLocale: Locale) {
  const [practice, competencies] = await Promise.all([getPracticeCatalog(), competencyOptions(readerLocale)]);
  const turns = attempt.turns.flatMap((turn) =>
    turn.speaker === "customer" || turn.speaker === "agent" ? [{ from: turn.speaker as "customer" | "agent", text: turn.text }] : [],
  );
  const draft = draftScenario({ subject: ticket.subject, channel: ticket.channel as ImportChannel, turns }, practice.draftWording[locale]);
  const { slug, existing } = draftSlug(practice, slugOf(ticket.subject) || `ticket-${slugOf(`${ticket.system} ${ticket.externalId}`)}`);
  return { defaults: scenarioFormDefaults(slug, draft), existing, competencies };
}

/** A refusal names its fields; a valid scenario is answered with its file, or saved and opened in practice. */
export function handleScenarioForm(formData: FormData, save: { authorId: string; locale: Locale; fromAttemptId: string | null }) {
  return handleIntent(formData, {
    scenario: async () => {
      const submission = parseWithZod(formData, { schema: ScenarioFormSchema, ...SCENARIO_FORM_MESSAGES });
      if (submission.status !== "success") return invalid("scenario", submission);
      const { slug, ...fields } = submission.value;
      const parsed = ScenarioSchema.safeParse({ ...fields, version: 1 });
      if (!parsed.success) return refused("scenario", message("practice:draft.errors.invalid"), submission);
      const [practice, content] = await Promise.all([getPracticeCatalog(), getCatalog()]);
      const problems = scenarioProblems(parsed.data, {
        rubricIds: new Set(practice.rubrics.map((rubric) => rubric.id)),
        competencyKeys: new Set(content.competencies.map((competency) => competency.key)),
      });
      if (problems.length > 0) {
        const fieldErrors: Record<string, string[]> = {};
        for (const problem of problems) (fieldErrors[fieldNameOf(problem.where)] ??= []).push(problemMessage(problem));
        return invalid("scenario", submission, fieldErrors);
      }
      if (formData.get("then") === "download") {
        const fileName = save.locale === "en" ? `${slug}.yml` : `${slug}.${save.locale}.yml`;
        return data({ intent: "scenario", file: { fileName, yaml: scenarioYaml(parsed.data) } });
      }
      const saved = await saveOrganisationScenario(save.authorId, {
        slug,
        locale: save.locale,
        scenario: parsed.data,
        fromAttemptId: save.fromAttemptId,
      });
      if (saved.status === "taken-by-content")
        return invalid("scenario", submission, { slug: [message("practice:draft.errors.slugTaken")] });
      return redirectWithNotice(`/practice/scenarios/${saved.slug}`, "scenario-saved", saved.version);
    },
  });
}
