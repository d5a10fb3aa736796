import { data } from "@remix-run/node";
import type { z } from "zod";
import type { ErrorPayload } from "./permissions.server.ts";

/** Parses a page's query string; a malformed one is a 400 naming each bad parameter. */
export function parseSearchParams<Schema extends z.ZodTypeAny>(request: Request, schema: Schema): z.output<Schema> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "query"}: ${issue.message}`);
  throw data<ErrorPayload>({ message: `This page's address has a bad parameter — ${problems.join("; ")}.` }, { status: 400 });
}

export function badRequest(message: string): never {
  throw data<ErrorPayload>({ message }, { status: 400 });
}

/** The submitted form; a body that is not a form (JSON, broken multipart) is a 400, not a crash. */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    badRequest("This form could not be read. Reload the page and submit it again.");
  }
}

/** The confirmation a redirect asked this page to show (`?notice=`); null for none or an unknown one. */
export function noticeFrom<Key extends string>(request: Request, notices: Record<Key, string>): string | null {
  const key = new URL(request.url).searchParams.get("notice");
  return key !== null && Object.hasOwn(notices, key) ? notices[key as Key] : null;
}
