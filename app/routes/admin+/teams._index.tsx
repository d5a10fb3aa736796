import { getInputProps, getSelectProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { IntentForm, useIntentForm } from "~/components/forms/intent-form.tsx";
import { useIsPending } from "~/components/forms/use-is-pending.ts";
import { Button } from "~/components/ui/button.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { Field, SelectField, type Option } from "~/components/ui/field.tsx";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { TeamSchema } from "~/domain/teams.ts";
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
  return (
    <IntentForm form={form} intent="create">
      <Field
        label="Team name"
        errors={fields.name.errors}
        inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "off" }}
      />
      <SelectField
        label="Lead"
        hint="Only people with the team lead role can lead a team."
        errors={fields.leadId.errors}
        options={leads}
        placeholder="No lead yet"
        selectProps={getSelectProps(fields.leadId)}
      />
      <div>
        <Button type="submit" pending={pending}>
          Create team
        </Button>
      </div>
    </IntentForm>
  );
}

export default function TeamsPage() {
  const { teams, leads } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Teams"
        description="Each team has one lead, who coaches its members."
        actions={<Link to="/admin">Back to admin</Link>}
      />
      <div className="stack">
        {teams.length === 0 ? (
          <EmptyState title="No teams yet">Create the first team below, then move people onto it.</EmptyState>
        ) : (
          <DataTable caption="Teams" columns={["Team", "Lead", "Active members"]}>
            {teams.map((team) => (
              <tr key={team.id}>
                <td>
                  <Link to={`/admin/teams/${team.id}`}>{team.name}</Link>
                </td>
                <td>{team.lead?.name ?? <span className="muted">No lead</span>}</td>
                <td>{team._count.members}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <Card title="Create a team">
          <CreateTeamForm leads={leads} />
        </Card>
      </div>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Teams · Admin · Frontline" }];
