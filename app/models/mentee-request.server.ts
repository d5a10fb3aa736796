import type { Level } from "~/domain/people.ts";
import { message } from "~/i18n/message.ts";
import { prisma } from "~/utils/db.server.ts";
import { StringListColumn } from "~/utils/json-column.ts";
import { notify } from "./notification.server.ts";

type Actor = { id: string; name: string };
type NotFound = { status: "not-found" };
type Done = { status: "ok" };

export type MenteeRequestInput = { goals: string; targetLevel: Level; focus: string[]; preferences: string };

export async function getMenteeRequest(userId: string) {
  const request = await prisma.menteeRequest.findUnique({ where: { menteeId: userId } });
  return request && { ...request, targetLevel: request.targetLevel as Level, focus: StringListColumn.read(request.focus) };
}

/**
 * Saves the request and opens it, so suggestions appear; someone who already has an active mentor
 * only updates what they are working on, and stays out of the matching pool.
 */
export async function saveMenteeRequest(userId: string, input: MenteeRequestInput): Promise<Done> {
  const mentored = await prisma.pairing.count({ where: { menteeId: userId, status: "active" } });
  const data = {
    goals: input.goals,
    targetLevel: input.targetLevel,
    focus: StringListColumn.write(input.focus),
    preferences: input.preferences,
    status: mentored ? "closed" : "open",
  };
  await prisma.menteeRequest.upsert({ where: { menteeId: userId }, create: { menteeId: userId, ...data }, update: data });
  return { status: "ok" };
}

const WITHDRAWN_FEEDBACK = message("mentoring:details.withdrawnFeedback");

/** Closes the request; a request still waiting for a mentor's answer is withdrawn with it. */
export async function withdrawMenteeRequest(actor: Actor, now = new Date()): Promise<Done | NotFound> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.menteeRequest.updateMany({ where: { menteeId: actor.id, status: "open" }, data: { status: "closed" } });
    if (count === 0) return { status: "not-found" };
    const waiting = await tx.pairing.findMany({ where: { menteeId: actor.id, status: "proposed" }, select: { id: true, mentorId: true } });
    for (const pairing of waiting) {
      await tx.pairing.update({ where: { id: pairing.id }, data: { status: "ended", endedAt: now, endFeedback: WITHDRAWN_FEEDBACK } });
      await notify(
        pairing.mentorId,
        {
          kind: "mentoring",
          title: message("mentoring:notification.withdrew", { mentee: actor.name }),
          link: `/mentoring/pairings/${pairing.id}`,
        },
        tx,
      );
    }
    return { status: "ok" };
  });
}
