// What the pair may do on their pairing page: the mentor answers a proposal, either of them logs
// meetings or ends the pairing, and the mentee answers the fit check or ends it to find another
// mentor. One handler per intent; the pairing model refuses what the pairing's status no longer allows.
import type { Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { DeclineSchema, EndPairingSchema, FitCheckAnswerSchema, meetingSchema } from "~/domain/mentoring.ts";
import type { PlainNoticeKey } from "~/domain/notices.ts";
import { answerFitCheck, endPairing, logMeeting, respondToProposal } from "~/models/pairing.server.ts";
import { handleIntent, invalid, redirectWithNotice, refused } from "~/utils/forms.server.ts";
import { notFound } from "~/utils/permissions.server.ts";
import { PAIRING_MISSING, type LoadedPairing } from "./pairing-view.server.ts";

type Outcome = { status: "ok" } | { status: "refused"; reason: string } | { status: "not-found" };

export async function handlePairingAction({ user, pairing, today }: LoadedPairing, formData: FormData) {
  const pairingId = pairing.id;
  const here = `/mentoring/pairings/${pairingId}`;
  const settle = (intent: string, outcome: Outcome, notice: PlainNoticeKey, submission?: Submission<unknown>, to = here) => {
    if (outcome.status === "not-found") notFound(PAIRING_MISSING);
    if (outcome.status === "refused") return refused(intent, outcome.reason, submission);
    return redirectWithNotice(to, notice);
  };
  const end = async (intent: "end" | "find-another") => {
    const submission = parseWithZod(formData, { schema: EndPairingSchema });
    if (submission.status !== "success") return invalid(intent, submission);
    const findAnother = intent === "find-another";
    const outcome = await endPairing(user, { pairingId, feedback: submission.value.feedback, findAnother });
    return findAnother ? settle(intent, outcome, "find-another", submission, "/mentoring") : settle(intent, outcome, "ended", submission);
  };

  return handleIntent(
    formData,
    {
      accept: async () => settle("accept", await respondToProposal(user, { pairingId, accept: true, reason: "" }), "accepted"),
      decline: async () => {
        const submission = parseWithZod(formData, { schema: DeclineSchema });
        if (submission.status !== "success") return invalid("decline", submission);
        const outcome = await respondToProposal(user, { pairingId, accept: false, reason: submission.value.reason });
        return settle("decline", outcome, "declined", submission);
      },
      "log-meeting": async () => {
        const submission = parseWithZod(formData, { schema: meetingSchema(today) });
        if (submission.status !== "success") return invalid("log-meeting", submission);
        return settle("log-meeting", await logMeeting(user, { pairingId, ...submission.value }), "meeting-logged", submission);
      },
      "fit-check": async () => {
        const submission = parseWithZod(formData, { schema: FitCheckAnswerSchema });
        if (submission.status !== "success") return invalid("fit-check", submission);
        return settle("fit-check", await answerFitCheck(user, { pairingId, fit: submission.value.fit }), "fit-saved", submission);
      },
      end: () => end("end"),
      "find-another": () => end("find-another"),
    },
    "Unknown action for this pairing.",
  );
}
