// The mentoring page: the viewer as a mentor, where they stand in finding a mentor (ranked
// suggestions once they have asked), their pairings on either side, and a lead's teams' pairings.
import type { FindingView, MentorCardView } from "~/components/mentoring/mentoring-cards.tsx";
import { pairingRow } from "~/components/mentoring/pairing-table.tsx";
import { getMentoringContent } from "~/content/mentoring.server.ts";
import { LEVEL_LABELS, WORK_MODE_LABELS } from "~/domain/people.ts";
import { mentorIneligibility } from "~/engine/access/mentoring.ts";
import { isStrength } from "~/engine/matching/score.ts";
import { mentorSuggestions } from "~/models/matching-pool.server.ts";
import { getMenteeRequest } from "~/models/mentee-request.server.ts";
import { getMentoringPerson, getMentorProfile } from "~/models/mentor-profile.server.ts";
import { listPairingsOf, listTeamPairings, type PairingView } from "~/models/pairing.server.ts";
import type { SessionUser } from "~/utils/auth.server.ts";
import { ensureFound } from "~/utils/permissions.server.ts";

async function findingView(userId: string, asMentee: PairingView[]): Promise<FindingView> {
  const open = asMentee.find((pairing) => pairing.status === "active" || pairing.status === "proposed");
  if (open) {
    return { kind: open.status === "active" ? "mentored" : "waiting", pairingId: open.id, mentor: open.mentor.name, source: open.source };
  }
  const request = await getMenteeRequest(userId);
  if (!request || request.status !== "open") return { kind: "no-request", hadRequest: request !== null };
  const content = await getMentoringContent();
  const suggestions = (await mentorSuggestions(userId, content.measure)) ?? [];
  const name = (key: string) => content.competencyNames.get(key) ?? key;
  return {
    kind: "suggestions",
    request: { goals: request.goals, targetLevel: LEVEL_LABELS[request.targetLevel], focus: request.focus.map(name) },
    suggestions: suggestions.map(({ mentor, score, details }) => ({
      id: mentor.id,
      name: mentor.name ?? "",
      level: LEVEL_LABELS[mentor.level],
      timeZone: mentor.timeZone,
      workMode: WORK_MODE_LABELS[mentor.workMode],
      placesFree: mentor.capacity - mentor.activeMentees,
      languages: details.languages,
      availability: details.availability,
      bio: details.bio,
      strengths: details.strengths.filter((key) => isStrength(mentor.strengths[key] ?? 0)).map(name),
      score: { total: score.total, parts: score.parts },
    })),
  };
}

export async function mentoringPageView(user: SessionUser) {
  const person = ensureFound(await getMentoringPerson(user.id));
  const [profile, pairings, team] = await Promise.all([
    getMentorProfile(user.id),
    listPairingsOf(user.id),
    user.role === "lead" ? listTeamPairings(user.ledTeamIds) : null,
  ]);
  const mentor: MentorCardView = {
    ineligible: mentorIneligibility(person, new Date()),
    profile: profile && { capacity: profile.capacity, placesTaken: profile.placesTaken, active: profile.active },
  };
  return {
    mentor,
    finding: await findingView(user.id, pairings.asMentee),
    asMentee: pairings.asMentee.map(pairingRow),
    asMentor: pairings.asMentor.map(pairingRow),
    team: team?.map(pairingRow) ?? null,
    isAdmin: user.role === "admin",
  };
}
