import type { Submission } from "@conform-to/react";
import { data } from "@remix-run/node";
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
