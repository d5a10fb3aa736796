import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ScenarioForm } from "~/components/practice/scenario-form.tsx";
import { Alert, PageHeader } from "~/components/ui/layout.tsx";
import { LEADING_ROLES } from "~/engine/access/people.ts";
import { requestLocale } from "~/i18n/i18next.server.ts";
import { isLocale } from "~/i18n/locales.ts";
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { loadVisibleAttempt } from "~/models/practice.server.ts";
import { ensureFound, requireRole } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";
import { draftFormFor, handleScenarioForm } from "./scenario-form.server.ts";

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
  const conversation = await loadRealConversation(request, params.attemptId);
  const form = await draftFormFor(conversation, await requestLocale(request));
  return { attemptId: conversation.attempt.id, agentName: conversation.attempt.user.name, subject: conversation.ticket.subject, ...form };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, attempt, locale } = await loadRealConversation(request, params.attemptId);
  return handleScenarioForm(await readFormData(request), { authorId: user.id, locale, fromAttemptId: attempt.id });
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
