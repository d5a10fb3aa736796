// Who may mentor, who sees a pairing, and what each side of a pairing may do at each point of its lifecycle.
import type { FitCheck, PairingStatus } from "~/domain/mentoring.ts";
import { isNewHire } from "~/engine/people/tenure.ts";
import { message } from "~/i18n/message.ts";
import type { Viewer } from "./people.ts";

/** Why a person cannot offer mentoring (a message), or null when they can. */
export function mentorIneligibility(person: { hireDate: Date; deactivatedAt: Date | null }, now: Date): string | null {
  if (person.deactivatedAt) return message("mentoring:access.deactivated");
  if (isNewHire(person.hireDate, now)) return message("mentoring:access.newHire");
  return null;
}

export type PairingSide = "mentor" | "mentee";
export type PairingAccess = PairingSide | "observer";

type PairingSides = { mentor: { id: string; teamId: string | null }; mentee: { id: string; teamId: string | null } };

/** The side of the pairing this person is on, if either. */
export function pairingSide(personId: string, pairing: { mentorId: string; menteeId: string }): PairingSide | null {
  if (pairing.mentorId === personId) return "mentor";
  if (pairing.menteeId === personId) return "mentee";
  return null;
}

/** The pair take part; admins and the leads of either person's team read; anyone else sees nothing. */
export function pairingAccess(viewer: Viewer, pairing: PairingSides): PairingAccess | null {
  const side = pairingSide(viewer.id, { mentorId: pairing.mentor.id, menteeId: pairing.mentee.id });
  if (side) return side;
  if (viewer.role === "admin") return "observer";
  const ledTeam = (teamId: string | null) => teamId !== null && viewer.ledTeamIds.includes(teamId);
  if (viewer.role === "lead" && (ledTeam(pairing.mentee.teamId) || ledTeam(pairing.mentor.teamId))) return "observer";
  return null;
}

/** Why this viewer may read the pairing but not change it, or null when they are one of the pair. */
export function readOnlyReason(access: PairingAccess): string | null {
  return access === "observer" ? message("mentoring:access.readOnly") : null;
}

export const PAIRING_ACTIONS = ["respond", "log-meeting", "answer-fit-check", "end", "find-another"] as const;
export type PairingAction = (typeof PAIRING_ACTIONS)[number];

/** What of a pairing its lifecycle turns on. */
export type PairingState = { status: PairingStatus; meetingCount: number; fitCheck: FitCheck | null };

export type PairingActionVerdict = { status: "allowed" } | { status: "not-yours" } | { status: "not-now"; reason: string };

/** Whose move each action is; observers (leads, admins) read and never act. */
const ACTING_SIDES: Record<PairingAction, readonly PairingSide[]> = {
  respond: ["mentor"],
  "log-meeting": ["mentor", "mentee"],
  "answer-fit-check": ["mentee"],
  end: ["mentor", "mentee"],
  "find-another": ["mentee"],
};

/**
 * The lifecycle. A proposal is the mentor's to accept or decline; the mentee takes it back by
 * withdrawing their mentoring request, so neither side "ends" a pairing that never started. An
 * active pairing logs meetings from either side, takes the mentee's fit check once a meeting is
 * logged, and either side may end it; after a "not a fit" the mentee may end it to find another
 * mentor. Declined and ended pairings are history.
 */
function whyNotNow(pairing: PairingState, action: PairingAction): string | null {
  switch (action) {
    case "respond":
      return pairing.status === "proposed" ? null : message("mentoring:access.alreadyAnswered");
    case "log-meeting":
      return pairing.status === "active" ? null : message("mentoring:access.meetingsWhileActive");
    case "answer-fit-check":
      if (pairing.status !== "active") return message("mentoring:access.fitCheckWhileActive");
      return pairing.meetingCount === 0 ? message("mentoring:access.fitCheckAfterMeeting") : null;
    case "end":
    case "find-another":
      if (pairing.status === "proposed") return message("mentoring:access.notStarted");
      if (pairing.status !== "active") return message("mentoring:access.alreadyEnded");
      if (action === "find-another" && pairing.fitCheck !== "not-a-fit") return message("mentoring:access.findAnotherAfterNotAFit");
      return null;
  }
}

/**
 * Whether the viewer may take this action on the pairing now. "not-yours" (the other side's move, or
 * a viewer outside the pair) is answered like a missing pairing; "not-now" carries the reason to show.
 */
export function decidePairingAction(access: PairingAccess | null, pairing: PairingState, action: PairingAction): PairingActionVerdict {
  if (access === null || access === "observer" || !ACTING_SIDES[action].includes(access)) return { status: "not-yours" };
  const reason = whyNotNow(pairing, action);
  return reason === null ? { status: "allowed" } : { status: "not-now", reason };
}

/** The actions the pairing page offers this viewer now. */
export function pairingActions(access: PairingAccess | null, pairing: PairingState): PairingAction[] {
  return PAIRING_ACTIONS.filter((action) => decidePairingAction(access, pairing, action).status === "allowed");
}
