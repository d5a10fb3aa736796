import { prisma } from "~/utils/db.server.ts";

export type DatabaseHealth = "ok" | "cannot-write" | "unreachable";

/**
 * Whether the database can be written, not merely read: a full disk leaves
 * reads working while every save fails, and a load balancer should hear that.
 */
export async function checkDatabase(now = new Date()): Promise<DatabaseHealth> {
  try {
    await prisma.healthProbe.upsert({ where: { id: 1 }, create: { id: 1, checkedAt: now }, update: { checkedAt: now } });
    return "ok";
  } catch {
    try {
      await prisma.healthProbe.count();
      return "cannot-write";
    } catch {
      return "unreachable";
    }
  }
}
