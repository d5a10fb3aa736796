import type { Submission } from "@conform-to/react";
import type { TeamChangeResult } from "~/models/team.server.ts";
import { invalid, refused } from "~/utils/forms.server.ts";
import { notFound } from "~/utils/permissions.server.ts";

/** Turns a refused team change into a 400 that points at the field to fix. */
export function rejectTeamChange(intent: string, submission: Submission<unknown>, result: Exclude<TeamChangeResult, { status: "ok" }>) {
  switch (result.status) {
    case "not-found":
      return notFound("That team doesn't exist.");
    case "name-taken":
      return invalid(intent, submission, { name: ["Another team already has this name"] });
    case "invalid-lead":
      return invalid(intent, submission, { leadId: ["Choose an active person with the team lead role"] });
    case "invalid-member":
      return refused(intent, "That person isn't on this team any more", submission);
  }
}
