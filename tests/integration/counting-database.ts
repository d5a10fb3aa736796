import { createCountingPrismaClient } from "../../scripts/lib/counting-prisma.ts";

type DatabaseModule = typeof import("~/utils/db.server.ts");

/**
 * The app's database module with its client swapped for one that records every SQL statement
 * in `statements`. For `vi.mock("~/utils/db.server.ts", …)`, so it happens before any module opens it.
 */
export async function countingDatabase(importOriginal: () => Promise<DatabaseModule>, statements: string[]): Promise<DatabaseModule> {
  return { ...(await importOriginal()), prisma: createCountingPrismaClient(process.env.DATABASE_URL!, statements) };
}
