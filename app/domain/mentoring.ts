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

export const PAIRING_STATUS_LABELS: Record<PairingStatus, string> = {
  proposed: "Proposed",
  active: "Active",
  declined: "Declined",
  ended: "Ended",
};

/** Pairings that take one of a mentor's places. */
export const OPEN_PAIRING_STATUSES = ["proposed", "active"] as const satisfies readonly PairingStatus[];

export const PAIRING_SOURCES = ["request", "pool"] as const;
export type PairingSource = (typeof PAIRING_SOURCES)[number];

export const PAIRING_SOURCE_LABELS: Record<PairingSource, string> = { request: "Asked for by the mentee", pool: "Matched by an admin" };

export const FIT_CHECKS = ["good", "deciding", "not-a-fit"] as const;
export type FitCheck = (typeof FIT_CHECKS)[number];
export const FitCheckSchema = z.enum(FIT_CHECKS, { errorMap: () => ({ message: "Choose how the pairing feels so far" }) });

export const FIT_CHECK_LABELS: Record<FitCheck, string> = {
  good: "A good fit",
  deciding: "Still deciding",
  "not-a-fit": "Not a fit",
};

export const MEETING_RATINGS = [1, 2, 3, 4] as const;

export const MEETING_RATING_LABELS: Record<(typeof MEETING_RATINGS)[number], string> = {
  1: "1 — not useful",
  2: "2 — somewhat useful",
  3: "3 — useful",
  4: "4 — very useful",
};

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
    .min(min, `Write at least ${min} characters`)
    .max(max, `Keep it under ${max.toLocaleString("en")} characters`);
}

function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `Keep it under ${max.toLocaleString("en")} characters`)
    .default("");
}

function competencyChoice(keys: string[], { min, max, what }: { min: number; max: number; what: string }) {
  const tooFew = `Choose at least ${min} ${min === 1 ? "competency" : "competencies"} ${what}`;
  return z
    .array(z.enum(keys as [string, ...string[]], { errorMap: () => ({ message: "Choose competencies from the list" }) }), {
      required_error: tooFew,
    })
    .min(min, tooFew)
    .max(max, `Choose at most ${max} competencies ${what}`);
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
      .number({ required_error: "Say how many people you can mentor at once", invalid_type_error: "Enter a whole number" })
      .int("Enter a whole number")
      .min(MENTOR_CAPACITY_MIN, `Mentor at least ${MENTOR_CAPACITY_MIN} person`)
      .max(MENTOR_CAPACITY_MAX, `Mentor at most ${MENTOR_CAPACITY_MAX} people at once`),
    strengths: competencyChoice(competencyKeys, { min: 1, max: MENTOR_STRENGTHS_MAX, what: "to offer" }),
    bio: text("Tell mentees about yourself", BIO_MIN, BIO_MAX),
    timeZone: TimeZoneSchema,
    workMode: WorkModeSchema,
    languages: z
      .string({ required_error: "List the languages you can mentor in" })
      .transform(parseLanguages)
      .pipe(
        z
          .array(z.string().max(LANGUAGE_NAME_MAX, `Keep each language under ${LANGUAGE_NAME_MAX} characters`))
          .min(1, "List the languages you can mentor in")
          .max(LANGUAGES_MAX, `List at most ${LANGUAGES_MAX} languages`),
      ),
    availability: text("Say when you are usually free to meet", AVAILABILITY_MIN, AVAILABILITY_MAX),
  });
}

export function menteeRequestSchema(competencyKeys: string[], currentLevel: Level) {
  return z.object({
    goals: text("Say what you want to get out of mentoring", GOALS_MIN, GOALS_MAX),
    targetLevel: LevelSchema.refine((level) => LEVELS.indexOf(level) > LEVELS.indexOf(currentLevel), {
      message: message("mentoring:request.levelAboveCurrent", { level: LEVEL_LABELS[currentLevel] }),
    }),
    focus: competencyChoice(competencyKeys, { min: FOCUS_MIN, max: FOCUS_MAX, what: "to work on" }),
    preferences: optionalText(PREFERENCES_MAX),
  });
}

export const RequestMentorSchema = z.object({
  mentorId: z.string({ required_error: "Choose a mentor" }).max(64),
  message: optionalText(REQUEST_MESSAGE_MAX),
});

export const DeclineSchema = z.object({
  reason: text("Tell them why, so they can choose someone else", DECLINE_REASON_MIN, DECLINE_REASON_MAX),
});

export function meetingSchema(today: string) {
  return z.object({
    heldOn: calendarDayField({
      required: "Enter the date of the meeting",
      min: { day: shiftDay(today, -DATE_WINDOW_DAYS), message: "Log meetings from the past year" },
      max: { day: today, message: "Log meetings that have already happened" },
    }).transform((day) => parseCalendarDay(day)!),
    notes: text("Say what you talked about", MEETING_NOTES_MIN, MEETING_NOTES_MAX),
    // Chosen with radio buttons, so it arrives as text like any other choice.
    rating: z
      .string({ required_error: "Rate how useful the meeting was" })
      .transform(Number)
      .refine((rating) => (MEETING_RATINGS as readonly number[]).includes(rating), "Rate how useful the meeting was"),
  });
}

export const FitCheckAnswerSchema = z.object({ fit: FitCheckSchema });

export const EndPairingSchema = z.object({ feedback: text("Say how it went, for the record", END_FEEDBACK_MIN, END_FEEDBACK_MAX) });
