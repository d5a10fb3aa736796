// What a request log line may say about a request: no query strings (they can
// carry search terms and names) and no secrets that travel in the path.
const SECRET_SEGMENTS = [/^(\/set-password\/)[^/]+/];

export function loggablePath(pathname: string): string {
  return SECRET_SEGMENTS.reduce((path, pattern) => path.replace(pattern, "$1…"), pathname);
}

const FORWARDED_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** A proxy's request id is kept when it looks like one, so both logs tell the same story. */
export function requestIdFrom(forwarded: string | undefined, fresh: () => string): string {
  return forwarded !== undefined && FORWARDED_ID.test(forwarded) ? forwarded : fresh();
}
