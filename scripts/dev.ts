// `npm run dev`: migrate and seed the development database, then rebuild and
// restart on every change.
import { bin, migrateDeploy, run } from "./lib/run.ts";

process.env.NODE_ENV = "development";
process.env.DATABASE_URL ??= "file:./prisma/data.db";

migrateDeploy(process.env.DATABASE_URL);
run(bin("tsx"), ["prisma/seed.ts"]);
run(bin("remix"), ["dev", "--manual", "-c", `${bin("tsx")} watch --clear-screen=false server/index.ts`]);
