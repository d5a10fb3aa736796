const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A state-changing request must carry an Origin header naming this very host.
 * Browsers send Origin on every non-GET request, so a missing or foreign one
 * means the request did not come from our own pages.
 */
export function isAllowedOrigin({
  method,
  origin,
  host,
}: {
  method: string;
  origin: string | undefined;
  host: string | undefined;
}): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}
