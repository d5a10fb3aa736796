const PLACEHOLDER_ORIGIN = "http://frontline.invalid";

/**
 * Returns `to` only when it is a path on this site; anything that could send the
 * browser elsewhere (absolute URLs, protocol-relative `//host`, backslash tricks,
 * control characters) falls back.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string") return fallback;
  const candidate = to.trim();
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return fallback;
  // Control characters and backslashes are how browsers get talked into leaving the site.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\\]/.test(candidate)) return fallback;
  let url: URL;
  try {
    url = new URL(candidate, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  // Dot segments are resolved by the parser, so "/.//host" only shows its "//" here.
  if (url.origin !== PLACEHOLDER_ORIGIN || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
