import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client.ts";
import { hashPassword } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { SETUP_LINK_LIFETIME_DAYS } from "~/utils/user-fields.ts";
import { recordAudit } from "./audit.server.ts";

function digest(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Creates a one-time token for choosing a password and revokes the person's
 * earlier unused ones. Only the digest is stored; the raw token is returned once.
 */
export async function issueSetupToken(tx: Prisma.TransactionClient, userId: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.passwordSetupToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  await tx.passwordSetupToken.create({
    data: {
      userId,
      tokenHash: digest(token),
      expiresAt: new Date(now.getTime() + SETUP_LINK_LIFETIME_DAYS * 86_400_000),
    },
  });
  return token;
}

export function setupUrl(origin: string, token: string): string {
  return `${origin}/set-password/${token}`;
}

async function findUsableToken(db: Prisma.TransactionClient, token: string, now: Date) {
  const row = await db.passwordSetupToken.findUnique({
    where: { tokenHash: digest(token) },
    select: { id: true, usedAt: true, expiresAt: true, user: { select: { id: true, name: true, email: true, deactivatedAt: true } } },
  });
  if (!row || row.usedAt || row.expiresAt <= now || row.user.deactivatedAt) return null;
  return row;
}

/** Who a setup link belongs to, or null when it is unknown, used, expired or the account is deactivated. */
export async function findSetupLinkOwner(token: string, now = new Date()) {
  const row = await findUsableToken(prisma, token, now);
  return row ? { name: row.user.name, email: row.user.email } : null;
}

/** Sets the password and spends the token; null when the link is no longer usable. */
export async function setPasswordWithToken(token: string, password: string, now = new Date()): Promise<string | null> {
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const row = await findUsableToken(tx, token, now);
    if (!row) return null;
    await tx.passwordSetupToken.update({ where: { id: row.id }, data: { usedAt: now } });
    await tx.password.upsert({
      where: { userId: row.user.id },
      create: { userId: row.user.id, hash: passwordHash },
      update: { hash: passwordHash },
    });
    await recordAudit(tx, {
      actorId: row.user.id,
      action: "user.password-set",
      targetType: "user",
      targetId: row.user.id,
      summary: `${row.user.name} set a password with a one-time link`,
    });
    return row.user.id;
  });
}
