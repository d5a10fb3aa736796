import { data } from "@remix-run/node";
import type { Role } from "~/domain/people.ts";
import { hasRole } from "~/engine/access/people.ts";
import { message } from "~/i18n/message.ts";
import { requireUser, type SessionUser } from "./auth.server.ts";

export type ErrorPayload = { message: string };

export function forbidden(text = message("common:errors.forbidden")): never {
  throw data<ErrorPayload>({ message: text }, { status: 403 });
}

export function notFound(text = message("common:errors.notFound")): never {
  throw data<ErrorPayload>({ message: text }, { status: 404 });
}

/** Narrows away null/undefined or answers 404, so guessed ids reveal nothing. */
export function ensureFound<T>(value: T | null | undefined, message?: string): T {
  if (value === null || value === undefined) notFound(message);
  return value;
}

/** The signed-in user when their role is one of `roles`; otherwise a 403 page. */
export async function requireRole(request: Request, roles: readonly Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!hasRole(user, roles)) forbidden();
  return user;
}
