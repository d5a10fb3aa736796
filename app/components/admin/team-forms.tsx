import { getInputProps, getSelectProps } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AutoPracticeSchema, MoveMemberSchema, RenameTeamSchema, TeamLeadSchema } from "~/domain/teams.ts";
import { IntentForm, useFormReply, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button } from "../ui/button.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { Field, FormErrors, SelectField, type Option } from "../ui/field.tsx";
import { Badge, EmptyState } from "../ui/layout.tsx";

export function RenameTeamForm({ name }: { name: string }) {
  const [form, fields] = useIntentForm({ id: "rename-team", intent: "rename", schema: RenameTeamSchema, defaultValue: { name } });
  const pending = useIsPending({ intent: "rename" });
  return (
    <IntentForm form={form} intent="rename">
      <Field
        label="Team name"
        errors={fields.name.errors}
        inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "off" }}
      />
      <div>
        <Button type="submit" variant="secondary" pending={pending}>
          Rename
        </Button>
      </div>
    </IntentForm>
  );
}

export function TeamLeadForm({ leadId, leads }: { leadId: string; leads: Option[] }) {
  const [form, fields] = useIntentForm({ id: "team-lead", intent: "set-lead", schema: TeamLeadSchema, defaultValue: { leadId } });
  const pending = useIsPending({ intent: "set-lead" });
  return (
    <IntentForm form={form} intent="set-lead">
      <SelectField
        label="Team lead"
        hint="Only active people with the team lead role are listed."
        errors={fields.leadId.errors}
        options={leads}
        placeholder="No lead"
        selectProps={getSelectProps(fields.leadId)}
      />
      <div>
        <Button type="submit" variant="secondary" pending={pending}>
          Set lead
        </Button>
      </div>
    </IntentForm>
  );
}

export function AutoPracticeForm({ value }: { value: number }) {
  const [form, fields] = useIntentForm({
    id: "auto-practice",
    intent: "auto-practice",
    schema: AutoPracticeSchema,
    defaultValue: { autoAssignAfter: String(value) },
  });
  const pending = useIsPending({ intent: "auto-practice" });
  return (
    <IntentForm form={form} intent="auto-practice">
      <Field
        label="Failures in a row before practice is assigned"
        hint="When an agent fails the same criterion this many graded conversations in a row, matching practice is assigned once, and their lead is told."
        errors={fields.autoAssignAfter.errors}
        inputProps={{ ...getInputProps(fields.autoAssignAfter, { type: "number" }), inputMode: "numeric" }}
      />
      <div>
        <Button type="submit" variant="secondary" pending={pending}>
          Save
        </Button>
      </div>
    </IntentForm>
  );
}

export type TeamMember = { id: string; name: string; role: string; level: string; active: boolean };

/** The team's members, each with a form to move them elsewhere, and a form to add someone. */
export function TeamMembers({
  teamName,
  members,
  destinations,
  outsiders,
}: {
  teamName: string;
  members: TeamMember[];
  destinations: Option[];
  outsiders: Option[];
}) {
  const { t } = useTranslation();
  const moveRefusal = useFormReply("move");
  // A move is refused when the person has left this team meanwhile, so their row is gone:
  // the refusal shows above the list unless their row is still there to show it.
  const movedAway = moveRefusal && !members.some((member) => member.active && member.id === moveRefusal.initialValue?.userId);
  return (
    <>
      {movedAway ? <FormErrors id="move-errors" errors={refusalMessages(moveRefusal.error)} /> : null}
      {members.length === 0 ? (
        <EmptyState title="No members yet">Add someone below, or move people here from their own page.</EmptyState>
      ) : (
        <DataTable caption={`Members of ${teamName}`} columns={["Name", "Role", "Level", "Move to"]}>
          {members.map((member) => (
            <tr key={member.id}>
              <td>
                <Link to={`/admin/people/${member.id}`}>{member.name}</Link>{" "}
                {member.active ? null : <Badge tone="danger">Deactivated</Badge>}
              </td>
              <td>{t(member.role)}</td>
              <td>{t(member.level)}</td>
              <td>{member.active ? <MoveMemberForm member={member} destinations={destinations} /> : <span className="muted">—</span>}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {outsiders.length > 0 ? <AddMemberForm teamName={teamName} outsiders={outsiders} /> : null}
    </>
  );
}

function MoveMemberForm({ member, destinations }: { member: TeamMember; destinations: Option[] }) {
  const values = { userId: member.id };
  const [form, fields] = useIntentForm({ id: `move-${member.id}`, intent: "move", schema: MoveMemberSchema, values });
  const pending = useIsPending({ intent: "move", values });
  return (
    <IntentForm form={form} intent="move" className="row">
      <input type="hidden" name="userId" value={member.id} />
      <label htmlFor={fields.toTeamId.id} className="visually-hidden">
        Move {member.name} to
      </label>
      <select {...getSelectProps(fields.toTeamId)}>
        <option value="">No team</option>
        {destinations.map((destination) => (
          <option key={destination.value} value={destination.value}>
            {destination.label}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary" size="small" pending={pending} aria-label={`Move ${member.name}`}>
        Move
      </Button>
    </IntentForm>
  );
}

function AddMemberForm({ teamName, outsiders }: { teamName: string; outsiders: Option[] }) {
  const [form, fields] = useIntentForm({ id: "add-member", intent: "add", schema: MoveMemberSchema });
  const pending = useIsPending({ intent: "add" });
  return (
    <IntentForm form={form} intent="add" className="form form--inline" label={`Add someone to ${teamName}`}>
      <SelectField
        label="Add an agent to this team"
        errors={fields.userId.errors}
        options={outsiders}
        placeholder="Choose a person"
        selectProps={getSelectProps(fields.userId)}
      />
      <Button type="submit" variant="secondary" pending={pending}>
        Add to team
      </Button>
    </IntentForm>
  );
}

/** Every message in a refusal, whichever field it was about, once each. */
function refusalMessages(error: Record<string, string[] | null> | undefined): string[] {
  return [...new Set(Object.values(error ?? {}).flatMap((messages) => messages ?? []))];
}
