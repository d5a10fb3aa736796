// `npm run seed:large`: the demo organisation plus a large one in DATABASE_URL —
// 40 teams of 25 agents with onboarding history, and a 50-agent team with
// 5,000 graded practice conversations, assignments and 1:1s — to try team
// insights and every list at scale. A database holding more people than the
// demo is refused unless --force, so a real organisation is never padded with
// made-up people by accident; parts already seeded are skipped.
import { migrateDeploy } from "./lib/run.ts";

const LARGE = { teams: 40, agentsPerTeam: 25 };
// prisma/seed.ts: an admin, three leads and 26 agents.
const DEMO_PEOPLE = 30;
const force = process.argv.includes("--force");

const { readEnvOrExit } = await import("../app/utils/env.server.ts");
const env = readEnvOrExit();
process.env.DATABASE_URL = env.DATABASE_URL;
migrateDeploy(env.DATABASE_URL);

const { prisma } = await import("../app/utils/db.server.ts");
const before = await prisma.user.count();
if (before > DEMO_PEOPLE && !force) {
  console.error(
    `${env.DATABASE_URL} already has ${before} people, more than the demo's ${DEMO_PEOPLE}. ` +
      "Refusing to add a made-up organisation to it; run `npm run seed:large -- --force` if that is what you want.",
  );
  await prisma.$disconnect();
  process.exit(1);
}

const { seedDemoOrganisation, DEMO_PASSWORD } = await import("../prisma/seed.ts");
const { seedLargeOrganisation } = await import("./lib/large-organisation.ts");
const { COACHING_TEAM, seedCoachingTeam } = await import("./lib/coaching-team.ts");

if (await seedDemoOrganisation()) console.log("Seeded the demo organisation.");
if (await prisma.team.findUnique({ where: { name: "Bench Team 1" }, select: { id: true } })) {
  console.log("The 40 bench teams are already there; skipped.");
} else {
  await seedLargeOrganisation(LARGE);
  console.log(`Seeded ${LARGE.teams} teams of ${LARGE.agentsPerTeam} agents.`);
}
if (await prisma.team.findUnique({ where: { name: COACHING_TEAM.teamName }, select: { id: true } })) {
  console.log(`${COACHING_TEAM.teamName} is already there; skipped.`);
} else {
  await seedCoachingTeam({ password: DEMO_PASSWORD });
  console.log(`Seeded ${COACHING_TEAM.teamName}: 50 agents with 5,000 graded practice conversations.`);
}
console.log(
  `${await prisma.user.count()} people in ${env.DATABASE_URL}. Sign in as ${COACHING_TEAM.leadEmail} (password ${DEMO_PASSWORD}) ` +
    "and open /coaching/insights to see the big team.",
);
await prisma.$disconnect();
