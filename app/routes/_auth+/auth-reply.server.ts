import type { Submission } from "@conform-to/react";
import { data, type HeadersFunction } from "@remix-run/node";
import type { FormReply } from "~/components/forms/reply.ts";

/**
 * A refused sign-in or password form in the one reply shape, except that what was typed
 * into its password fields never travels back; a throttled attempt is a 429 saying when
 * to try again.
 */
export function refuseAuthForm(
  intent: string,
  submission: Submission<unknown>,
  { passwordFields, message, retryAfterSeconds }: { passwordFields: string[]; message?: string; retryAfterSeconds?: number },
) {
  const result = submission.reply({ hideFields: passwordFields, ...(message ? { formErrors: [message] } : {}) });
  if (retryAfterSeconds === undefined) return data<FormReply>({ intent, result }, { status: 400 });
  return data<FormReply>({ intent, result }, { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } });
}

/**
 * The sign-in routes' `headers`: Remix passes on only the cookies an action sets, so the
 * wait a throttled attempt names in Retry-After is passed on here.
 */
export const passOnRetryAfter: HeadersFunction = ({ actionHeaders, parentHeaders }) => {
  const headers = new Headers(parentHeaders);
  const wait = actionHeaders.get("Retry-After");
  if (wait) headers.set("Retry-After", wait);
  return headers;
};
