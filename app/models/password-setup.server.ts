import { createHash, randomBytes } from "node:crypto";
import { SETUP_LINK_LIFETIME_DAYS } from "~/domain/people.ts";
import { secondsToWait, THROTTLE_POLICIES } from "~/engine/security/throttle.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { message } from "~/i18n/message.ts";
import { hashPassword } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "./audit.server.ts";
import { readFailureCounts, recordFailures } from "./throttle.server.ts";
import { forgetTrustedDevices } from "./trusted-device.server.ts";

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

export type SetPasswordResult =
  { status: "set"; userId: string } | { status: "unusable" } | { status: "throttled"; retryAfterSeconds: number };

/**
 * Sets the password and spends the token, ending every session and forgetting
 * every trusted browser the person had. The token is checked before the
 * (deliberately slow) hash, and links that don't work slow down further tries
 * from the same address.
 */
export async function setPasswordWithToken(
  token: string,
  password: string,
  clientAddress: string,
  now = new Date(),
): Promise<SetPasswordResult> {
  const addressKey = `setup-link:address:${clientAddress}`;
  const wait = secondsToWait((await readFailureCounts([addressKey])).get(addressKey), THROTTLE_POLICIES.setupLinkAddress, now);
  if (wait > 0) return { status: "throttled", retryAfterSeconds: wait };
  if (!(await findUsableToken(prisma, token, now))) {
    await recordFailures([{ key: addressKey, policy: THROTTLE_POLICIES.setupLinkAddress }], now);
    return { status: "unusable" };
  }
  const passwordHash = await hashPassword(password);
  const userId = await prisma.$transaction(async (tx) => {
    // Checked again inside the write: two submissions of one link set one password.
    const row = await findUsableToken(tx, token, now);
    if (!row) return null;
    await tx.passwordSetupToken.update({ where: { id: row.id }, data: { usedAt: now } });
    await tx.password.upsert({
      where: { userId: row.user.id },
      create: { userId: row.user.id, hash: passwordHash },
      update: { hash: passwordHash },
    });
    await tx.session.deleteMany({ where: { userId: row.user.id } });
    await forgetTrustedDevices(tx, row.user.id);
    await recordAudit(tx, {
      actorId: row.user.id,
      action: "user.password-set",
      targetType: "user",
      targetId: row.user.id,
      summary: message("admin:audit.summary.userPasswordSet", { name: row.user.name }),
    });
    return row.user.id;
  });
  return userId ? { status: "set", userId } : { status: "unusable" };
}
