import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";

export const TRUSTED_DEVICE_LIFETIME_DAYS = 180;

function digest(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The device behind this cookie token if it has signed in to `userId` before and is still trusted. */
export async function findTrustedDevice(token: string | null, userId: string, now = new Date()): Promise<{ id: string } | null> {
  if (!token) return null;
  const device = await prisma.trustedDevice.findUnique({
    where: { tokenHash: digest(token) },
    select: { id: true, userId: true, expiresAt: true },
  });
  return device && device.userId === userId && device.expiresAt > now ? { id: device.id } : null;
}

/**
 * Remembers the browser that just signed in: renews the device it already is,
 * or trusts a new one and returns the token for its cookie.
 */
export async function trustDevice(
  userId: string,
  existing: { id: string } | null,
  now = new Date(),
): Promise<{ token: string | null; expiresAt: Date }> {
  const expiresAt = new Date(now.getTime() + TRUSTED_DEVICE_LIFETIME_DAYS * 86_400_000);
  if (existing) {
    await prisma.trustedDevice.update({ where: { id: existing.id }, data: { lastUsedAt: now, expiresAt } });
    return { token: null, expiresAt };
  }
  const token = randomBytes(32).toString("base64url");
  await prisma.$transaction(async (tx) => {
    await tx.trustedDevice.deleteMany({ where: { userId, expiresAt: { lte: now } } });
    await tx.trustedDevice.create({ data: { userId, tokenHash: digest(token), lastUsedAt: now, expiresAt } });
  });
  return { token, expiresAt };
}

/** A new password means starting over: no browser keeps its standing. */
export async function forgetTrustedDevices(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  await tx.trustedDevice.deleteMany({ where: { userId } });
}
