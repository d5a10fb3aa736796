import { data } from "@remix-run/node";
import type { z } from "zod";
import { message } from "~/i18n/message.ts";
import { FORM_LIMITS, formLimitProblem } from "./form-limits.ts";
import type { ErrorPayload } from "./permissions.server.ts";

/** Parses a page's query string; a malformed one is a 400 naming each bad parameter. */
export function parseSearchParams<Schema extends z.ZodTypeAny>(request: Request, schema: Schema): z.output<Schema> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  const names = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".") || "query"))];
  throw data<ErrorPayload>({ message: message("common:errors.badParameter", { names: names.join(", ") }) }, { status: 400 });
}

export function badRequest(message: string): never {
  throw data<ErrorPayload>({ message }, { status: 400 });
}

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

function refuse(status: 413 | 415, message: string): never {
  throw data<ErrorPayload>({ message }, { status });
}

/** The body's bytes, or null as soon as it grows past `maxBytes` (the rest is never read). */
async function readBodyUpTo(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The submitted form, within FORM_LIMITS (a file upload may allow a larger body): an oversized body is a 413, a body
 * that is not a form a 415, and a broken form or one past a field limit a 400,
 * each decided before any form library reads the fields.
 */
export async function readFormData(request: Request, { maxBodyBytes = FORM_LIMITS.maxBodyBytes } = {}): Promise<FormData> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!FORM_TYPES.test(contentType)) refuse(415, message("common:errors.form.notAForm"));
  const tooLarge = message("common:errors.form.tooLarge", { megabytes: Math.floor(maxBodyBytes / 1024 / 1024) });
  if (Number(request.headers.get("Content-Length") ?? 0) > maxBodyBytes) refuse(413, tooLarge);
  const body = await readBodyUpTo(request.body, maxBodyBytes);
  if (!body) refuse(413, tooLarge);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "Content-Type": contentType } }).formData();
  } catch {
    badRequest(message("common:errors.form.unreadable"));
  }
  const problem = formLimitProblem(form.entries());
  if (problem) badRequest(problem);
  return form;
}
