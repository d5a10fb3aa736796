// Mentoring's vocabulary: pairing statuses and sources, fit checks, meeting ratings, and the rules of its forms,
// offered in the browser and checked again on the server.
import { z } from "zod";
import { message } from "~/i18n/message.ts";
import { calendarDayField, DATE_WINDOW_DAYS, parseCalendarDay, shiftDay } from "./fields.ts";
import { LEVEL_LABELS, LEVELS, LevelSchema, TimeZoneSchema, WorkModeSchema, type Level } from "./people.ts";

export const MENTOR_CAPACITY_MIN = 1;
export const MENTOR_CAPACITY_MAX = 5;

export const PAIRING_STATUSES = ["proposed", "active", "declined", "ended"] as const;
export type PairingStatus = (typeof PAIRING_STATUSES)[number];

/** Catalog keys of each status's name. */
export const PAIRING_STATUS_LABELS = {
  proposed: "mentoring:status.proposed",
  active: "mentoring:status.active",
  declined: "mentoring:status.declined",
  ended: "mentoring:status.ended",
} as const satisfies Record<PairingStatus, `mentoring:${string}`>;

/** Pairings that take one of a mentor's places. */
export const OPEN_PAIRING_STATUSES = ["proposed", "active"] as const satisfies readonly PairingStatus[];

export const PAIRING_SOURCES = ["request", "pool"] as const;
export type PairingSource = (typeof PAIRING_SOURCES)[number];

/** Catalog keys of how each kind of pairing came about. */
export const PAIRING_SOURCE_LABELS = {
  request: "mentoring:source.request",
  pool: "mentoring:source.pool",
} as const satisfies Record<PairingSource, `mentoring:${string}`>;

export const FIT_CHECKS = ["good", "deciding", "not-a-fit"] as const;
export type FitCheck = (typeof FIT_CHECKS)[number];
export const FitCheckSchema = z.enum(FIT_CHECKS, { errorMap: () => ({ message: message("mentoring:validation.fitCheck") }) });

/** Catalog keys of each fit-check answer. */
export const FIT_CHECK_LABELS = {
  good: "mentoring:fit.good",
  deciding: "mentoring:fit.deciding",
  "not-a-fit": "mentoring:fit.not-a-fit",
} as const satisfies Record<FitCheck, `mentoring:${string}`>;

export const MEETING_RATINGS = [1, 2, 3, 4] as const;

/** Catalog keys of each meeting rating. */
export const MEETING_RATING_LABELS = {
  1: "mentoring:rating.1",
  2: "mentoring:rating.2",
  3: "mentoring:rating.3",
  4: "mentoring:rating.4",
} as const satisfies Record<(typeof MEETING_RATINGS)[number], `mentoring:${string}`>;

// ---------------------------------------------------------------------------------------------
// Form rules, checked the same way in the browser and in the actions.

export const MENTOR_STRENGTHS_MAX = 5;
export const BIO_MIN = 20;
export const BIO_MAX = 1000;
export const LANGUAGES_MAX = 6;
export const LANGUAGE_NAME_MAX = 30;
export const AVAILABILITY_MIN = 5;
export const AVAILABILITY_MAX = 200;
export const GOALS_MIN = 20;
export const GOALS_MAX = 1000;
export const FOCUS_MIN = 1;
export const FOCUS_MAX = 3;
export const PREFERENCES_MAX = 500;
export const REQUEST_MESSAGE_MAX = 1000;
export const DECLINE_REASON_MIN = 5;
export const DECLINE_REASON_MAX = 500;
export const MEETING_NOTES_MIN = 5;
export const MEETING_NOTES_MAX = 2000;
export const END_FEEDBACK_MIN = 5;
export const END_FEEDBACK_MAX = 1000;

/** Required free text between `min` and `max` characters once trimmed. */
function text(missing: string, min: number, max: number) {
  return z
    .string({ required_error: missing })
    .trim()
    .min(min, message("mentoring:validation.tooShort", { min }))
    .max(max, message("mentoring:validation.tooLong", { max }));
}

function optionalText(max: number) {
  return z.string().trim().max(max, message("mentoring:validation.tooLong", { max })).default("");
}

/** Competencies ticked from the list; `purpose` says what they are for, a mentor's strengths or a mentee's focus. */
function competencyChoice(keys: string[], { min, max, purpose }: { min: number; max: number; purpose: "offer" | "focus" }) {
  const offer = purpose === "offer";
  const tooFew = offer ? message("mentoring:validation.offer.tooFew", { min }) : message("mentoring:validation.focus.tooFew", { min });
  const tooMany = offer ? message("mentoring:validation.offer.tooMany", { max }) : message("mentoring:validation.focus.tooMany", { max });
  return z
    .array(z.enum(keys as [string, ...string[]], { errorMap: () => ({ message: message("mentoring:validation.competencyFromList") }) }), {
      required_error: tooFew,
    })
    .min(min, tooFew)
    .max(max, tooMany);
}

/** "English, Yoruba" → ["English", "Yoruba"]: blanks dropped, repeats (in any case) once. */
export function parseLanguages(value: string): string[] {
  const byLowerCase = new Map<string, string>();
  for (const part of value.split(",")) {
    const name = part.trim();
    if (name && !byLowerCase.has(name.toLowerCase())) byLowerCase.set(name.toLowerCase(), name);
  }
  return [...byLowerCase.values()];
}

export function mentorProfileSchema(competencyKeys: string[]) {
  return z.object({
    capacity: z
      .number({
        required_error: message("mentoring:validation.capacityRequired"),
        invalid_type_error: message("mentoring:validation.wholeNumber"),
      })
      .int(message("mentoring:validation.wholeNumber"))
      .min(MENTOR_CAPACITY_MIN, message("mentoring:validation.capacityMin", { min: MENTOR_CAPACITY_MIN }))
      .max(MENTOR_CAPACITY_MAX, message("mentoring:validation.capacityMax", { max: MENTOR_CAPACITY_MAX })),
    strengths: competencyChoice(competencyKeys, { min: 1, max: MENTOR_STRENGTHS_MAX, purpose: "offer" }),
    bio: text(message("mentoring:validation.bioRequired"), BIO_MIN, BIO_MAX),
    timeZone: TimeZoneSchema,
    workMode: WorkModeSchema,
    languages: z
      .string({ required_error: message("mentoring:validation.languagesRequired") })
      .transform(parseLanguages)
      .pipe(
        z
          .array(z.string().max(LANGUAGE_NAME_MAX, message("mentoring:validation.languageTooLong", { max: LANGUAGE_NAME_MAX })))
          .min(1, message("mentoring:validation.languagesRequired"))
          .max(LANGUAGES_MAX, message("mentoring:validation.languagesTooMany", { max: LANGUAGES_MAX })),
      ),
    availability: text(message("mentoring:validation.availabilityRequired"), AVAILABILITY_MIN, AVAILABILITY_MAX),
  });
}

export function menteeRequestSchema(competencyKeys: string[], currentLevel: Level) {
  return z.object({
    goals: text(message("mentoring:validation.goalsRequired"), GOALS_MIN, GOALS_MAX),
    targetLevel: LevelSchema.refine((level) => LEVELS.indexOf(level) > LEVELS.indexOf(currentLevel), {
      message: message("mentoring:request.levelAboveCurrent", { level: LEVEL_LABELS[currentLevel] }),
    }),
    focus: competencyChoice(competencyKeys, { min: FOCUS_MIN, max: FOCUS_MAX, purpose: "focus" }),
    preferences: optionalText(PREFERENCES_MAX),
  });
}

export const RequestMentorSchema = z.object({
  mentorId: z.string({ required_error: message("mentoring:validation.chooseMentor") }).max(64),
  message: optionalText(REQUEST_MESSAGE_MAX),
});

export const DeclineSchema = z.object({
  reason: text(message("mentoring:validation.declineReasonRequired"), DECLINE_REASON_MIN, DECLINE_REASON_MAX),
});

export function meetingSchema(today: string) {
  return z.object({
    heldOn: calendarDayField({
      required: message("mentoring:validation.meetingDateRequired"),
      min: { day: shiftDay(today, -DATE_WINDOW_DAYS), message: message("mentoring:validation.meetingPastYear") },
      max: { day: today, message: message("mentoring:validation.meetingNotFuture") },
    }).transform((day) => parseCalendarDay(day)!),
    notes: text(message("mentoring:validation.meetingNotesRequired"), MEETING_NOTES_MIN, MEETING_NOTES_MAX),
    // Chosen with radio buttons, so it arrives as text like any other choice.
    rating: z
      .string({ required_error: message("mentoring:validation.ratingRequired") })
      .transform(Number)
      .refine((rating) => (MEETING_RATINGS as readonly number[]).includes(rating), message("mentoring:validation.ratingRequired")),
  });
}

export const FitCheckAnswerSchema = z.object({ fit: FitCheckSchema });

export const EndPairingSchema = z.object({
  feedback: text(message("mentoring:validation.feedbackRequired"), END_FEEDBACK_MIN, END_FEEDBACK_MAX),
});
