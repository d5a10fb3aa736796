import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { env } from "./env.server.ts";

const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens the database and applies the pragmas every connection needs: WAL so
 * readers are not blocked by the writer, foreign keys (off by default in
 * SQLite), and a busy timeout so a second writer waits instead of failing.
 * The adapter holds a single connection and runs statements in call order, so
 * the pragmas land before any query a caller issues afterwards.
 */
export function createPrismaClient(url: string): PrismaClient {
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS }) });
  void client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  void client.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  return client;
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

// One client per process, kept across development rebuilds.
export const prisma: PrismaClient = (globalForPrisma.prisma ??= createPrismaClient(env().DATABASE_URL));
