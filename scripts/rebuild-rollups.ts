// `npm run rollups:rebuild` recomputes the rollups of graded evidence (per person and competency,
// per person and scenario, per person and day) from the conversations themselves, in one
// transaction. Every write keeps them up to date, so this is for after rows were changed around
// the app (a bulk load, a hand-edited database) or to check them; running it twice changes nothing.
import { rebuildEvidenceRollups } from "../app/models/evidence-rollup.server.ts";
import { prisma } from "../app/utils/db.server.ts";
import { readEnvOrExit } from "../app/utils/env.server.ts";

readEnvOrExit();
const started = performance.now();
await rebuildEvidenceRollups();
const [competencies, scenarios, days] = await Promise.all([
  prisma.competencyRollup.count(),
  prisma.scenarioRollup.count(),
  prisma.practiceDay.count(),
]);
console.log(
  `Rebuilt the evidence rollups in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
    `${competencies} competency rows, ${scenarios} scenario rows, ${days} practice days.`,
);
await prisma.$disconnect();
