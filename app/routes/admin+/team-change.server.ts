import type { Submission } from "@conform-to/react";
import { message } from "~/i18n/message.ts";
import type { TeamChangeResult } from "~/models/team.server.ts";
import { invalid, refused } from "~/utils/forms.server.ts";
import { notFound } from "~/utils/permissions.server.ts";

/** Turns a refused team change into a 400 that points at the field to fix. */
export function rejectTeamChange(intent: string, submission: Submission<unknown>, result: Exclude<TeamChangeResult, { status: "ok" }>) {
  switch (result.status) {
    case "not-found":
      return notFound(message("admin:team.notFound"));
    case "name-taken":
      return invalid(intent, submission, { name: [message("admin:team.errors.nameTaken")] });
    case "invalid-lead":
      return invalid(intent, submission, { leadId: [message("admin:team.errors.invalidLead")] });
    case "invalid-member":
      return refused(intent, message("admin:team.errors.notMember"), submission);
  }
}
