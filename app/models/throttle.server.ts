import { type FailureCount, type ThrottlePolicy, activeFailures } from "~/engine/security/throttle.ts";
import { prisma } from "~/utils/db.server.ts";

// Longer than any policy remembers a failure.
const FORGET_ALL_AFTER_MS = 24 * 3600 * 1000;

export type ThrottleKey = { key: string; policy: ThrottlePolicy };

/** The counters stored for these keys, by key; a key with no failures is absent. */
export async function readFailureCounts(keys: string[]): Promise<Map<string, FailureCount>> {
  const rows = await prisma.throttleCounter.findMany({
    where: { key: { in: keys } },
    select: { key: true, failures: true, lastFailureAt: true },
  });
  return new Map(rows.map((row) => [row.key, { failures: row.failures, lastFailureAt: row.lastFailureAt }]));
}

/**
 * Adds one failure to each key, starting again from one where the counter had
 * gone quiet. The increment is done by the database, so failures recorded by
 * several processes at once are all counted.
 */
export async function recordFailures(keys: ThrottleKey[], now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    // Counters for made-up accounts would otherwise pile up.
    await tx.throttleCounter.deleteMany({ where: { lastFailureAt: { lt: new Date(now.getTime() - FORGET_ALL_AFTER_MS) } } });
    const existing = await tx.throttleCounter.findMany({ where: { key: { in: keys.map(({ key }) => key) } } });
    for (const { key, policy } of keys) {
      const row = existing.find((candidate) => candidate.key === key);
      if (row && activeFailures(row, policy, now) === 0) {
        await tx.throttleCounter.update({ where: { key }, data: { failures: 1, lastFailureAt: now } });
      } else {
        await tx.throttleCounter.upsert({
          where: { key },
          create: { key, failures: 1, lastFailureAt: now },
          update: { failures: { increment: 1 }, lastFailureAt: now },
        });
      }
    }
  });
}

export async function clearFailures(keys: string[]): Promise<void> {
  await prisma.throttleCounter.deleteMany({ where: { key: { in: keys } } });
}
