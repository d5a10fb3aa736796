import type { Submission } from "@conform-to/react";
import { data } from "@remix-run/node";
import type { TeamChangeResult } from "~/models/team.server.ts";
import { notFound } from "~/utils/permissions.server.ts";

/** Turns a refused team change into a 400 that points at the field to fix. */
export function rejectTeamChange(submission: Submission<unknown>, result: Exclude<TeamChangeResult, { status: "ok" }>) {
  switch (result.status) {
    case "not-found":
      return notFound("That team doesn't exist.");
    case "name-taken":
      return data({ result: submission.reply({ fieldErrors: { name: ["Another team already has this name"] } }) }, { status: 400 });
    case "invalid-lead":
      return data(
        { result: submission.reply({ fieldErrors: { leadId: ["Choose an active person with the team lead role"] } }) },
        { status: 400 },
      );
    case "invalid-member":
      return data({ result: submission.reply({ formErrors: ["That person isn't on this team any more"] }) }, { status: 400 });
  }
}
