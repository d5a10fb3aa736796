import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../app/generated/prisma/client.ts";

/**
 * A Prisma client that records every SQL statement it sends. Prisma's $on("query") log is not
 * available with a driver adapter, and a client extension's $allOperations counts operations, not
 * statements: one findMany with a nested select runs two or more. So the count is taken one level
 * lower, at the better-sqlite3 driver adapter, where every statement passes through queryRaw or
 * executeRaw. Used by the statement-budget tests and `npm run bench`.
 */
export function createCountingPrismaClient(url: string, statements: string[]): PrismaClient {
  const factory = new PrismaBetterSQLite3({ url, timeout: 5000 });
  const counting = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, key) {
        const value = Reflect.get(object, key) as unknown;
        if (typeof value !== "function") return value;
        if (key === "queryRaw" || key === "executeRaw") {
          return (query: { sql: string }) => {
            statements.push(query.sql);
            return value.call(object, query);
          };
        }
        if (key === "startTransaction") return async (...args: unknown[]) => counting(await value.apply(object, args));
        return value.bind(object);
      },
    });
  const adapter = { provider: factory.provider, adapterName: factory.adapterName, connect: async () => counting(await factory.connect()) };
  return new PrismaClient({ adapter: adapter as unknown as typeof factory });
}
