const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A state-changing request must carry an Origin header naming this very site:
 * the same scheme, host and port. Browsers send Origin on every non-GET
 * request, so a missing or foreign one means the request did not come from our
 * own pages.
 */
export function isAllowedOrigin({
  method,
  origin,
  host,
  protocol,
}: {
  method: string;
  origin: string | undefined;
  host: string | undefined;
  /** "http" or "https", as the client reached us (behind a trusted proxy, as the proxy says). */
  protocol: string;
}): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  if (!origin || !host || /[/?#@\\]/.test(host)) return false;
  try {
    return new URL(origin).origin === new URL(`${protocol}://${host}`).origin;
  } catch {
    return false;
  }
}

/** Signed-in pages must never be kept by a shared cache or the browser's back-forward history on disk. */
export const DEFAULT_CACHE_CONTROL = "private, no-store";

/** Browser features Frontline never uses, switched off for every page and anything embedded in it. */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "camera=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "payment=()",
  "usb=()",
  "interest-cohort=()",
].join(", ");

/**
 * What a resource route (one without a page) answers with a reply built by `data()`: Remix
 * would send such a reply whole as JSON with status 200, losing its status and headers.
 */
export function replyAsResponse({ data, init }: { data: unknown; init: ResponseInit | null }): Response {
  return Response.json(data, init ?? undefined);
}
