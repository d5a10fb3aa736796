// The team forms' fields, checked the same way in the browser and the admin actions.
import { z } from "zod";

export const TeamNameSchema = z
  .string({ required_error: "Enter a team name" })
  .trim()
  .min(2, "Enter at least 2 characters")
  .max(60, "Keep the name under 60 characters");

/** An optional select: the empty choice means none. */
const OptionalIdSchema = z
  .string()
  .max(50)
  .optional()
  .transform((value) => value ?? null);

export const TeamSchema = z.object({ name: TeamNameSchema, leadId: OptionalIdSchema });
export const RenameTeamSchema = z.object({ name: TeamNameSchema });
export const TeamLeadSchema = z.object({ leadId: OptionalIdSchema });
export const MoveMemberSchema = z.object({
  userId: z.string({ required_error: "Choose a person" }).max(50),
  toTeamId: OptionalIdSchema,
});

export const AutoPracticeSchema = z.object({
  autoAssignAfter: z.coerce
    .number({ invalid_type_error: "Enter a whole number" })
    .int("Enter a whole number")
    .min(1, "Use at least 1")
    .max(10, "Use at most 10 failures in a row"),
});
