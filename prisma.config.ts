import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaConfig } from "prisma";

// Prisma skips .env when a config file exists.
try {
  process.loadEnvFile();
} catch {
  // no .env: the default below applies
}

const DEFAULT_DATABASE_URL = "file:./prisma/data.db";

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const factory = new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL });
    // `migrate dev` replays whole migration files into a shadow database as one
    // statement; better-sqlite3's prepare() accepts only one, so run those as a script.
    const connectToShadowDb = factory.connectToShadowDb.bind(factory);
    factory.connectToShadowDb = async () => {
      const adapter = await connectToShadowDb();
      const executeRaw = adapter.executeRaw.bind(adapter);
      adapter.executeRaw = async (query) => {
        if (query.args.length > 0) return executeRaw(query);
        await adapter.executeScript(query.sql);
        return 0;
      };
      return adapter;
    };
    return factory;
  },
} satisfies PrismaConfig;
