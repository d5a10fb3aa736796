// Helpers for calling Remix loaders and actions directly, as the server would,
// against the test file's own database.
import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { startSession } from "~/utils/auth.server.ts";

export const BASE_URL = "http://localhost:3000";

/** Turns a Set-Cookie value into the `name=value` pair a browser would send back. */
export function cookieFromSetCookie(setCookie: string): string {
  return setCookie.split(";")[0].trim();
}

/** Starts a real session for the person and returns a Cookie header value for it. */
export async function sessionCookieFor(userId: string): Promise<string> {
  return cookieFromSetCookie(await startSession(userId));
}

function absolute(url: string): string {
  return new URL(url, BASE_URL).toString();
}

export function get(url: string, cookie?: string): Request {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  return new Request(absolute(url), { method: "GET", headers });
}

/** A form post; give the fields as pairs to repeat a name, as a browser sends a checkbox group. */
export function post(url: string, fields: Record<string, string> | [string, string][] = {}, cookie?: string): Request {
  const headers = new Headers({
    "Content-Type": "application/x-www-form-urlencoded",
    Origin: BASE_URL,
  });
  if (cookie) headers.set("Cookie", cookie);
  return new Request(absolute(url), { method: "POST", headers, body: new URLSearchParams(fields).toString() });
}

/** A multipart form post with files, as a browser sends an upload form. */
export function upload(
  url: string,
  fields: Record<string, string>,
  files: Record<string, { name: string; content: string | Uint8Array }>,
  cookie?: string,
): Request {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  for (const [name, file] of Object.entries(files))
    body.append(name, new File([typeof file.content === "string" ? file.content : new Uint8Array(file.content)], file.name));
  const sent = new Headers({ Origin: BASE_URL });
  if (cookie) sent.set("Cookie", cookie);
  return new Request(absolute(url), { method: "POST", headers: sent, body });
}

export type RouteOutcome<Body = unknown> = {
  status: number;
  location?: string;
  body?: Body;
  headers?: Headers;
};

// Anything with the loader/action argument shape; loaders that take no arguments fit too.
type RouteFunction = (args: LoaderFunctionArgs) => unknown;

export const TEST_CONTEXT: AppLoadContext = { cspNonce: "test", clientAddress: "127.0.0.1" };

type DataWithResponseInit = { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null };

function isDataWithResponseInit(value: unknown): value is DataWithResponseInit {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

function isResponse(value: unknown): value is Response {
  if (value instanceof Response) return true;
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Response).status === "number" &&
    typeof (value as Response).text === "function" &&
    (value as Response).headers instanceof Headers
  );
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function normalise(value: unknown): Promise<RouteOutcome> {
  if (isResponse(value)) {
    return {
      status: value.status,
      location: value.headers.get("Location") ?? undefined,
      body: await readBody(value),
      headers: value.headers,
    };
  }
  if (isDataWithResponseInit(value)) {
    const headers = new Headers(value.init?.headers);
    return {
      status: value.init?.status ?? 200,
      location: headers.get("Location") ?? undefined,
      body: value.data,
      headers,
    };
  }
  return { status: 200, body: value };
}

/**
 * Runs a loader or action and reports what the client would get, whether the
 * function returned or threw a Response / data() value. Real errors (a would-be
 * 500) are rethrown so the test fails loudly.
 */
export async function callRoute<Body = unknown>(
  fn: RouteFunction,
  { request, params = {}, context = TEST_CONTEXT }: { request: Request; params?: Record<string, string>; context?: AppLoadContext },
): Promise<RouteOutcome<Body>> {
  let value: unknown;
  try {
    value = await fn({ request, params, context });
  } catch (thrown) {
    if (isResponse(thrown) || isDataWithResponseInit(thrown)) return (await normalise(thrown)) as RouteOutcome<Body>;
    throw thrown;
  }
  return (await normalise(value)) as RouteOutcome<Body>;
}

/** Where an anonymous visitor to `path` is sent: the login page, remembering `path`. */
export function loginRedirectTarget(location: string | undefined): { pathname: string; redirectTo: string | null } {
  const url = new URL(location ?? "", BASE_URL);
  return { pathname: url.pathname, redirectTo: url.searchParams.get("redirectTo") };
}
