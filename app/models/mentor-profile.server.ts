import { OPEN_PAIRING_STATUSES } from "~/domain/mentoring.ts";
import type { WorkMode } from "~/domain/people.ts";
import { mentorIneligibility } from "~/engine/access/mentoring.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { message } from "~/i18n/message.ts";
import { prisma } from "~/utils/db.server.ts";
import { StringListColumn } from "~/utils/json-column.ts";

type Refused = { status: "refused"; reason: string; field?: string };
type NotFound = { status: "not-found" };
type Done = { status: "ok" };

export type MentorProfileInput = {
  capacity: number;
  strengths: string[];
  bio: string;
  languages: string[];
  availability: string;
  timeZone: string;
  workMode: WorkMode;
};

/** What the mentoring pages need to know about the person themself. */
export async function getMentoringPerson(userId: string) {
  return prisma.user.findUnique({ where: { id: userId }, select: { hireDate: true, deactivatedAt: true, timeZone: true, workMode: true } });
}

export async function getMentorProfile(userId: string) {
  const [profile, placesTaken] = await Promise.all([
    prisma.mentorProfile.findUnique({ where: { userId } }),
    openPairingCount(prisma, userId),
  ]);
  return (
    profile && {
      ...profile,
      strengths: StringListColumn.read(profile.strengths),
      languages: StringListColumn.read(profile.languages),
      placesTaken,
    }
  );
}

/** Mentees holding one of the mentor's places: active pairings and proposals still to answer. */
export function openPairingCount(client: Prisma.TransactionClient | typeof prisma, mentorId: string) {
  return client.pairing.count({ where: { mentorId, status: { in: [...OPEN_PAIRING_STATUSES] } } });
}

/**
 * Creates or updates the mentor profile (opting in); the time zone and work mode are the person's
 * own. Editing a paused profile leaves it paused: resuming is its own, deliberate step.
 */
export async function saveMentorProfile(userId: string, input: MentorProfileInput, now = new Date()): Promise<Done | Refused> {
  return prisma.$transaction(async (tx) => {
    const person = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { hireDate: true, deactivatedAt: true } });
    const ineligible = mentorIneligibility(person, now);
    if (ineligible) return { status: "refused", reason: ineligible };
    const taken = await openPairingCount(tx, userId);
    if (input.capacity < taken) {
      return {
        status: "refused",
        field: "capacity",
        reason: message("mentoring:refusal.capacityBelowTaken", { taken }),
      };
    }
    const data = {
      capacity: input.capacity,
      strengths: StringListColumn.write(input.strengths),
      bio: input.bio,
      languages: StringListColumn.write(input.languages),
      availability: input.availability,
    };
    await tx.mentorProfile.upsert({ where: { userId }, create: { userId, ...data }, update: data });
    await tx.user.update({ where: { id: userId }, data: { timeZone: input.timeZone, workMode: input.workMode } });
    return { status: "ok" };
  });
}

/** Pausing stops new requests and pool matches; current mentees carry on. */
export async function setMentorActive(userId: string, active: boolean): Promise<Done | NotFound> {
  const { count } = await prisma.mentorProfile.updateMany({ where: { userId }, data: { active } });
  return count === 0 ? { status: "not-found" } : { status: "ok" };
}
