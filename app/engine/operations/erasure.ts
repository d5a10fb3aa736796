// Erasing a departed person keeps the audit trail but stops it naming them. These rules find every
// name and email they went by and replace them where the trail stores them as values.

export type Identity = { name: string; email: string };

const IDENTITY_FIELDS = ["name", "email"] as const;

/**
 * The names and emails a person has gone by: their current ones, and those recorded in the details
 * of audit events about them, either as a value (`{ name }`, when they were added) or as a change
 * (`{ name: { from, to } }`, when their profile was edited).
 */
export function formerIdentities(current: Identity, detailsOfEventsAbout: string[]): { names: string[]; emails: string[] } {
  const found = { name: new Set([current.name]), email: new Set([current.email]) };
  for (const text of detailsOfEventsAbout) {
    let details: unknown;
    try {
      details = JSON.parse(text);
    } catch {
      continue;
    }
    if (!details || typeof details !== "object") continue;
    for (const field of IDENTITY_FIELDS) {
      const value = (details as Record<string, unknown>)[field];
      const values = value && typeof value === "object" ? [(value as { from?: unknown }).from, (value as { to?: unknown }).to] : [value];
      for (const candidate of values) if (typeof candidate === "string" && candidate.trim() !== "") found[field].add(candidate);
    }
  }
  return { names: [...found.name], emails: [...found.email] };
}

/**
 * `text` with `from` replaced by `to` wherever it is a whole JSON string: quoted once (a value in the
 * details, or a parameter of a summary) or twice (a message nested inside another message). A name
 * inside a longer value is left alone, so a short name never rewrites someone else's.
 */
export function replaceQuoted(text: string, from: string, to: string): string {
  const once = JSON.stringify(from);
  const twice = JSON.stringify(once).slice(1, -1);
  return text
    .split(twice)
    .join(JSON.stringify(JSON.stringify(to)).slice(1, -1))
    .split(once)
    .join(JSON.stringify(to));
}
