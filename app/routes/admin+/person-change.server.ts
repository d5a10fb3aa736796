import type { Submission } from "@conform-to/react";
import { data } from "@remix-run/node";
import type { PersonChangeRefusal } from "~/models/user.server.ts";
import { notFound } from "~/utils/permissions.server.ts";

/** Turns a refused person change into a 400 that points at the field to fix. */
export function rejectPersonChange(submission: Submission<unknown>, result: PersonChangeRefusal) {
  switch (result.status) {
    case "not-found":
      return notFound("That person doesn't exist.");
    case "email-taken":
      return data({ result: submission.reply({ fieldErrors: { email: ["Someone already uses this email address"] } }) }, { status: 400 });
    case "team-not-found":
      return data(
        { result: submission.reply({ fieldErrors: { teamId: ["That team no longer exists; choose another"] } }) },
        { status: 400 },
      );
    case "refused":
      return data({ result: submission.reply({ formErrors: [result.reason] }) }, { status: 400 });
  }
}
