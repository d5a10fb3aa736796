import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PersonForm, PersonSchema } from "~/components/person-form.tsx";
import { SetupLinkNotice } from "~/components/setup-link.tsx";
import { PageHeader } from "~/components/ui/layout.tsx";
import { listTimeZones, SETUP_LINK_LIFETIME_DAYS } from "~/domain/people.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { setupUrl } from "~/models/password-setup.server.ts";
import { listTeamOptions } from "~/models/team.server.ts";
import { createPerson, getPerson } from "~/models/user.server.ts";
import { handleIntent, invalid } from "~/utils/forms.server.ts";
import { requireRole } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";
import { rejectPersonChange } from "./person-change.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const [teams, self] = await Promise.all([listTeamOptions(), getPerson(admin.id)]);
  return {
    teams: teams.map((team) => ({ value: team.id, label: team.name })),
    timeZones: listTimeZones(),
    defaults: {
      role: "agent",
      level: "agent-1",
      workMode: "remote",
      locale: "en",
      hireDate: new Date().toISOString().slice(0, 10),
      timeZone: self?.timeZone ?? "UTC",
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const formData = await readFormData(request);
  return handleIntent(formData, {
    create: async () => {
      const submission = parseWithZod(formData, { schema: PersonSchema });
      if (submission.status !== "success") return invalid("create", submission);
      const result = await createPerson(admin, submission.value);
      if (result.status !== "ok") return rejectPersonChange("create", submission, result);
      return {
        created: {
          id: result.userId,
          name: submission.value.name,
          url: setupUrl(new URL(request.url).origin, result.setupToken),
        },
      };
    },
  });
}

export default function NewPersonPage() {
  const { teams, timeZones, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const created = actionData && "created" in actionData ? actionData.created : null;
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("admin:newPerson.title")} description={t("admin:newPerson.description")} />
      {created ? (
        <>
          <SetupLinkNotice name={created.name} url={created.url} validDays={SETUP_LINK_LIFETIME_DAYS} />
          <p className="row">
            <Link to={`/admin/people/${created.id}`}>{t("admin:newPerson.openPage", { name: created.name })}</Link>
            <Link to="/admin/people/new">{t("admin:newPerson.addAnother")}</Link>
          </p>
        </>
      ) : (
        <PersonForm
          id="new-person"
          intent="create"
          defaultValue={defaults}
          teams={teams}
          timeZones={timeZones}
          submitLabel={t("admin:newPerson.submit")}
        />
      )}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "admin:newPerson.pageTitle") }];
