import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { data } from "@remix-run/node";
import Database from "better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { databaseFile, env } from "./env.server.ts";

const BUSY_TIMEOUT_MS = 5000;

/**
 * Switches the file to WAL (readers are not blocked by the writer). The mode is
 * stored in the database file itself, so it is set once, synchronously, before
 * Prisma opens its connection. Foreign keys need no pragma: better-sqlite3
 * enables them on every connection it opens.
 */
function useWriteAheadLog(url: string): void {
  const db = new Database(databaseFile(url), { timeout: BUSY_TIMEOUT_MS });
  try {
    if (db.pragma("journal_mode", { simple: true }) !== "wal") db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/**
 * When COMMIT fails (a full disk, an I/O error) Prisma's ROLLBACK fails too and
 * the adapter is never told the transaction is over, so it keeps its lock and
 * every later transaction waits forever. This ends such a transaction on the
 * spot: roll back whatever SQLite kept open, release the lock once, and treat
 * Prisma's late ROLLBACK as done (running it then could undo the next
 * transaction), so writes succeed again as soon as space is back.
 */
function endTransactionWhenCommitFails(adapter: Adapter): Adapter {
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const transaction: Transaction = await startTransaction(isolationLevel);
    const [executeRaw, commit, rollback] = [transaction.executeRaw, transaction.commit, transaction.rollback].map((method) =>
      method.bind(transaction),
    ) as [Transaction["executeRaw"], Transaction["commit"], Transaction["rollback"]];
    let open = true;
    const end = async (release: () => Promise<void>) => {
      if (!open) return;
      open = false;
      await release();
    };
    transaction.commit = () => end(commit);
    transaction.rollback = () => end(rollback);
    transaction.executeRaw = async (query) => {
      if (!open && query.sql === "ROLLBACK") return 0;
      try {
        return await executeRaw(query);
      } catch (error) {
        if (query.sql === "COMMIT" || query.sql === "ROLLBACK") {
          try {
            await adapter.executeScript("ROLLBACK");
          } catch {
            // SQLite had rolled back by itself already.
          }
          await end(rollback);
        }
        throw error;
      }
    };
    return transaction;
  };
  return adapter;
}

const PREPARED_STATEMENTS_KEPT = 500;

/**
 * Prisma's adapter prepares every statement afresh, and SQLite's parsing and
 * planning was about a tenth of a page's server time. Prisma's SQL text
 * repeats (values are bound, never inlined), so the connection keeps the
 * statements it prepared, least recently used first out, and each use binds
 * its own values. better-sqlite3 runs a statement to completion before
 * returning, so one statement is never in use twice at once.
 */
function reusePreparedStatements(db: Database.Database): void {
  const prepare = db.prepare.bind(db);
  const kept = new Map<string, Database.Statement>();
  const statementFor = (sql: string) => {
    let statement = kept.get(sql);
    if (statement) kept.delete(sql);
    else statement = prepare(sql);
    kept.set(sql, statement);
    if (kept.size > PREPARED_STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
    return statement;
  };
  // Only what the adapter calls: prepare(sql).bind(values) then reader, columns(), raw().all() or run().
  // The driver's own methods, bound, so a CPU profile still charges SQLite's work to the adapter.
  const withValues = (statement: Database.Statement, values: unknown[]) => ({
    reader: statement.reader,
    columns: statement.columns.bind(statement),
    raw: () => ({ all: statement.raw(true).all.bind(statement, values) }),
    run: statement.run.bind(statement, values),
  });
  db.prepare = ((sql: string) => {
    const statement = statementFor(sql);
    return { ...withValues(statement, []), bind: (values: unknown[]) => withValues(statement, values) };
  }) as unknown as typeof db.prepare;
}

/**
 * The adapter opens interactive transactions with a deferred BEGIN, which in
 * WAL mode takes a read snapshot first: when another process commits before
 * the transaction's first write, that write fails with SQLITE_BUSY at once,
 * without waiting. BEGIN IMMEDIATE takes the write lock up front and waits
 * for it within the busy timeout. Within one process the adapter already runs
 * transactions one at a time, so this only orders writers across processes.
 */
function takeWriteLockAtBegin(db: Database.Database): void {
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as typeof db.prepare;
}

// The driver's connection under the app's client, once Prisma has opened it.
let openConnection: Database.Database | undefined;

function sqliteAdapter(url: string): PrismaBetterSQLite3 {
  const factory = new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const db = (adapter as unknown as { client?: unknown }).client;
    if (db instanceof Database) {
      reusePreparedStatements(db);
      takeWriteLockAtBegin(db);
      openConnection = db;
    }
    return endTransactionWhenCommitFails(adapter);
  };
  return factory;
}

/**
 * A number that changes whenever another connection (another server process on the same file, a
 * command) has committed since it was last read; this process's own writes leave it alone. It is
 * SQLite's data_version, read without a query, so a cache can check it on every use. 0 until the
 * first query opens the connection.
 */
export function othersWriteVersion(): number {
  return openConnection?.open ? (openConnection.pragma("data_version", { simple: true }) as number) : 0;
}

// SQLite result codes (possibly extended, e.g. SQLITE_IOERR_WRITE) and their
// messages meaning the file can't be written now; anything else is a bug and
// stays a 500. When the COMMIT of a single-statement write fails, Prisma
// reports only that it could not roll back a "committed" transaction: a failed
// COMMIT is a storage failure too.
const STORAGE_UNAVAILABLE =
  /\bSQLITE_(FULL|IOERR|READONLY|CANTOPEN|BUSY|LOCKED|NOMEM)\w*|database or disk is full|disk I\/O error|attempt to write a readonly database|database is locked|cannot be executed on a committed transaction/;

/** True when the error says the database file can't be written right now. */
export function isStorageUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const { message, code, cause } = current as { message?: unknown; code?: unknown; cause?: unknown };
    if ([message, code].some((text) => typeof text === "string" && STORAGE_UNAVAILABLE.test(text))) return true;
    current = cause;
  }
  return false;
}

export const STORAGE_UNAVAILABLE_MESSAGE =
  "Frontline can't save changes at the moment because its storage is full or unavailable. Nothing was changed. Try again in a few minutes; if it keeps happening, tell your admin.";

/** A storage failure becomes a 503 with a message a person can act on; other errors pass unchanged. */
function asStorageUnavailable(error: unknown): unknown {
  return isStorageUnavailable(error) ? data({ message: STORAGE_UNAVAILABLE_MESSAGE }, { status: 503 }) : error;
}

/**
 * Every query and transaction answers a storage failure with a thrown 503
 * response, which the route's error boundary shows; the client's type is
 * unchanged because only failures differ.
 */
function failFastOnStorageErrors(client: PrismaClient): PrismaClient {
  const extended = client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw asStorageUnavailable(error);
        }
      },
    },
  });
  const transaction = extended.$transaction.bind(extended) as PrismaClient["$transaction"];
  return new Proxy(extended, {
    get(target, property, receiver) {
      if (property !== "$transaction") return Reflect.get(target, property, receiver);
      return (...args: Parameters<PrismaClient["$transaction"]>) =>
        (transaction as (...a: typeof args) => Promise<unknown>)(...args).catch((error: unknown) => {
          throw asStorageUnavailable(error);
        });
    },
  }) as unknown as PrismaClient;
}

/** A Prisma client on the SQLite file at `url`, waiting up to 5 s for a busy writer. */
export function createPrismaClient(url: string): PrismaClient {
  useWriteAheadLog(url);
  return failFastOnStorageErrors(new PrismaClient({ adapter: sqliteAdapter(url) }));
}

// $queryRaw answers a date as it is stored (text or epoch milliseconds), a boolean as 0/1 and an
// integer as a bigint; a model reading raw rows turns them back with these.
export const rawDate = (value: Date | string): Date => new Date(value);

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

// One client per process, kept across development rebuilds.
export const prisma: PrismaClient = (globalForPrisma.prisma ??= createPrismaClient(env().DATABASE_URL));

/** Closes the connection at shutdown; SQLite folds the write-ahead log back into the database as the last connection closes. */
export async function closeDatabase(): Promise<void> {
  await prisma.$disconnect();
}
