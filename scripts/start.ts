// `npm start`: build if needed, migrate, seed an empty database, then serve.
import { bin, buildIsStale, migrateDeploy, run } from "./lib/run.ts";

process.env.NODE_ENV ??= "production";

const { readEnvOrExit } = await import("../app/utils/env.server.ts");
const env = readEnvOrExit();
process.env.DATABASE_URL = env.DATABASE_URL;

if (buildIsStale()) run("npm", ["run", "build"]);
migrateDeploy(env.DATABASE_URL);
run(bin("tsx"), ["prisma/seed.ts"]);
await import("../server/index.ts");
