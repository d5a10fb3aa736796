import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { env } from "./env.server.ts";

const BUSY_TIMEOUT_MS = 5000;

/**
 * Switches the file to WAL (readers are not blocked by the writer). The mode is
 * stored in the database file itself, so it is set once, synchronously, before
 * Prisma opens its connection. Foreign keys need no pragma: better-sqlite3
 * enables them on every connection it opens.
 */
function useWriteAheadLog(url: string): void {
  const file = url.replace(/^file:/, "");
  if (file === ":memory:") return;
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}

/** A Prisma client on the SQLite file at `url`, waiting up to 5 s for a busy writer. */
export function createPrismaClient(url: string): PrismaClient {
  useWriteAheadLog(url);
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS }) });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

// One client per process, kept across development rebuilds.
export const prisma: PrismaClient = (globalForPrisma.prisma ??= createPrismaClient(env().DATABASE_URL));
