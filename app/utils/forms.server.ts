import type { Submission } from "@conform-to/react";
import { data, redirect } from "@remix-run/node";
import type { FormReply } from "~/components/forms/reply.ts";
import type { CountedNoticeKey, NoticeKey, PlainNoticeKey } from "~/domain/notices.ts";
import { message } from "~/i18n/message.ts";
import { badRequest } from "./request.server.ts";

/**
 * Runs the handler for the form's `intent`: one function per intent, so each form's
 * action reads on its own. An unknown intent is a 400 with `unknownMessage`.
 */
export async function handleIntent<Handlers extends Record<string, () => unknown>>(
  formData: FormData,
  handlers: Handlers,
  unknownMessage = message("common:errors.form.unknownIntent"),
): Promise<Awaited<ReturnType<Handlers[keyof Handlers]>>> {
  const intent = formData.get("intent");
  const handler = typeof intent === "string" && Object.hasOwn(handlers, intent) ? handlers[intent] : undefined;
  if (!handler) badRequest(unknownMessage);
  return (await handler()) as Awaited<ReturnType<Handlers[keyof Handlers]>>;
}

/**
 * A 400 with the submission's field errors, for the form that sent `intent`; `fieldErrors`
 * adds what only the server can know (an email already in use).
 */
export function invalid(intent: string, submission: Submission<unknown>, fieldErrors?: Record<string, string[]>) {
  return data<FormReply>({ intent, result: submission.reply(fieldErrors ? { fieldErrors } : undefined) }, { status: 400 });
}

/**
 * A 400 with one message about the whole form: a rule the fields alone can't show (someone
 * else changed it first, a limit was reached). With the submission, what was typed is kept.
 */
export function refused(intent: string, message: string, submission?: Submission<unknown>) {
  const result = submission ? submission.reply({ formErrors: [message] }) : { status: "error" as const, error: { "": [message] } };
  return data<FormReply>({ intent, result }, { status: 400 });
}

/** Redirects to `to` and has the page there confirm what happened with a listed notice. */
export function redirectWithNotice(to: string, notice: PlainNoticeKey, init?: ResponseInit): Response;
/** The same, for a notice that says how many things changed. */
export function redirectWithNotice(to: string, notice: CountedNoticeKey, count: number, init?: ResponseInit): Response;
export function redirectWithNotice(to: string, notice: NoticeKey, countOrInit?: number | ResponseInit, init?: ResponseInit) {
  const url = new URL(to, "http://frontline.invalid");
  url.searchParams.set("notice", notice);
  if (typeof countOrInit === "number") url.searchParams.set("count", String(countOrInit));
  return redirect(`${url.pathname}${url.search}${url.hash}`, typeof countOrInit === "number" ? init : countOrInit);
}
