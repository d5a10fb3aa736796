// Bulk-inserts a large organisation for benchmarks: many teams of agents who
// have finished onboarding, on top of the demo organisation.
import { getCatalog } from "../../app/content/modules.server.ts";
import { hashPassword } from "../../app/utils/auth.server.ts";
import { prisma } from "../../app/utils/db.server.ts";

const DAY_MS = 86_400_000;

export async function seedLargeOrganisation({ teams, agentsPerTeam }: { teams: number; agentsPerTeam: number }) {
  const { modules } = await getCatalog();
  const onboarding = modules.filter((module) => module.frontmatter.track === "onboarding");
  const hash = await hashPassword("frontline-bench");
  const now = Date.now();
  for (let t = 0; t < teams; t++) {
    const lead = await prisma.user.create({
      data: {
        name: `Bench Lead ${t + 1}`,
        email: `bench.lead${t + 1}@frontline.test`,
        role: "lead",
        level: "team-lead",
        hireDate: new Date(now - 1500 * DAY_MS),
        timeZone: "Europe/London",
        workMode: "hybrid",
        password: { create: { hash } },
      },
    });
    const team = await prisma.team.create({ data: { name: `Bench Team ${t + 1}`, leadId: lead.id } });
    const agents = Array.from({ length: agentsPerTeam }, (_, a) => ({
      id: `bench-${t}-${a}`,
      name: `Bench Agent ${t + 1}-${a + 1}`,
      email: `bench.agent${t + 1}.${a + 1}@frontline.test`,
      role: "agent",
      level: a % 3 === 0 ? "agent-2" : "agent-1",
      hireDate: new Date(now - (200 + a * 10) * DAY_MS),
      timeZone: "America/New_York",
      workMode: a % 2 === 0 ? "remote" : "office",
      teamId: team.id,
    }));
    await prisma.user.createMany({ data: agents });
    await prisma.moduleProgress.createMany({
      data: agents.flatMap((agent) =>
        onboarding.map((module, index) => ({
          id: `${agent.id}-${module.slug}`,
          userId: agent.id,
          moduleSlug: module.slug,
          moduleVersion: module.frontmatter.version,
          reachedEndAt: new Date(now - (150 - index) * DAY_MS),
          completedAt: new Date(now - (150 - index) * DAY_MS),
          timeSpentSeconds: module.frontmatter.minutes * 60,
        })),
      ),
    });
    await prisma.quizAttempt.createMany({
      data: agents.flatMap((agent) =>
        onboarding.map((module) => ({
          userId: agent.id,
          progressId: `${agent.id}-${module.slug}`,
          quizId: module.quizzes[0].id,
          answers: "{}",
          correctCount: module.quizzes[0].questions.length,
          questionCount: module.quizzes[0].questions.length,
          scorePercent: 100,
          passed: true,
          submissionKey: `bench-${agent.id}-${module.slug}`,
        })),
      ),
    });
  }
}
