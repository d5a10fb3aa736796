import type { Submission } from "@conform-to/react";
import type { PersonChangeRefusal } from "~/models/user.server.ts";
import { invalid, refused } from "~/utils/forms.server.ts";
import { notFound } from "~/utils/permissions.server.ts";

/** Turns a refused person change into a 400 that points at the field to fix. */
export function rejectPersonChange(intent: string, submission: Submission<unknown>, result: PersonChangeRefusal) {
  switch (result.status) {
    case "not-found":
      return notFound("That person doesn't exist.");
    case "email-taken":
      return invalid(intent, submission, { email: ["Someone already uses this email address"] });
    case "team-not-found":
      return invalid(intent, submission, { teamId: ["That team no longer exists; choose another"] });
    case "refused":
      return refused(intent, result.reason, submission);
  }
}
