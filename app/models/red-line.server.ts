// The organisation's red-line phrases: kept by admins, read by every grade and by the reply box's warning.
import type { RedLine, RedLineKind } from "~/engine/grading/red-lines.ts";
import { scriptVariants } from "~/engine/language/chinese.ts";
import { Prisma } from "~/generated/prisma/client.ts";
import { message } from "~/i18n/message.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "./audit.server.ts";

/** Every red line, with the forms it may be written in; Chinese phrases match in either script. */
export async function listRedLines(): Promise<RedLine[]> {
  const rows = await prisma.redLinePhrase.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((row) => ({
    id: row.id,
    phrase: row.phrase,
    kind: row.kind as RedLineKind,
    reason: row.reason,
    variants: scriptVariants(row.phrase).map((variant) => variant.toLowerCase()),
  }));
}

export type RedLineResult = { status: "ok" } | { status: "duplicate" } | { status: "not-found" };

export async function addRedLine(adminId: string, input: { phrase: string; kind: RedLineKind; reason: string }): Promise<RedLineResult> {
  try {
    await prisma.$transaction(async (tx) => {
      const row = await tx.redLinePhrase.create({ data: input, select: { id: true } });
      await recordAudit(tx, {
        actorId: adminId,
        action: "grader.red-line-added",
        targetType: "grader",
        targetId: row.id,
        summary: message("admin:audit.summary.redLineAdded", { phrase: input.phrase }),
        details: input,
      });
    });
    return { status: "ok" };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { status: "duplicate" };
    throw error;
  }
}

export async function removeRedLine(adminId: string, id: string): Promise<RedLineResult> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.redLinePhrase.findUnique({ where: { id } });
    if (!row) return { status: "not-found" };
    await tx.redLinePhrase.delete({ where: { id } });
    await recordAudit(tx, {
      actorId: adminId,
      action: "grader.red-line-removed",
      targetType: "grader",
      targetId: id,
      summary: message("admin:audit.summary.redLineRemoved", { phrase: row.phrase }),
      details: { phrase: row.phrase, kind: row.kind },
    });
    return { status: "ok" };
  });
}
