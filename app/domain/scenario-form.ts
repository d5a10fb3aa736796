// The scenario form: the fields of a content/scenarios YAML file, with each list typed one item per
// line. Every value passes through the scenario's own schema (ScenarioSchema), so a saved or
// downloaded draft is exactly as valid as a file content:check accepts.
import { z } from "zod";
import { ScenarioSchema } from "~/content/practice-schemas.ts";
import { scenarioProblems, type ScenarioProblem } from "~/content/scenario-check.ts";
import { SlugSchema } from "~/content/schemas.ts";
import { message } from "~/i18n/message.ts";

const shape = ScenarioSchema.shape;
const policy = shape.policy.shape;
const FactSchema = shape.facts.removeDefault().element;
const AllowedSchema = policy.allowed.element;
const ForbiddenSchema = policy.forbidden.removeDefault().element;

export const LINE_KEYS = Object.keys(shape.lines.shape) as (keyof typeof shape.lines.shape)[];

/** A textarea with one item per line, as the list it stands for. */
function perLine<Schema extends z.ZodTypeAny>(schema: Schema) {
  return z
    .string()
    .optional()
    .transform((text) =>
      (text ?? "")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line.length > 0),
    )
    .pipe(schema);
}

/** A repeated row the lead left empty is dropped: clearing a row is how it is removed. */
function rows<Schema extends z.ZodTypeAny>(schema: Schema) {
  const list = z.preprocess(
    (value) =>
      Array.isArray(value)
        ? value.filter(
            (row: unknown) =>
              row && typeof row === "object" && Object.values(row).some((field) => typeof field === "string" && field.trim()),
          )
        : [],
    z.array(schema),
  );
  // Typed as the list it checks (a preprocess takes anything), so the form knows each row's fields.
  return list as unknown as z.ZodType<z.output<z.ZodArray<Schema>>, z.ZodTypeDef, z.input<z.ZodArray<Schema>>>;
}

const checkbox = z
  .boolean()
  .optional()
  .transform((checked) => checked === true);

export const ScenarioFormSchema = z
  .object({
    slug: SlugSchema,
    title: shape.title,
    summary: shape.summary,
    channel: shape.channel,
    difficulty: shape.difficulty,
    competencies: shape.competencies,
    passScore: z.number().int().min(1).max(100),
    par: shape.par,
    persona: shape.persona.extend({ showMood: checkbox }),
    brief: shape.brief,
    goals: perLine(shape.goals),
    facts: rows(FactSchema.extend({ ask: perLine(FactSchema.shape.ask), required: checkbox })),
    policy: z.object({
      allowed: rows(AllowedSchema.extend({ match: perLine(AllowedSchema.shape.match), resolves: checkbox })).pipe(policy.allowed),
      forbidden: rows(
        ForbiddenSchema.extend({ match: perLine(ForbiddenSchema.shape.match), pushback: perLine(ForbiddenSchema.shape.pushback) }),
      ),
      escalationAllowed: checkbox,
    }),
    jargon: perLine(shape.jargon.removeDefault()),
    lines: z.object(
      Object.fromEntries(LINE_KEYS.map((key): [string, z.ZodTypeAny] => [key, perLine(shape.lines.shape[key])])) as Record<
        (typeof LINE_KEYS)[number],
        z.ZodType<string[], z.ZodTypeDef, string | undefined>
      >,
    ),
  })
  // The rules that need no catalog (ids used once, an offer that resolves) hold in the browser too.
  .superRefine((value, context) => {
    for (const problem of scenarioProblems({ ...value, rubrics: [] }, { rubricIds: new Set() }))
      context.addIssue({ code: z.ZodIssueCode.custom, path: pathOf(problem.where), message: problemMessage(problem) });
  });
export type ScenarioFormValue = z.output<typeof ScenarioFormSchema>;

// The scenario schema speaks to content authors in English; these are its own rules, worded for the form.
const SCENARIO_RULES: Record<string, `practice:${string}`> = {
  "needs at least one line": "practice:draft.errors.needsLine",
  "needs at least one keyword": "practice:draft.errors.needsKeyword",
  "list what resolving the case requires": "practice:draft.errors.needsGoal",
  "list at least one allowed offer": "practice:draft.errors.needsOffer",
  "at least one accepted line should restate the offer with {offer}": "practice:draft.errors.acceptedOffer",
  "every confirmTime line needs {when}": "practice:draft.errors.confirmTimeWhen",
  "must be kebab-case (lowercase letters, digits and single hyphens)": "practice:draft.errors.slug",
};

/** zod's own messages, by kind, in the reader's language. */
const errorMap: z.ZodErrorMap = (issue, context) => {
  switch (issue.code) {
    case "invalid_type":
      return { message: message(issue.expected === "number" ? "practice:draft.errors.number" : "practice:draft.errors.required") };
    case "too_small":
      return {
        message:
          issue.type === "array"
            ? message("practice:draft.errors.fewItems", { min: Number(issue.minimum) })
            : issue.type === "string"
              ? message("practice:draft.errors.tooShort", { min: Number(issue.minimum) })
              : message("practice:draft.errors.tooSmall", { min: Number(issue.minimum) }),
      };
    case "too_big":
      return {
        message:
          issue.type === "string"
            ? message("practice:draft.errors.tooLong", { max: Number(issue.maximum) })
            : message("practice:draft.errors.tooLarge", { max: Number(issue.maximum) }),
      };
    case "invalid_enum_value":
      return { message: message("practice:draft.errors.choose") };
    case "invalid_string":
      return { message: message("practice:draft.errors.slug") };
    default:
      return { message: context.defaultError };
  }
};

/**
 * How the form words what it refuses, for parseWithZod on the server and in the browser: zod's own
 * messages through `errorMap`, the scenario schema's rules (written for content authors) by name.
 */
export const SCENARIO_FORM_MESSAGES = {
  errorMap,
  formatError: (issues: z.ZodIssue[]) =>
    issues.map((issue) => (SCENARIO_RULES[issue.message] ? message(SCENARIO_RULES[issue.message]) : issue.message)),
};

const RULE_MESSAGES: Record<ScenarioProblem["rule"], `practice:${string}`> = {
  "unknown-rubric": "practice:draft.errors.choose",
  "unknown-competency": "practice:draft.errors.choose",
  "duplicate-id": "practice:draft.errors.duplicateId",
  "no-resolving-offer": "practice:draft.errors.noResolvingOffer",
};

export function problemMessage(problem: ScenarioProblem): string {
  return message(RULE_MESSAGES[problem.rule], problem.value === undefined ? undefined : { id: problem.value });
}

/** Conform's field name for a problem scenarioProblems located as `competencies[0]` or `policy`: "" is the whole form. */
export function fieldNameOf(where: string): string {
  if (where === "(file)") return "";
  if (where === "policy") return "policy.allowed";
  return where.replace(/\[\d+\]$/, "");
}

function pathOf(where: string): (string | number)[] {
  const name = fieldNameOf(where);
  return name ? name.split(".") : [];
}

/** The form's starting values for a scenario: lists joined one item per line. */
export function scenarioFormDefaults(slug: string, scenario: z.input<typeof ScenarioSchema>) {
  const lines = (list: readonly string[] | undefined) => (list ?? []).join("\n");
  return {
    slug,
    title: scenario.title,
    summary: scenario.summary,
    channel: scenario.channel,
    difficulty: scenario.difficulty,
    competencies: scenario.competencies,
    passScore: String(scenario.passScore ?? 70),
    par: { turns: String(scenario.par.turns), replySeconds: String(scenario.par.replySeconds) },
    persona: { ...scenario.persona, patience: String(scenario.persona.patience), showMood: scenario.persona.showMood ? "on" : undefined },
    brief: scenario.brief,
    goals: lines(scenario.goals),
    facts: (scenario.facts ?? []).map((fact) => ({ ...fact, ask: lines(fact.ask), required: fact.required ? "on" : undefined })),
    policy: {
      allowed: scenario.policy.allowed.map((offer) => ({
        ...offer,
        match: lines(offer.match),
        resolves: offer.resolves ? "on" : undefined,
      })),
      forbidden: (scenario.policy.forbidden ?? []).map((offer) => ({
        ...offer,
        match: lines(offer.match),
        pushback: lines(offer.pushback),
      })),
      escalationAllowed: scenario.policy.escalationAllowed ? "on" : undefined,
    },
    jargon: lines(scenario.jargon),
    lines: Object.fromEntries(LINE_KEYS.map((key) => [key, lines(scenario.lines[key])])),
  };
}
