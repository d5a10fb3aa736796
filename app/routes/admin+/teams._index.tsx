import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { Field, FormErrors, SelectField } from "~/components/ui/field.tsx";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { createTeam, listTeams } from "~/models/team.server.ts";
import { listLeadCandidates } from "~/models/user.server.ts";
import { requireRole } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";
import { TeamSchema } from "~/utils/team-fields.ts";
import { rejectTeamChange } from "./team-change.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const [teams, leads] = await Promise.all([listTeams(), listLeadCandidates()]);
  return { teams, leads: leads.map((lead) => ({ value: lead.id, label: lead.name })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const submission = parseWithZod(await readFormData(request), { schema: TeamSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await createTeam(admin, submission.value);
  if (result.status !== "ok") return rejectTeamChange(submission, result);
  return redirect(`/admin/teams/${result.teamId}`);
}

export default function TeamsPage() {
  const { teams, leads } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "new-team",
    lastResult: actionData?.result,
    constraint: getZodConstraint(TeamSchema),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TeamSchema }),
  });
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
          <Form method="post" className="form" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
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
              <Button type="submit" pending={navigation.state === "submitting"}>
                Create team
              </Button>
            </div>
          </Form>
        </Card>
      </div>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Teams · Admin · Frontline" }];
