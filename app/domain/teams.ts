// The team forms' fields, checked the same way in the browser and the admin actions.
import { z } from "zod";
import { message } from "~/i18n/message.ts";

export const TeamNameSchema = z
  .string({ required_error: message("coaching:teamForm.nameRequired") })
  .trim()
  .min(2, message("coaching:teamForm.nameTooShort", { min: 2 }))
  .max(60, message("coaching:teamForm.nameTooLong", { max: 60 }));

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
  userId: z.string({ required_error: message("coaching:teamForm.choosePerson") }).max(50),
  toTeamId: OptionalIdSchema,
});

export const AutoPracticeSchema = z.object({
  autoAssignAfter: z.coerce
    .number({ invalid_type_error: message("coaching:teamForm.wholeNumber") })
    .int(message("coaching:teamForm.wholeNumber"))
    .min(1, message("coaching:teamForm.autoAssignMin", { min: 1 }))
    .max(10, message("coaching:teamForm.autoAssignMax", { max: 10 })),
});
