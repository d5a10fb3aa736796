import type { Submission } from "@conform-to/react";
import { message } from "~/i18n/message.ts";
import type { PersonChangeRefusal } from "~/models/user.server.ts";
import { invalid, refused } from "~/utils/forms.server.ts";
import { notFound } from "~/utils/permissions.server.ts";

/** Turns a refused person change into a 400 that points at the field to fix. */
export function rejectPersonChange(intent: string, submission: Submission<unknown>, result: PersonChangeRefusal) {
  switch (result.status) {
    case "not-found":
      return notFound(message("admin:person.notFound"));
    case "email-taken":
      return invalid(intent, submission, { email: [message("admin:personForm.errors.emailTaken")] });
    case "team-not-found":
      return invalid(intent, submission, { teamId: [message("admin:personForm.errors.teamGone")] });
    case "refused":
      return refused(intent, result.reason, submission);
  }
}
