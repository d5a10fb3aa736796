import { toAssignmentItem } from "~/components/assignments/assignment-list.tsx";
import { getCatalog, moduleRef } from "~/content/modules.server.ts";
import { LEVEL_LABELS, WORK_MODE_LABELS, type Level, type Role, type WorkMode } from "~/domain/people.ts";
import { moduleStatus, pathProgress } from "~/engine/learning/progress.ts";
import { isNewHire, tenureInDays } from "~/engine/people/tenure.ts";
import { listMyAssignments } from "~/models/assignment.server.ts";
import { listAuditEvents } from "~/models/audit.server.ts";
import { nearestNextLevel } from "~/models/career-view.server.ts";
import { listProgressRecords } from "~/models/learning.server.ts";
import { countProposalsAwaiting } from "~/models/pairing.server.ts";
import { getHomeProfile, getOrganisationCounts } from "~/models/user.server.ts";
import type { SessionUser } from "~/utils/auth.server.ts";
import { formatTenure } from "~/utils/format.ts";

/**
 * The home page for the person signed in: who they are, the team they are on or lead, what is
 * assigned to them, where their learning and career stand and, for an admin, the organisation.
 */
export async function loadHome(user: SessionUser) {
  const profile = await getHomeProfile(user.id);
  const now = new Date();
  const me = {
    name: profile.name,
    email: profile.email,
    role: profile.role as Role,
    level: LEVEL_LABELS[profile.level as Level],
    hireDate: profile.hireDate.toISOString(),
    tenure: formatTenure(tenureInDays(profile.hireDate, now)),
    newHire: profile.role === "agent" && isNewHire(profile.hireDate, now),
    timeZone: profile.timeZone,
    workMode: WORK_MODE_LABELS[profile.workMode as WorkMode],
    team: profile.team ? { name: profile.team.name, lead: profile.team.lead } : null,
  };
  const ledTeams = profile.ledTeams.map((team) => ({
    id: team.id,
    name: team.name,
    members: team.members.map((member) => ({
      id: member.id,
      name: member.name,
      level: LEVEL_LABELS[member.level as Level],
      tenure: formatTenure(tenureInDays(member.hireDate, now)),
      workMode: WORK_MODE_LABELS[member.workMode as WorkMode],
      timeZone: member.timeZone,
    })),
  }));
  const [catalog, records, assignments, career, proposalsAwaiting] = await Promise.all([
    getCatalog(),
    listProgressRecords(user.id),
    listMyAssignments(user.id, { now }),
    nearestNextLevel(user.id, now),
    countProposalsAwaiting(user.id),
  ]);
  const onboarding = pathProgress(catalog.modules.filter((module) => module.frontmatter.track === "onboarding").map(moduleRef), records);
  const titleOf = (slug: string) => catalog.modules.find((module) => module.slug === slug)?.frontmatter.title ?? slug;
  // The onboarding path is for agents; leads and admins see only what they have in progress.
  const showOnboarding = user.role === "agent" && onboarding.completed < onboarding.total;
  const learning = {
    onboarding: showOnboarding
      ? { ...onboarding, next: onboarding.nextSlug ? { slug: onboarding.nextSlug, title: titleOf(onboarding.nextSlug) } : null }
      : null,
    inProgress: catalog.modules
      .filter(
        (module) =>
          moduleStatus(moduleRef(module), records).kind === "in-progress" && !(showOnboarding && module.slug === onboarding.nextSlug),
      )
      .slice(0, 3)
      .map((module) => ({ slug: module.slug, title: module.frontmatter.title })),
  };
  const organisation =
    user.role === "admin" ? { counts: await getOrganisationCounts(), recent: (await listAuditEvents({}, 1)).events.slice(0, 5) } : null;
  return {
    me,
    ledTeams,
    organisation,
    learning,
    career,
    proposalsAwaiting,
    assignments: assignments.map((assignment) => toAssignmentItem(assignment, now)),
  };
}
