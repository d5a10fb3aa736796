// Frontline's one logger: JSON lines on standard output at LOG_LEVEL. Each line
// written while a request is served carries that request's id (the X-Request-Id
// header, also shown on the error page) and, once the session is read, the
// person's id; never passwords, tokens, session ids or message texts.
import { AsyncLocalStorage } from "node:async_hooks";
import { pino } from "pino";
import { env } from "./env.server.ts";

export type RequestRecord = { id: string; userId?: string };

export const requestContext = new AsyncLocalStorage<RequestRecord>();

export const logger = pino({
  level: env().LOG_LEVEL,
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  mixin() {
    const record = requestContext.getStore();
    return record ? { requestId: record.id, userId: record.userId } : {};
  },
});

/** The id of the request being served, if any. */
export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.id;
}

/** Records whose request this is, for the request's log lines. */
export function noteRequestUser(userId: string): void {
  const record = requestContext.getStore();
  if (record) record.userId = userId;
}
