import { getInputProps, getSelectProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IntentForm, useIntentForm } from "~/components/forms/intent-form.tsx";
import { useIsPending } from "~/components/forms/use-is-pending.ts";
import { Button } from "~/components/ui/button.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { Field, SelectField, type Option } from "~/components/ui/field.tsx";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { TeamSchema } from "~/domain/teams.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { createTeam, listTeams } from "~/models/team.server.ts";
import { listLeadCandidates } from "~/models/user.server.ts";
import { handleIntent, invalid } from "~/utils/forms.server.ts";
import { requireRole } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";
import { rejectTeamChange } from "./team-change.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const [teams, leads] = await Promise.all([listTeams(), listLeadCandidates()]);
  return { teams, leads: leads.map((lead) => ({ value: lead.id, label: lead.name })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const formData = await readFormData(request);
  return handleIntent(formData, {
    create: async () => {
      const submission = parseWithZod(formData, { schema: TeamSchema });
      if (submission.status !== "success") return invalid("create", submission);
      const result = await createTeam(admin, submission.value);
      if (result.status !== "ok") return rejectTeamChange("create", submission, result);
      return redirect(`/admin/teams/${result.teamId}`);
    },
  });
}

function CreateTeamForm({ leads }: { leads: Option[] }) {
  const [form, fields] = useIntentForm({ id: "new-team", intent: "create", schema: TeamSchema });
  const pending = useIsPending({ intent: "create" });
  const { t } = useTranslation();
  return (
    <IntentForm form={form} intent="create">
      <Field
        label={t("admin:teams.create.name")}
        errors={fields.name.errors}
        inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "off" }}
      />
      <SelectField
        label={t("admin:teams.create.lead")}
        hint={t("admin:teams.create.leadHint")}
        errors={fields.leadId.errors}
        options={leads}
        placeholder={t("admin:teams.create.noLead")}
        selectProps={getSelectProps(fields.leadId)}
      />
      <div>
        <Button type="submit" pending={pending}>
          {t("admin:teams.create.submit")}
        </Button>
      </div>
    </IntentForm>
  );
}

export default function TeamsPage() {
  const { teams, leads } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t("admin:teams.title")}
        description={t("admin:teams.description")}
        actions={<Link to="/admin">{t("admin:teams.back")}</Link>}
      />
      <div className="stack">
        {teams.length === 0 ? (
          <EmptyState title={t("admin:teams.empty")}>{t("admin:teams.emptyBody")}</EmptyState>
        ) : (
          <DataTable
            caption={t("admin:teams.caption")}
            columns={[t("admin:teams.columns.team"), t("admin:teams.columns.lead"), t("admin:teams.columns.members")]}
          >
            {teams.map((team) => (
              <tr key={team.id}>
                <td>
                  <Link to={`/admin/teams/${team.id}`}>{team.name}</Link>
                </td>
                <td>{team.lead?.name ?? <span className="muted">{t("admin:teams.noLead")}</span>}</td>
                <td>{team._count.members}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <Card title={t("admin:teams.create.title")}>
          <CreateTeamForm leads={leads} />
        </Card>
      </div>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "admin:teams.pageTitle") }];
