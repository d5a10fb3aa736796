import { z } from "zod";
import { LEVELS, type Level } from "~/domain/people.ts";
import { DIFFICULTIES, type Difficulty } from "./practice-schemas.ts";
import { SlugSchema } from "./schemas.ts";

/** The career ladder in content/career/ladder.yml (DESIGN.md §8). */

export const CAREER_TRACKS = ["ic", "management"] as const;
export type CareerTrack = (typeof CAREER_TRACKS)[number];
/** Catalog keys of the tracks' names, worded where they are shown. */
export const CAREER_TRACK_LABELS: Record<CareerTrack, `career:track.${CareerTrack}`> = { ic: "career:track.ic", management: "career:track.management" };

const Description = z.string().min(10).max(240);
const LevelKeySchema = z.enum(LEVELS, { errorMap: () => ({ message: `must be one of ${LEVELS.join(", ")}` }) });

export const ModulesRequirementSchema = z
  .object({
    kind: z.literal("modules"),
    slugs: z.array(SlugSchema).min(1, "list at least one module"),
    description: Description,
  })
  .strict();

export const CompetencyRequirementSchema = z
  .object({
    kind: z.literal("competency"),
    competency: SlugSchema,
    /** On the 0–2 scale of graded criteria. */
    minimumAverage: z.number().gt(0, "must be above 0").max(2, "must be at most 2 (the scale is 0–2)"),
    /** How many of the latest graded attempts that assessed the competency are averaged. */
    overLast: z.number().int().min(1).max(20),
    description: Description,
  })
  .strict();

export const ScenariosRequirementSchema = z
  .object({
    kind: z.literal("scenarios"),
    difficulty: z.enum(DIFFICULTIES),
    /** Distinct scenarios of this difficulty passed. */
    count: z.number().int().min(1).max(50),
    description: Description,
  })
  .strict();

export const CoachingSessionsRequirementSchema = z
  .object({ kind: z.literal("coaching-sessions"), count: z.number().int().min(1).max(100), description: Description })
  .strict();

export const MentoringGivenRequirementSchema = z
  .object({ kind: z.literal("mentoring-given"), mentees: z.number().int().min(1).max(50), description: Description })
  .strict();

export const MonthsInRoleRequirementSchema = z
  .object({ kind: z.literal("months-in-role"), months: z.number().int().min(1).max(240), description: Description })
  .strict();

export const LeadSignOffRequirementSchema = z.object({ kind: z.literal("lead-sign-off"), description: Description }).strict();

export const RequirementSchema = z.discriminatedUnion("kind", [
  ModulesRequirementSchema,
  CompetencyRequirementSchema,
  ScenariosRequirementSchema,
  CoachingSessionsRequirementSchema,
  MentoringGivenRequirementSchema,
  MonthsInRoleRequirementSchema,
  LeadSignOffRequirementSchema,
]);
export type Requirement = z.infer<typeof RequirementSchema>;
export type RequirementKind = Requirement["kind"];
export const REQUIREMENT_KINDS = RequirementSchema.options.map((option) => option.shape.kind.value);

export const LadderLevelSchema = z
  .object({
    // Two characters make a Chinese title ("组长").
    title: z.string().min(2).max(60),
    track: z.enum(CAREER_TRACKS),
    summary: z.string().min(20).max(300),
    /** The level(s) this one follows; [] for the entry level. */
    from: z.array(LevelKeySchema),
    requirements: z.array(RequirementSchema),
  })
  .strict();
export type LadderLevel = z.infer<typeof LadderLevelSchema>;
/** A ladder level with its key, as the evaluator takes it. */
export type KeyedLadderLevel = LadderLevel & { key: Level };

export const LadderSchema = z
  .object({
    levels: z
      .object({
        "agent-1": LadderLevelSchema,
        "agent-2": LadderLevelSchema,
        "senior-agent": LadderLevelSchema,
        "team-lead": LadderLevelSchema,
        "support-manager": LadderLevelSchema,
      })
      .strict(),
  })
  .strict()
  .superRefine((ladder, ctx) => {
    const levels = ladder.levels;
    const roots = LEVELS.filter((key) => levels[key].from.length === 0);
    if (roots.length !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["levels"],
        message: `exactly one level must be the entry level (from: []); found ${roots.length}`,
      });
    }
    for (const key of LEVELS) {
      const from = levels[key].from;
      from.forEach((parent, index) => {
        if (parent === key) ctx.addIssue({ code: "custom", path: ["levels", key, "from", index], message: "a level cannot follow itself" });
        if (from.indexOf(parent) !== index)
          ctx.addIssue({ code: "custom", path: ["levels", key, "from", index], message: `duplicate level "${parent}"` });
      });
      // Every level must be reachable from the entry level without a cycle.
      const seen = new Set<Level>([key]);
      let frontier: Level[] = [...from];
      while (frontier.length) {
        const next: Level[] = [];
        for (const parent of frontier) {
          if (parent === key && from.indexOf(key) === -1) {
            ctx.addIssue({
              code: "custom",
              path: ["levels", key, "from"],
              message: `levels must not form a cycle ("${key}" leads back to itself)`,
            });
            return;
          }
          if (seen.has(parent)) continue;
          seen.add(parent);
          next.push(...levels[parent].from);
        }
        frontier = next;
      }
      levels[key].requirements.forEach((requirement, index) => {
        if (requirement.kind === "modules") {
          requirement.slugs.forEach((slug, i) => {
            if (requirement.slugs.indexOf(slug) !== i)
              ctx.addIssue({
                code: "custom",
                path: ["levels", key, "requirements", index, "slugs", i],
                message: `duplicate module "${slug}"`,
              });
          });
        }
      });
    }
  });
export type Ladder = z.infer<typeof LadderSchema>;

export type LadderProblem = { where: string; message: string };

export type LadderContext = {
  moduleSlugs: readonly string[];
  competencyKeys: readonly string[];
  /** Competencies some rubric criterion grades; when given, competency requirements must use one of them. */
  gradedCompetencies?: readonly string[];
  /** The difficulty of every scenario; when given, scenario counts must be achievable. */
  scenarioDifficulties?: readonly Difficulty[];
};

/** Cross-checks a parsed ladder against the other content: module slugs, competency keys, levels, scenarios. */
export function checkLadder(ladder: Ladder, context: LadderContext): LadderProblem[] {
  const problems: LadderProblem[] = [];
  const modules = new Set(context.moduleSlugs);
  const competencies = new Set(context.competencyKeys);
  const graded = context.gradedCompetencies ? new Set(context.gradedCompetencies) : null;
  const levelKeys = new Set<string>(LEVELS);
  const levels = ladder.levels as Record<string, LadderLevel>;

  for (const key of Object.keys(levels)) {
    if (!levelKeys.has(key)) problems.push({ where: `levels.${key}`, message: `unknown level "${key}"` });
  }
  for (const key of LEVELS) {
    const level = levels[key];
    if (!level) {
      problems.push({ where: `levels.${key}`, message: `missing level "${key}"` });
      continue;
    }
    level.from.forEach((parent, index) => {
      if (!levelKeys.has(parent)) problems.push({ where: `levels.${key}.from[${index}]`, message: `unknown level "${parent}"` });
    });
    level.requirements.forEach((requirement, index) => {
      const where = `levels.${key}.requirements[${index}]`;
      switch (requirement.kind) {
        case "modules":
          requirement.slugs.forEach((slug, i) => {
            if (!modules.has(slug)) problems.push({ where: `${where}.slugs[${i}]`, message: `unknown module "${slug}"` });
          });
          break;
        case "competency":
          if (!competencies.has(requirement.competency)) {
            problems.push({ where: `${where}.competency`, message: `unknown competency "${requirement.competency}"` });
          } else if (graded && !graded.has(requirement.competency)) {
            problems.push({
              where: `${where}.competency`,
              message: `no rubric criterion grades "${requirement.competency}", so it can never be measured`,
            });
          }
          break;
        case "scenarios":
          if (context.scenarioDifficulties) {
            const available = context.scenarioDifficulties.filter((difficulty) => difficulty === requirement.difficulty).length;
            if (requirement.count > available) {
              problems.push({
                where: `${where}.count`,
                message: `asks for ${requirement.count} ${requirement.difficulty} scenarios but only ${available} exist`,
              });
            }
          }
          break;
        default:
          break;
      }
    });
  }
  return problems;
}

/** The ladder level with its key, for the evaluator. */
export function keyedLevel(ladder: Ladder, key: Level): KeyedLadderLevel {
  return { key, ...ladder.levels[key] };
}
