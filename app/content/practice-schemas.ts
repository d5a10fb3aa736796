import { z } from "zod";
import type { Locale } from "~/i18n/locales.ts";
import { SlugSchema } from "./schemas.ts";

export const CHANNELS = ["chat", "email", "phone", "social"] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { chat: "Chat", email: "Email", phone: "Phone", social: "Public social" };

export const DIFFICULTIES = ["starter", "intermediate", "advanced"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];
export const DIFFICULTY_LABELS: Record<Difficulty, string> = { starter: "Starter", intermediate: "Intermediate", advanced: "Advanced" };

export const TEMPERAMENTS = ["calm", "confused", "anxious", "frustrated", "angry"] as const;

const Lines = z.array(z.string().min(2).max(600)).min(1, "needs at least one line");
const Keywords = z.array(z.string().min(2).max(60)).min(1, "needs at least one keyword");

export const ScenarioSchema = z
  .object({
    title: z.string().min(3).max(80),
    summary: z.string().min(20).max(240),
    channel: z.enum(CHANNELS),
    difficulty: z.enum(DIFFICULTIES),
    competencies: z.array(SlugSchema).min(1),
    rubrics: z.array(SlugSchema).min(1).default(["empathy", "resolution", "communication", "efficiency", "critical"]),
    passScore: z.number().int().min(1).max(100).default(70),
    version: z.number().int().min(1),
    par: z.object({ turns: z.number().int().min(2).max(20), replySeconds: z.number().int().min(10).max(86_400) }).strict(),
    persona: z
      .object({
        name: z.string().min(2).max(60),
        temperament: z.enum(TEMPERAMENTS),
        /** How many unhelpful turns the customer tolerates before giving up. */
        patience: z.number().int().min(1).max(10),
        /** Whether the agent sees a mood indicator (usually off at advanced difficulty). */
        showMood: z.boolean(),
      })
      .strict(),
    /** What the agent knows before starting: the situation, not the facts the customer holds. */
    brief: z.string().min(40).max(1200),
    /** What resolving the case requires, in words; shown with the grade, not before (it would give the answer away). */
    goals: z.array(z.string().min(5).max(200)).min(1, "list what resolving the case requires"),
    facts: z
      .array(
        z
          .object({
            id: SlugSchema,
            description: z.string().min(3).max(200),
            ask: Keywords,
            answer: z.string().min(2).max(400),
            required: z.boolean(),
          })
          .strict(),
      )
      .default([]),
    policy: z
      .object({
        allowed: z
          .array(
            z
              .object({
                id: SlugSchema,
                description: z.string().min(3).max(200),
                match: Keywords,
                /** The offer in the customer's words, for {offer} in `lines.accepted`: "a new play kitchen sent express". */
                heard: z.string().min(3).max(120),
                /** Whether this offer resolves the case once the required facts are known. */
                resolves: z.boolean(),
              })
              .strict(),
          )
          .min(1, "list at least one allowed offer"),
        forbidden: z
          .array(
            z
              .object({
                id: SlugSchema,
                description: z.string().min(3).max(200),
                match: Keywords,
                reason: z.string().min(3).max(300),
                /** What the customer says when offered this: their own reason for pushing back. */
                pushback: Lines,
              })
              .strict(),
          )
          .default([]),
        /** Whether handing over to a lead or specialist counts as a correct outcome here. */
        escalationAllowed: z.boolean().default(false),
        /** Outcomes no one can yet put a time on: naming a day or time for one is a false promise. */
        unpromisable: z
          .array(
            z
              .object({ id: SlugSchema, description: z.string().min(3).max(200), about: Keywords, reason: z.string().min(3).max(300) })
              .strict(),
          )
          .default([]),
      })
      .strict(),
    jargon: z.array(z.string().min(2).max(40)).default([]),
    lines: z
      .object({
        opening: Lines,
        unclear: Lines,
        warmer: Lines,
        frustrated: Lines,
        jargon: Lines,
        secret: Lines,
        pushback: Lines,
        missingFacts: Lines,
        accepted: Lines.refine(
          (lines) => lines.some((line) => line.includes("{offer}")),
          "at least one accepted line should restate the offer with {offer}",
        ),
        /** After accepting, when the agent named a day or time: must contain {when}. */
        confirmTime: Lines.refine((lines) => lines.every((line) => line.includes("{when}")), "every confirmTime line needs {when}"),
        /** Asked something they cannot know. */
        unknown: Lines,
        /** The agent promised action without saying what: they ask back. */
        vague: Lines,
        /** Asked again for something they already gave; the answer follows. */
        repeated: Lines,
        satisfied: Lines,
        escalationDemand: Lines,
        escalated: Lines,
        abandon: Lines,
        /** Written to in another language than the scenario's: the customer asks for theirs. */
        wrongLanguage: Lines,
      })
      .strict(),
  })
  .strict();
export type Scenario = z.infer<typeof ScenarioSchema> & {
  slug: string;
  /** The language this scenario is written in; the customer speaks it and replies in another are refused. */
  locale: Locale;
  /** The same case in other languages (content/scenarios/<slug>.<locale>.yml). */
  variants: Partial<Record<Exclude<Locale, "en">, Scenario>>;
  /** Saved by the organisation in Frontline rather than a file in content/. */
  organisation?: true;
};
export type ScenarioLineKey = keyof Scenario["lines"];

export const RubricSchema = z
  .object({
    id: SlugSchema,
    // Two characters make a Chinese title ("沟通").
    title: z.string().min(2).max(60),
    version: z.number().int().min(1),
    criteria: z
      .array(
        z
          .object({
            id: z
              .string()
              .regex(/^[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*$/, "criterion ids look like rubric.criterion, e.g. empathy.exploration"),
            title: z.string().min(3).max(60),
            competency: SlugSchema,
            weight: z.number().min(0).max(10),
            critical: z.boolean().default(false),
            /** When the criterion does not apply (shown with an N/A result). */
            notApplicable: z.string().min(5).max(300).optional(),
            levels: z
              .array(
                z
                  .object({
                    level: z.number().int().min(0).max(4),
                    label: z.string().min(2).max(30),
                    description: z.string().min(5).max(300),
                    suggestion: z.string().min(5).max(400),
                  })
                  .strict(),
              )
              .min(2),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type Rubric = z.infer<typeof RubricSchema> & { variants?: Partial<Record<Exclude<Locale, "en">, z.infer<typeof RubricSchema>>> };
export type RubricCriterion = Rubric["criteria"][number];

/** content/drafting/draft.yml (and its translations): what a scenario drafted from a real conversation starts from. */
export const DraftWordingSchema = z
  .object({
    personaName: z.string().min(2).max(60),
    title: z.string().min(3).max(80).includes("{subject}"),
    summary: z.string().min(10).max(200).includes("{subject}"),
    brief: z.string().min(40).max(1000).includes("{subject}"),
    goals: z.object({ ask: z.string().includes("{fact}"), offer: z.string().includes("{offer}"), next: z.string().min(5).max(200) }).strict(),
    lines: ScenarioSchema.shape.lines,
  })
  .strict();
export type DraftWording = z.infer<typeof DraftWordingSchema>;
