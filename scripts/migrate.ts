// `npm run db:migrate`: applies committed migrations to DATABASE_URL.
import { migrateDeploy } from "./lib/run.ts";

migrateDeploy(process.env.DATABASE_URL ?? "file:./prisma/data.db");
