import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Button } from "~/components/ui/button.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { Field, FormErrors, SelectField } from "~/components/ui/field.tsx";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import {
  getTeam,
  listPeopleOutsideTeam,
  listTeamOptions,
  moveMember,
  renameTeam,
  setAutoAssignAfter,
  setTeamLead,
} from "~/models/team.server.ts";
import { listLeadCandidates } from "~/models/user.server.ts";
import { ensureFound, requireRole } from "~/utils/permissions.server.ts";
import { badRequest, readFormData } from "~/utils/request.server.ts";
import { AutoPracticeSchema, MoveMemberSchema, RenameTeamSchema, TeamLeadSchema } from "~/utils/team-fields.ts";
import { LEVEL_LABELS, ROLE_LABELS, type Level, type Role } from "~/utils/user-fields.ts";
import { rejectTeamChange } from "./team-change.server.ts";

const IntentSchema = z.enum(["rename", "set-lead", "move", "add", "auto-practice"]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const team = ensureFound(await getTeam(params.teamId ?? ""), "That team doesn't exist.");
  const [leads, otherTeams, outsiders] = await Promise.all([listLeadCandidates(), listTeamOptions(), listPeopleOutsideTeam(team.id)]);
  return {
    team: {
      id: team.id,
      name: team.name,
      autoAssignAfter: team.autoAssignAfter,
      lead: team.lead,
      members: team.members.map((member) => ({
        id: member.id,
        name: member.name,
        email: member.email,
        role: ROLE_LABELS[member.role as Role],
        level: LEVEL_LABELS[member.level as Level],
        active: member.deactivatedAt === null,
      })),
    },
    leads: leads.map((lead) => ({ value: lead.id, label: lead.name })),
    destinations: otherTeams.filter((other) => other.id !== team.id).map((other) => ({ value: other.id, label: other.name })),
    outsiders: outsiders.map((person) => ({ value: person.id, label: person.team ? `${person.name} (${person.team.name})` : person.name })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const teamId = params.teamId ?? "";
  const formData = await readFormData(request);
  const intent = IntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) badRequest("Unknown action for this team.");

  switch (intent.data) {
    case "rename": {
      const submission = parseWithZod(formData, { schema: RenameTeamSchema });
      if (submission.status !== "success") return data({ intent: intent.data, result: submission.reply() }, { status: 400 });
      const result = await renameTeam(admin, teamId, submission.value.name);
      if (result.status !== "ok") return rejectTeamChange(submission, result);
      return { intent: intent.data, result: submission.reply(), saved: "Team renamed." };
    }
    case "set-lead": {
      const submission = parseWithZod(formData, { schema: TeamLeadSchema });
      if (submission.status !== "success") return data({ intent: intent.data, result: submission.reply() }, { status: 400 });
      const result = await setTeamLead(admin, teamId, submission.value.leadId);
      if (result.status !== "ok") return rejectTeamChange(submission, result);
      return { intent: intent.data, result: submission.reply(), saved: "Lead updated." };
    }
    case "auto-practice": {
      const submission = parseWithZod(formData, { schema: AutoPracticeSchema });
      if (submission.status !== "success") return data({ intent: intent.data, result: submission.reply() }, { status: 400 });
      const result = await setAutoAssignAfter(admin, teamId, submission.value.autoAssignAfter);
      if (result.status !== "ok") return rejectTeamChange(submission, result);
      return { intent: intent.data, result: submission.reply(), saved: "Automatic practice updated." };
    }
    case "move":
    case "add": {
      const submission = parseWithZod(formData, { schema: MoveMemberSchema });
      if (submission.status !== "success") return data({ intent: intent.data, result: submission.reply() }, { status: 400 });
      ensureFound(await getTeam(teamId), "That team doesn't exist.");
      const move =
        intent.data === "move"
          ? { userId: submission.value.userId, toTeamId: submission.value.toTeamId, fromTeamId: teamId }
          : { userId: submission.value.userId, toTeamId: teamId };
      const result = await moveMember(admin, move);
      if (result.status !== "ok") return rejectTeamChange(submission, result);
      return redirect(`/admin/teams/${teamId}`);
    }
  }
}

function useIntentResult(intent: string) {
  const actionData = useActionData<typeof action>();
  return actionData && "intent" in actionData && actionData.intent === intent ? actionData : undefined;
}

function RenameForm({ name }: { name: string }) {
  const actionData = useIntentResult("rename");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "rename-team",
    lastResult: actionData?.result,
    defaultValue: { name },
    constraint: getZodConstraint(RenameTeamSchema),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RenameTeamSchema }),
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      {actionData && "saved" in actionData ? <p role="status">{actionData.saved}</p> : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="rename" />
      <Field
        label="Team name"
        errors={fields.name.errors}
        inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "off" }}
      />
      <div>
        <Button type="submit" variant="secondary" pending={navigation.formData?.get("intent") === "rename"}>
          Rename
        </Button>
      </div>
    </Form>
  );
}

function AutoPracticeForm({ value }: { value: number }) {
  const actionData = useIntentResult("auto-practice");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "auto-practice",
    lastResult: actionData?.result,
    defaultValue: { autoAssignAfter: String(value) },
    constraint: getZodConstraint(AutoPracticeSchema),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AutoPracticeSchema }),
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      {actionData && "saved" in actionData ? <p role="status">{actionData.saved}</p> : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="auto-practice" />
      <Field
        label="Failures in a row before practice is assigned"
        hint="When an agent fails the same criterion this many graded conversations in a row, matching practice is assigned once, and their lead is told."
        errors={fields.autoAssignAfter.errors}
        inputProps={{ ...getInputProps(fields.autoAssignAfter, { type: "number" }), inputMode: "numeric" }}
      />
      <div>
        <Button type="submit" variant="secondary" pending={navigation.formData?.get("intent") === "auto-practice"}>
          Save
        </Button>
      </div>
    </Form>
  );
}

function LeadForm({ leadId, leads }: { leadId: string; leads: { value: string; label: string }[] }) {
  const actionData = useIntentResult("set-lead");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "team-lead",
    lastResult: actionData?.result,
    defaultValue: { leadId },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TeamLeadSchema }),
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      {actionData && "saved" in actionData ? <p role="status">{actionData.saved}</p> : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="set-lead" />
      <SelectField
        label="Team lead"
        hint="Only active people with the team lead role are listed."
        errors={fields.leadId.errors}
        options={leads}
        placeholder="No lead"
        selectProps={getSelectProps(fields.leadId)}
      />
      <div>
        <Button type="submit" variant="secondary" pending={navigation.formData?.get("intent") === "set-lead"}>
          Set lead
        </Button>
      </div>
    </Form>
  );
}

export default function TeamPage() {
  const { team, leads, destinations, outsiders } = useLoaderData<typeof loader>();
  const moved = useIntentResult("move");
  const added = useIntentResult("add");
  const moveError = Object.values((moved ?? added)?.result.error ?? {})
    .flat()
    .find(Boolean);
  return (
    <>
      <PageHeader
        title={team.name}
        description={team.lead ? `Led by ${team.lead.name}` : "This team has no lead yet."}
        actions={<Link to="/admin/teams">Back to teams</Link>}
      />
      <div className="stack">
        <div className="grid">
          <Card title="Name">
            <RenameForm name={team.name} />
          </Card>
          <Card title="Lead">
            <LeadForm leadId={team.lead?.id ?? ""} leads={leads} />
          </Card>
          <Card title="Automatic practice">
            <AutoPracticeForm value={team.autoAssignAfter} />
          </Card>
        </div>

        <Card title="Members">
          {moveError ? (
            <p role="alert" className="field__errors">
              {moveError}
            </p>
          ) : null}
          {team.members.length === 0 ? (
            <EmptyState title="No members yet">Add someone below, or move people here from their own page.</EmptyState>
          ) : (
            <DataTable caption={`Members of ${team.name}`} columns={["Name", "Role", "Level", "Move to"]}>
              {team.members.map((member) => (
                <tr key={member.id}>
                  <td>
                    <Link to={`/admin/people/${member.id}`}>{member.name}</Link>{" "}
                    {member.active ? null : <Badge tone="danger">Deactivated</Badge>}
                  </td>
                  <td>{member.role}</td>
                  <td>{member.level}</td>
                  <td>
                    {member.active ? (
                      <Form method="post" className="row">
                        <input type="hidden" name="intent" value="move" />
                        <input type="hidden" name="userId" value={member.id} />
                        <label htmlFor={`move-${member.id}`} className="visually-hidden">
                          Move {member.name} to
                        </label>
                        <select id={`move-${member.id}`} name="toTeamId" defaultValue="">
                          <option value="">No team</option>
                          {destinations.map((destination) => (
                            <option key={destination.value} value={destination.value}>
                              {destination.label}
                            </option>
                          ))}
                        </select>
                        <Button type="submit" variant="secondary" size="small" aria-label={`Move ${member.name}`}>
                          Move
                        </Button>
                      </Form>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          {outsiders.length > 0 ? (
            <Form method="post" className="form form--inline" aria-label={`Add someone to ${team.name}`}>
              <input type="hidden" name="intent" value="add" />
              <SelectField
                label="Add an agent to this team"
                options={outsiders}
                placeholder="Choose a person"
                selectProps={{ id: "add-member", name: "userId", required: true }}
              />
              <Button type="submit" variant="secondary">
                Add to team
              </Button>
            </Form>
          ) : null}
        </Card>
      </div>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.team.name ?? "Team"} · Admin · Frontline` }];
