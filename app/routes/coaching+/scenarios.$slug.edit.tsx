import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ScenarioForm } from "~/components/practice/scenario-form.tsx";
import { Alert, PageHeader } from "~/components/ui/layout.tsx";
import { LEADING_ROLES } from "~/engine/access/people.ts";
import { requestLocale } from "~/i18n/i18next.server.ts";
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { ensureFound, requireRole } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";
import { handleScenarioForm, organisationScenarioForm } from "./scenario-form.server.ts";

/** Only scenarios the organisation saved are edited here; content files are edited in content/. */
async function loadForm(request: Request, slug: string | undefined) {
  const user = await requireRole(request, LEADING_ROLES);
  const form = ensureFound(await organisationScenarioForm(slug, await requestLocale(request)), message("practice:draft.notOrganisation"));
  return { user, form };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  return (await loadForm(request, params.slug)).form;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, form } = await loadForm(request, params.slug);
  return handleScenarioForm(await readFormData(request), { authorId: user.id, locale: form.scenario.locale, fromAttemptId: null });
}

export default function EditScenarioPage() {
  const { scenario, defaults, competencies } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeader
        title={t("practice:draft.editTitle", { title: scenario.title })}
        description={t("practice:draft.editDescription", { version: scenario.version, next: scenario.version + 1 })}
        actions={<Link to={`/practice/scenarios/${scenario.slug}`}>{t("practice:draft.backToScenario")}</Link>}
      />
      <Alert>{t("practice:draft.editHowTo")}</Alert>
      <ScenarioForm
        defaultValue={defaults}
        competencies={competencies}
        file={actionData && "file" in actionData ? actionData.file : null}
      />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "practice:draft.editPageTitle") }];
