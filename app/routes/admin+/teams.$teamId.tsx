import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AutoPracticeForm, RenameTeamForm, TeamLeadForm, TeamMembers } from "~/components/admin/team-forms.tsx";
import { Card, PageHeader } from "~/components/ui/layout.tsx";
import { LEVEL_LABELS, ROLE_LABELS, type Level, type Role } from "~/domain/people.ts";
import { AutoPracticeSchema, MoveMemberSchema, RenameTeamSchema, TeamLeadSchema } from "~/domain/teams.ts";
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
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
import { handleIntent, invalid, redirectWithNotice } from "~/utils/forms.server.ts";
import { ensureFound, requireRole } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";
import { rejectTeamChange } from "./team-change.server.ts";

const TEAM_MISSING = message("admin:team.notFound");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const team = ensureFound(await getTeam(params.teamId ?? ""), TEAM_MISSING);
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
    outsiders: outsiders.map((person) => ({ id: person.id, name: person.name, team: person.team?.name ?? null })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const teamId = params.teamId ?? "";
  const here = `/admin/teams/${teamId}`;
  const formData = await readFormData(request);
  const changeMembership = async (intent: "move" | "add") => {
    const submission = parseWithZod(formData, { schema: MoveMemberSchema });
    if (submission.status !== "success") return invalid(intent, submission);
    ensureFound(await getTeam(teamId), TEAM_MISSING);
    const { userId, toTeamId } = submission.value;
    const result = await moveMember(admin, intent === "move" ? { userId, toTeamId, fromTeamId: teamId } : { userId, toTeamId: teamId });
    if (result.status !== "ok") return rejectTeamChange(intent, submission, result);
    return redirect(here);
  };
  return handleIntent(
    formData,
    {
      rename: async () => {
        const submission = parseWithZod(formData, { schema: RenameTeamSchema });
        if (submission.status !== "success") return invalid("rename", submission);
        const result = await renameTeam(admin, teamId, submission.value.name);
        if (result.status !== "ok") return rejectTeamChange("rename", submission, result);
        return redirectWithNotice(here, "team-renamed");
      },
      "set-lead": async () => {
        const submission = parseWithZod(formData, { schema: TeamLeadSchema });
        if (submission.status !== "success") return invalid("set-lead", submission);
        const result = await setTeamLead(admin, teamId, submission.value.leadId);
        if (result.status !== "ok") return rejectTeamChange("set-lead", submission, result);
        return redirectWithNotice(here, "team-lead-saved");
      },
      "auto-practice": async () => {
        const submission = parseWithZod(formData, { schema: AutoPracticeSchema });
        if (submission.status !== "success") return invalid("auto-practice", submission);
        const result = await setAutoAssignAfter(admin, teamId, submission.value.autoAssignAfter);
        if (result.status !== "ok") return rejectTeamChange("auto-practice", submission, result);
        return redirectWithNotice(here, "auto-practice-saved");
      },
      move: () => changeMembership("move"),
      add: () => changeMembership("add"),
    },
    message("admin:team.unknownIntent"),
  );
}

export default function TeamPage() {
  const { team, leads, destinations, outsiders } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={team.name}
        description={team.lead ? t("admin:team.ledBy", { name: team.lead.name }) : t("admin:team.noLead")}
        actions={<Link to="/admin/teams">{t("admin:team.back")}</Link>}
      />
      <div className="stack">
        <div className="grid">
          <Card title={t("admin:team.nameCard")}>
            <RenameTeamForm name={team.name} />
          </Card>
          <Card title={t("admin:team.leadCard")}>
            <TeamLeadForm leadId={team.lead?.id ?? ""} leads={leads} />
          </Card>
          <Card title={t("admin:team.autoPracticeCard")}>
            <AutoPracticeForm value={team.autoAssignAfter} />
          </Card>
        </div>
        <Card title={t("admin:team.membersCard")}>
          <TeamMembers teamName={team.name} members={team.members} destinations={destinations} outsiders={outsiders} />
        </Card>
      </div>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data ? pageTitle(matches, "admin:team.pageTitle", { name: data.team.name }) : pageTitle(matches, "admin:team.pageTitleFallback"),
  },
];
