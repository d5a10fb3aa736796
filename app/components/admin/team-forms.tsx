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
  const { t } = useTranslation();
  return (
    <IntentForm form={form} intent="rename">
      <Field
        label={t("admin:team.rename.name")}
        errors={fields.name.errors}
        inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "off" }}
      />
      <div>
        <Button type="submit" variant="secondary" pending={pending}>
          {t("admin:team.rename.submit")}
        </Button>
      </div>
    </IntentForm>
  );
}

export function TeamLeadForm({ leadId, leads }: { leadId: string; leads: Option[] }) {
  const [form, fields] = useIntentForm({ id: "team-lead", intent: "set-lead", schema: TeamLeadSchema, defaultValue: { leadId } });
  const pending = useIsPending({ intent: "set-lead" });
  const { t } = useTranslation();
  return (
    <IntentForm form={form} intent="set-lead">
      <SelectField
        label={t("admin:team.lead.label")}
        hint={t("admin:team.lead.hint")}
        errors={fields.leadId.errors}
        options={leads}
        placeholder={t("admin:team.lead.none")}
        selectProps={getSelectProps(fields.leadId)}
      />
      <div>
        <Button type="submit" variant="secondary" pending={pending}>
          {t("admin:team.lead.submit")}
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
  const { t } = useTranslation();
  return (
    <IntentForm form={form} intent="auto-practice">
      <Field
        label={t("admin:team.autoPractice.label")}
        hint={t("admin:team.autoPractice.hint")}
        errors={fields.autoAssignAfter.errors}
        inputProps={{ ...getInputProps(fields.autoAssignAfter, { type: "number" }), inputMode: "numeric" }}
      />
      <div>
        <Button type="submit" variant="secondary" pending={pending}>
          {t("admin:team.autoPractice.submit")}
        </Button>
      </div>
    </IntentForm>
  );
}

export type TeamMember = { id: string; name: string; role: string; level: string; active: boolean };

/** Someone who could join the team, with the team they are on now. */
export type Outsider = { id: string; name: string; team: string | null };

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
  outsiders: Outsider[];
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
        <EmptyState title={t("admin:team.members.empty")}>{t("admin:team.members.emptyBody")}</EmptyState>
      ) : (
        <DataTable
          caption={t("admin:team.members.caption", { team: teamName })}
          columns={[
            t("admin:team.members.columns.name"),
            t("admin:team.members.columns.role"),
            t("admin:team.members.columns.level"),
            t("admin:team.members.columns.moveTo"),
          ]}
        >
          {members.map((member) => (
            <tr key={member.id}>
              <td>
                <Link to={`/admin/people/${member.id}`}>{member.name}</Link>{" "}
                {member.active ? null : <Badge tone="danger">{t("admin:status.deactivated")}</Badge>}
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
  const { t } = useTranslation();
  return (
    <IntentForm form={form} intent="move" className="row">
      <input type="hidden" name="userId" value={member.id} />
      <label htmlFor={fields.toTeamId.id} className="visually-hidden">
        {t("admin:team.members.moveLabel", { name: member.name })}
      </label>
      <select {...getSelectProps(fields.toTeamId)}>
        <option value="">{t("admin:team.members.noTeam")}</option>
        {destinations.map((destination) => (
          <option key={destination.value} value={destination.value}>
            {destination.label}
          </option>
        ))}
      </select>
      <Button
        type="submit"
        variant="secondary"
        size="small"
        pending={pending}
        aria-label={t("admin:team.members.moveButtonLabel", { name: member.name })}
      >
        {t("admin:team.members.move")}
      </Button>
    </IntentForm>
  );
}

function AddMemberForm({ teamName, outsiders }: { teamName: string; outsiders: Outsider[] }) {
  const [form, fields] = useIntentForm({ id: "add-member", intent: "add", schema: MoveMemberSchema });
  const pending = useIsPending({ intent: "add" });
  const { t } = useTranslation();
  const options: Option[] = outsiders.map((person) => ({
    value: person.id,
    label: person.team ? t("admin:team.members.outsider", { name: person.name, team: person.team }) : person.name,
  }));
  return (
    <IntentForm form={form} intent="add" className="form form--inline" label={t("admin:team.members.addFormLabel", { team: teamName })}>
      <SelectField
        label={t("admin:team.members.addLabel")}
        errors={fields.userId.errors}
        options={options}
        placeholder={t("admin:team.members.choosePerson")}
        selectProps={getSelectProps(fields.userId)}
      />
      <Button type="submit" variant="secondary" pending={pending}>
        {t("admin:team.members.add")}
      </Button>
    </IntentForm>
  );
}

/** Every message in a refusal, whichever field it was about, once each. */
function refusalMessages(error: Record<string, string[] | null> | undefined): string[] {
  return [...new Set(Object.values(error ?? {}).flatMap((messages) => messages ?? []))];
}
