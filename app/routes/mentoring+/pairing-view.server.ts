// One pairing as its page shows it: the pair, what the mentee asked for and the meetings so far,
// for the pair themselves and for the leads and admins who may read it.
import type { MeetingEntry, MenteeRequestSummary, PairingDetails, PairingPerson } from "~/components/mentoring/pairing-details.tsx";
import { getMentoringContent } from "~/content/mentoring.server.ts";
import {
  MEETING_RATING_LABELS,
  PAIRING_SOURCE_LABELS,
  type FitCheck,
  type MEETING_RATINGS,
  type PairingSource,
  type PairingStatus,
} from "~/domain/mentoring.ts";
import { LEVEL_LABELS, type Level } from "~/domain/people.ts";
import { localDate } from "~/engine/coaching/sessions.ts";
import { getMentoringPerson } from "~/models/mentor-profile.server.ts";
import { getPairingFor } from "~/models/pairing.server.ts";
import { requireUser, toViewer } from "~/utils/auth.server.ts";
import { ensureFound } from "~/utils/permissions.server.ts";

export const PAIRING_MISSING = "There's no mentoring pairing at this address.";

/** The pairing and the viewer's place in it; a 404 for anyone who may not see it, as for an unknown id. */
export async function loadPairing(request: Request, pairingId: string | undefined) {
  const user = await requireUser(request);
  const [found, person] = await Promise.all([getPairingFor(toViewer(user), pairingId ?? ""), getMentoringPerson(user.id)]);
  const { access, pairing, request: menteeRequest } = ensureFound(found, PAIRING_MISSING);
  return { user, access, pairing, menteeRequest, today: localDate(new Date(), ensureFound(person).timeZone) };
}

export type LoadedPairing = Awaited<ReturnType<typeof loadPairing>>;

export async function pairingPageView({ access, pairing, menteeRequest, today }: LoadedPairing) {
  const { competencyNames } = await getMentoringContent();
  const person = (side: typeof pairing.mentor): PairingPerson => ({
    name: side.name,
    level: LEVEL_LABELS[side.level as Level],
    timeZone: side.timeZone,
  });
  const details: PairingDetails = {
    id: pairing.id,
    status: pairing.status as PairingStatus,
    source: PAIRING_SOURCE_LABELS[pairing.source as PairingSource],
    message: pairing.message,
    score: pairing.score,
    createdAt: pairing.createdAt.toISOString(),
    acceptedAt: pairing.acceptedAt?.toISOString() ?? null,
    endedAt: pairing.endedAt?.toISOString() ?? null,
    declineReason: pairing.declineReason,
    endFeedback: pairing.endFeedback,
    fitCheck: (pairing.fitCheck as FitCheck | null) ?? null,
    mentor: person(pairing.mentor),
    mentee: person(pairing.mentee),
  };
  const request: MenteeRequestSummary | null = menteeRequest && {
    goals: menteeRequest.goals,
    targetLevel: LEVEL_LABELS[menteeRequest.targetLevel],
    focus: menteeRequest.focus.map((key) => competencyNames.get(key) ?? key),
    preferences: menteeRequest.preferences,
  };
  const meetings = pairing.meetings.map((meeting): MeetingEntry => ({
    id: meeting.id,
    heldOn: meeting.heldOn.toISOString(),
    notes: meeting.notes,
    rating: MEETING_RATING_LABELS[meeting.rating as (typeof MEETING_RATINGS)[number]] ?? String(meeting.rating),
    loggedBy: meeting.loggedBy.name,
  }));
  return { access, today, pairing: details, request, meetings };
}
