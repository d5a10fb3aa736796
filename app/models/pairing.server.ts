import { OPEN_PAIRING_STATUSES, type FitCheck, type PairingStatus } from "~/domain/mentoring.ts";
import { PAIRINGS_PAGE_SIZE } from "~/domain/pages.ts";
import type { Level } from "~/domain/people.ts";
import { decidePairingAction, pairingAccess, pairingSide, type PairingAction } from "~/engine/access/mentoring.ts";
import type { Viewer } from "~/engine/access/people.ts";
import { scorePoolChoice } from "~/engine/matching/rules.ts";
import type { PairScore } from "~/engine/matching/types.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { message } from "~/i18n/message.ts";
import { prisma } from "~/utils/db.server.ts";
import { StringListColumn } from "~/utils/json-column.ts";
import { paginate } from "~/utils/paginate.server.ts";
import { recordAudit } from "./audit.server.ts";
import { loadMatchingPool, type MeasureContent } from "./matching-pool.server.ts";
import { openPairingCount } from "./mentor-profile.server.ts";
import { notify } from "./notification.server.ts";

type Actor = { id: string; name: string };
type Refused = { status: "refused"; reason: string; field?: string };
type NotFound = { status: "not-found" };
type Done = { status: "ok" };

/**
 * Checks a requested pair against the current data: the mentee has an open request, the mentor is
 * active with a place free, and neither is the other's lead or already paired. Returns the score.
 */
async function checkPair(
  menteeId: string,
  mentorId: string,
  content: MeasureContent,
  now: Date,
): Promise<{ status: "ok"; score: PairScore } | Refused> {
  if (menteeId === mentorId) return { status: "refused", reason: message("mentoring:refusal.ownMentor") };
  const pool = await loadMatchingPool(content, { menteeIds: [menteeId] });
  if (pool.mentees.length === 0) return { status: "refused", reason: message("mentoring:refusal.noRequest") };
  const [choice] = scorePoolChoice(pool, [{ menteeId, mentorId }], now, pool.competencyName);
  if (!choice!.score) return { status: "refused", reason: message("mentoring:refusal.notTaking") };
  if (choice!.problem) return { status: "refused", reason: choice!.problem };
  return { status: "ok", score: choice!.score };
}

export async function requestMentor(
  actor: Actor,
  input: { mentorId: string; message: string },
  content: MeasureContent,
  now = new Date(),
): Promise<(Done & { pairingId: string }) | Refused> {
  const open = await prisma.pairing.findFirst({
    where: { menteeId: actor.id, status: { in: [...OPEN_PAIRING_STATUSES] } },
    select: { status: true, mentor: { select: { name: true } } },
  });
  if (open) {
    const reason =
      open.status === "active"
        ? message("mentoring:refusal.alreadyMentored", { mentor: open.mentor.name })
        : message("mentoring:refusal.stillWaiting", { mentor: open.mentor.name });
    return { status: "refused", reason };
  }
  const checked = await checkPair(actor.id, input.mentorId, content, now);
  if (checked.status !== "ok") return checked;
  return withPlacesHeld(async (tx) => {
    await holdPlace(tx, input.mentorId, actor.id);
    const created = await tx.pairing.create({
      data: {
        mentorId: input.mentorId,
        menteeId: actor.id,
        source: "request",
        message: input.message,
        score: checked.score.total,
        createdAt: now,
      },
      select: { id: true },
    });
    await notify(
      input.mentorId,
      {
        kind: "mentoring",
        title: message("mentoring:notification.asked", { mentee: actor.name }),
        link: `/mentoring/pairings/${created.id}`,
      },
      tx,
    );
    return { status: "ok", pairingId: created.id };
  });
}

/** Another request or publication took the place between the check and the write. */
class PlaceTaken extends Error {}

/**
 * Re-checks, inside the writing transaction, that the mentor still has a place and the mentee
 * has no open pairing: the checks before it read outside the transaction, and two requests (or a
 * request and a pool publication) can race for the last place.
 */
async function holdPlace(tx: Prisma.TransactionClient, mentorId: string, menteeId: string): Promise<void> {
  const [profile, taken, menteeOpen] = await Promise.all([
    tx.mentorProfile.findUnique({
      where: { userId: mentorId },
      select: { capacity: true, active: true, user: { select: { name: true } } },
    }),
    openPairingCount(tx, mentorId),
    tx.pairing.count({ where: { menteeId, status: { in: [...OPEN_PAIRING_STATUSES] } } }),
  ]);
  if (!profile?.active) throw new PlaceTaken(message("mentoring:refusal.notTaking"));
  if (taken >= profile.capacity) throw new PlaceTaken(message("mentoring:refusal.lastPlace", { mentor: profile.user.name }));
  if (menteeOpen > 0) throw new PlaceTaken(message("mentoring:refusal.menteeJustProposed"));
}

async function withPlacesHeld<Result>(write: (tx: Prisma.TransactionClient) => Promise<Result>): Promise<Result | Refused> {
  try {
    return await prisma.$transaction(write);
  } catch (error) {
    if (error instanceof PlaceTaken) return { status: "refused", reason: error.message };
    throw error;
  }
}

const pairingSelect = {
  id: true,
  status: true,
  source: true,
  message: true,
  score: true,
  fitCheck: true,
  fitCheckedAt: true,
  declineReason: true,
  acceptedAt: true,
  endedAt: true,
  endFeedback: true,
  createdAt: true,
  mentor: { select: { id: true, name: true, level: true, teamId: true, timeZone: true } },
  mentee: { select: { id: true, name: true, level: true, teamId: true, timeZone: true } },
  meetings: {
    orderBy: { heldOn: "desc" },
    select: { id: true, heldOn: true, notes: true, rating: true, loggedBy: { select: { name: true } } },
  },
} satisfies Prisma.PairingSelect;

export type PairingView = Prisma.PairingGetPayload<{ select: typeof pairingSelect }>;

/**
 * One pairing with what the mentee asked for, when the viewer may see it: the pair themselves,
 * admins, and leads of either person's team. Anyone else gets null, as for an id that doesn't exist.
 */
export async function getPairingFor(viewer: Viewer, id: string) {
  const pairing = await prisma.pairing.findUnique({
    where: { id },
    select: {
      ...pairingSelect,
      mentee: {
        select: {
          ...pairingSelect.mentee.select,
          menteeRequest: { select: { goals: true, targetLevel: true, focus: true, preferences: true } },
        },
      },
    },
  });
  const access = pairing && pairingAccess(viewer, pairing);
  if (!pairing || !access) return null;
  const { menteeRequest, ...mentee } = pairing.mentee;
  const request = menteeRequest && {
    ...menteeRequest,
    targetLevel: menteeRequest.targetLevel as Level,
    focus: StringListColumn.read(menteeRequest.focus),
  };
  return { access, pairing: { ...pairing, mentee }, request };
}

const STATUS_ORDER: Record<string, number> = { proposed: 0, active: 1 };

/** Proposals waiting for an answer first, then active pairings, then the history; newest first within each. */
function proposedFirst<Row extends { status: string }>(rows: Row[]): Row[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => (STATUS_ORDER[a.row.status] ?? 2) - (STATUS_ORDER[b.row.status] ?? 2) || a.index - b.index)
    .map(({ row }) => row);
}

/** A person's pairings as mentor and as mentee, proposed ones first. */
export async function listPairingsOf(userId: string) {
  const pairings = proposedFirst(
    await prisma.pairing.findMany({
      where: { OR: [{ mentorId: userId }, { menteeId: userId }] },
      orderBy: { createdAt: "desc" },
      select: pairingSelect,
    }),
  );
  return {
    asMentor: pairings.filter((pairing) => pairing.mentor.id === userId),
    asMentee: pairings.filter((pairing) => pairing.mentee.id === userId),
  };
}

/** Pairings in which a mentor or a mentee belongs to one of the teams, proposed ones first. */
export async function listTeamPairings(teamIds: string[]) {
  return proposedFirst(
    await prisma.pairing.findMany({
      where: {
        status: { in: ["proposed", "active", "ended"] },
        OR: [{ mentee: { teamId: { in: teamIds } } }, { mentor: { teamId: { in: teamIds } } }],
      },
      orderBy: { createdAt: "desc" },
      select: pairingSelect,
    }),
  );
}

/** Proposals waiting for this mentor's answer. */
export async function countProposalsAwaiting(mentorId: string): Promise<number> {
  return prisma.pairing.count({ where: { mentorId, status: "proposed" } });
}

/** Every proposed and active pairing in the organisation, proposals first, a page at a time. */
export async function listOpenPairings(page: number) {
  const where = { status: { in: [...OPEN_PAIRING_STATUSES] } };
  const { total, rows: pairings } = await paginate(
    page,
    PAIRINGS_PAGE_SIZE,
    () => prisma.pairing.count({ where }),
    (window) => prisma.pairing.findMany({ where, orderBy: [{ status: "desc" }, { createdAt: "desc" }], ...window, select: pairingSelect }),
  );
  return { total, pairings };
}

/**
 * Loads the pairing inside the writing transaction and asks the pairing lifecycle whether the actor
 * may take this action now. The other side's move, like a stranger's, is answered as a missing pairing.
 */
async function pairingForAction(
  tx: Prisma.TransactionClient,
  pairingId: string,
  actorId: string,
  action: PairingAction,
): Promise<{ status: "ok"; pairing: { id: string; mentorId: string; menteeId: string } } | Refused | NotFound> {
  const pairing = await tx.pairing.findUnique({
    where: { id: pairingId },
    select: { id: true, status: true, fitCheck: true, mentorId: true, menteeId: true, _count: { select: { meetings: true } } },
  });
  if (!pairing) return { status: "not-found" };
  const state = {
    status: pairing.status as PairingStatus,
    meetingCount: pairing._count.meetings,
    fitCheck: pairing.fitCheck as FitCheck | null,
  };
  const verdict = decidePairingAction(pairingSide(actorId, pairing), state, action);
  if (verdict.status === "not-yours") return { status: "not-found" };
  if (verdict.status === "not-now") return { status: "refused", reason: verdict.reason };
  return { status: "ok", pairing };
}

/** The mentor accepts or declines a proposal; an accepted pairing closes the mentee's request. */
export async function respondToProposal(
  actor: Actor,
  input: { pairingId: string; accept: boolean; reason: string },
  now = new Date(),
): Promise<Done | Refused | NotFound> {
  return prisma.$transaction(async (tx) => {
    const found = await pairingForAction(tx, input.pairingId, actor.id, "respond");
    if (found.status !== "ok") return found;
    const { pairing } = found;
    if (input.accept) {
      await tx.pairing.update({ where: { id: pairing.id }, data: { status: "active", acceptedAt: now } });
      await tx.menteeRequest.updateMany({ where: { menteeId: pairing.menteeId }, data: { status: "closed" } });
    } else {
      await tx.pairing.update({ where: { id: pairing.id }, data: { status: "declined", declineReason: input.reason, endedAt: now } });
    }
    await notify(
      pairing.menteeId,
      {
        kind: "mentoring",
        title: input.accept
          ? message("mentoring:notification.accepted", { mentor: actor.name })
          : message("mentoring:notification.declined", { mentor: actor.name }),
        link: input.accept ? `/mentoring/pairings/${pairing.id}` : "/mentoring",
      },
      tx,
    );
    return { status: "ok" };
  });
}

export async function logMeeting(
  actor: Actor,
  input: { pairingId: string; heldOn: Date; notes: string; rating: number },
): Promise<Done | Refused | NotFound> {
  return prisma.$transaction(async (tx) => {
    const found = await pairingForAction(tx, input.pairingId, actor.id, "log-meeting");
    if (found.status !== "ok") return found;
    await tx.pairingMeeting.create({
      data: { pairingId: found.pairing.id, heldOn: input.heldOn, notes: input.notes, rating: input.rating, loggedById: actor.id },
    });
    return { status: "ok" };
  });
}

/** The mentee's answer after the first meeting. */
export async function answerFitCheck(
  actor: Actor,
  input: { pairingId: string; fit: FitCheck },
  now = new Date(),
): Promise<Done | Refused | NotFound> {
  return prisma.$transaction(async (tx) => {
    const found = await pairingForAction(tx, input.pairingId, actor.id, "answer-fit-check");
    if (found.status !== "ok") return found;
    await tx.pairing.update({ where: { id: found.pairing.id }, data: { fitCheck: input.fit, fitCheckedAt: now } });
    return { status: "ok" };
  });
}

/**
 * Either side ends an active pairing with feedback. `findAnother` (the mentee's re-pair after a
 * "not a fit") reopens their request so new suggestions appear straight away.
 */
export async function endPairing(
  actor: Actor,
  input: { pairingId: string; feedback: string; findAnother: boolean },
  now = new Date(),
): Promise<Done | Refused | NotFound> {
  return prisma.$transaction(async (tx) => {
    const found = await pairingForAction(tx, input.pairingId, actor.id, input.findAnother ? "find-another" : "end");
    if (found.status !== "ok") return found;
    const { pairing } = found;
    await tx.pairing.update({ where: { id: pairing.id }, data: { status: "ended", endedAt: now, endFeedback: input.feedback } });
    if (input.findAnother) {
      await tx.menteeRequest.updateMany({ where: { menteeId: actor.id }, data: { status: "open" } });
    }
    const otherId = pairing.mentorId === actor.id ? pairing.menteeId : pairing.mentorId;
    await notify(
      otherId,
      {
        kind: "mentoring",
        title: message("mentoring:notification.ended", { name: actor.name }),
        link: `/mentoring/pairings/${pairing.id}`,
      },
      tx,
    );
    return { status: "ok" };
  });
}

/** Publishes a checked pool choice as proposed pairings and tells both sides of every pair. */
export async function publishPool(
  actor: Actor,
  choices: { menteeId: string; mentorId: string | null }[],
  content: MeasureContent,
  now = new Date(),
): Promise<(Done & { published: number }) | Refused> {
  const pool = await loadMatchingPool(content, { unpairedOnly: true });
  const scored = scorePoolChoice(pool, choices, now, pool.competencyName);
  const problem = scored.find((entry) => entry.problem);
  if (problem) return { status: "refused", reason: problem.problem! };
  const pairs = scored.filter((entry) => entry.mentorId && entry.score);
  if (pairs.length === 0) return { status: "refused", reason: message("mentoring:refusal.noPairs") };
  const names = new Map([...pool.mentees, ...pool.mentors].map((person) => [person.id, person.name ?? ""]));
  return withPlacesHeld(async (tx) => {
    const pairingIds: string[] = [];
    for (const pair of pairs) {
      await holdPlace(tx, pair.mentorId!, pair.menteeId);
      const pairing = await tx.pairing.create({
        data: {
          menteeId: pair.menteeId,
          mentorId: pair.mentorId!,
          source: "pool",
          message: message("mentoring:details.poolMessage"),
          score: pair.score!.total,
          createdAt: now,
        },
        select: { id: true },
      });
      pairingIds.push(pairing.id);
      const link = `/mentoring/pairings/${pairing.id}`;
      await notify(
        pair.mentorId!,
        {
          kind: "mentoring",
          title: message("mentoring:notification.matchedMentor", { mentee: names.get(pair.menteeId) ?? "" }),
          link,
        },
        tx,
      );
      await notify(
        pair.menteeId,
        {
          kind: "mentoring",
          title: message("mentoring:notification.matchedMentee", { mentor: names.get(pair.mentorId!) ?? "" }),
          link,
        },
        tx,
      );
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "mentoring.pool-published",
      targetType: "pairing",
      targetId: pairingIds[0]!,
      summary: message("admin:audit.summary.mentoringPoolPublished", { count: pairs.length }),
      details: { pairingIds, pairs: pairs.map((pair) => ({ menteeId: pair.menteeId, mentorId: pair.mentorId, score: pair.score!.total })) },
    });
    return { status: "ok" as const, published: pairs.length };
  });
}
