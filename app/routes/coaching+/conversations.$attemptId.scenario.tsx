import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ScenarioForm } from "~/components/practice/scenario-form.tsx";
import { Alert, PageHeader } from "~/components/ui/layout.tsx";
import { getCatalog, localizedCompetencies } from "~/content/modules.server.ts";
import { ScenarioSchema } from "~/content/practice-schemas.ts";
import { scenarioProblems } from "~/content/scenario-check.ts";
import { fieldNameOf, problemMessage, ScenarioFormSchema, scenarioFormDefaults, SCENARIO_FORM_MESSAGES } from "~/domain/scenario-form.ts";
import { LEADING_ROLES } from "~/engine/access/people.ts";
import { draftScenario, slugOf } from "~/engine/imports/draft-scenario.ts";
import type { ImportChannel } from "~/engine/imports/types.ts";
import { requestLocale } from "~/i18n/i18next.server.ts";
import { isLocale } from "~/i18n/locales.ts";
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { getPracticeCatalog, saveOrganisationScenario, scenarioYaml } from "~/models/organisation-scenario.server.ts";
import { loadVisibleAttempt } from "~/models/practice.server.ts";
import { handleIntent, invalid, redirectWithNotice, refused } from "~/utils/forms.server.ts";
import { requireRole, ensureFound } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";

/** The real conversation a lead may see, with the language it was held in; practice conversations have no draft. */
async function loadRealConversation(request: Request, attemptId: string | undefined) {
  const user = await requireRole(request, LEADING_ROLES);
  const { attempt, ticket } = await loadVisibleAttempt(request, attemptId);
  return {
    user,
    attempt,
    ticket: ensureFound(ticket, message("practice:draft.notReal")),
    locale: isLocale(attempt.locale) ? attempt.locale : "en",
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { attempt, ticket, locale } = await loadRealConversation(request, params.attemptId);
  const [practice, content, readerLocale] = await Promise.all([getPracticeCatalog(), getCatalog(), requestLocale(request)]);
  const turns = attempt.turns.flatMap((turn) =>
    turn.speaker === "customer" || turn.speaker === "agent" ? [{ from: turn.speaker as "customer" | "agent", text: turn.text }] : [],
  );
  const draft = draftScenario({ subject: ticket.subject, channel: ticket.channel as ImportChannel, turns }, practice.draftWording[locale]);
  const base = slugOf(ticket.subject) || `ticket-${slugOf(`${ticket.system} ${ticket.externalId}`)}`;
  const taken = new Set(practice.scenarios.filter((scenario) => !scenario.organisation).map((scenario) => scenario.slug));
  const slug = taken.has(base) ? `${base}-real` : base;
  return {
    attemptId: attempt.id,
    agentName: attempt.user.name,
    subject: ticket.subject,
    locale,
    defaults: scenarioFormDefaults(slug, draft),
    existing: practice.scenarios.some((scenario) => scenario.organisation && scenario.slug === slug),
    competencies: localizedCompetencies(content, readerLocale).map((competency) => ({ value: competency.key, label: competency.name })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, attempt, locale } = await loadRealConversation(request, params.attemptId);
  const formData = await readFormData(request);
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
        const fileName = locale === "en" ? `${slug}.yml` : `${slug}.${locale}.yml`;
        return data({ intent: "scenario", file: { fileName, yaml: scenarioYaml(parsed.data) } });
      }
      const saved = await saveOrganisationScenario(user.id, { slug, locale, scenario: parsed.data, fromAttemptId: attempt.id });
      if (saved.status === "taken-by-content")
        return invalid("scenario", submission, { slug: [message("practice:draft.errors.slugTaken")] });
      return redirectWithNotice(`/practice/scenarios/${saved.slug}`, "scenario-saved", saved.version);
    },
  });
}

export default function DraftScenarioPage() {
  const { attemptId, agentName, subject, defaults, existing, competencies } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeader
        title={t("practice:draft.title")}
        description={t("practice:draft.description", { subject, name: agentName })}
        actions={<Link to={`/practice/attempts/${attemptId}`}>{t("practice:draft.backToConversation")}</Link>}
      />
      <Alert>{t("practice:draft.howTo")}</Alert>
      {existing ? <Alert tone="warning">{t("practice:draft.existing", { slug: defaults.slug })}</Alert> : null}
      <ScenarioForm
        defaultValue={defaults}
        competencies={competencies}
        file={actionData && "file" in actionData ? actionData.file : null}
      />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "practice:draft.pageTitle") }];
