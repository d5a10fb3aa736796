import { z } from "zod";

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SlugSchema = z.string().regex(KEBAB, "must be kebab-case (lowercase letters, digits and single hyphens)");

export const CompetencySchema = z.object({
  key: SlugSchema,
  name: z.string().min(2).max(60),
  description: z.string().min(10).max(300),
});
export type Competency = z.infer<typeof CompetencySchema>;

export const CompetenciesFileSchema = z
  .array(CompetencySchema)
  .min(1, "must list at least one competency")
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((competency, index) => {
      if (seen.has(competency.key)) ctx.addIssue({ code: "custom", path: [index, "key"], message: `duplicate key "${competency.key}"` });
      seen.add(competency.key);
    });
  });

export const TRACKS = ["onboarding", "ongoing"] as const;
export type Track = (typeof TRACKS)[number];

export const ModuleFrontmatterSchema = z
  .object({
    title: z.string().min(3).max(80),
    summary: z.string().min(20).max(240),
    track: z.enum(TRACKS),
    order: z.number().int().min(1).max(999),
    minutes: z.number().int().min(1).max(60),
    competencies: z.array(SlugSchema).min(1, "list at least one competency"),
    prerequisites: z.array(SlugSchema).default([]),
    scenarios: z.array(SlugSchema).default([]),
    version: z.number().int().min(1),
  })
  .strict();
export type ModuleFrontmatter = z.infer<typeof ModuleFrontmatterSchema>;

export const DEFAULT_PASS_PERCENT = 75;

export type QuizChoice = { id: string; text: string; correct: boolean };
export type QuizQuestion = { id: string; prompt: string; explanation: string; multiple: boolean; choices: QuizChoice[] };
export type QuizDefinition = { id: string; title: string; passPercent: number; questions: QuizQuestion[] };

export type Section = { id: string; title: string };
export type ReflectionBlock = { id: string; prompt: string };

/** Where a problem is: the file, then a field path or a component with its line. */
export type ContentProblem = { file: string; where: string; message: string };

export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}: ${problem.where}: ${problem.message}`;
}

/** Turns zod issues into problems located by field path. */
export function zodProblems(file: string, error: z.ZodError): ContentProblem[] {
  return error.issues.map((issue) => ({
    file,
    where: issue.path.length
      ? issue.path.map((part, i) => (typeof part === "number" ? `[${part}]` : `${i ? "." : ""}${part}`)).join("")
      : "(file)",
    message: issue.message,
  }));
}
