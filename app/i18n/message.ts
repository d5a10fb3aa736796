// A message that is decided in one place and shown in another (a zod error made
// on the server and rendered in a form, a notification title stored in the
// database) travels as a catalog key with its values, so it is worded in the
// reader's language when it is shown, not in the writer's when it is made.
import type { TFunction } from "i18next";

export type MessageValues = Record<string, string | number>;

const SEPARATOR = "|";

/** "validation:tooLong|{"max":200}": a key in `namespace:key` form and its values. */
export function message(key: `${string}:${string}`, values?: MessageValues): string {
  return values && Object.keys(values).length > 0 ? `${key}${SEPARATOR}${JSON.stringify(values)}` : key;
}

const KEY = /^[a-z][a-zA-Z-]*:[a-zA-Z0-9_.-]+$/;

export function parseMessage(text: string): { key: string; values?: MessageValues } | undefined {
  const at = text.indexOf(SEPARATOR);
  const key = at === -1 ? text : text.slice(0, at);
  if (!KEY.test(key)) return undefined;
  if (at === -1) return { key };
  try {
    const values: unknown = JSON.parse(text.slice(at + 1));
    return values && typeof values === "object" ? { key, values: values as MessageValues } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Words a message made by `message()`. Text that is not a message (a stored
 * notification from before catalogs, a name) is shown as it is. A value that is
 * itself a message ("common:level.agent-1") is worded first, so a sentence can
 * name a level, a role or a status in the reader's language.
 */
export function translateMessage(t: TFunction, text: string): string {
  const parsed = parseMessage(text);
  if (!parsed) return text;
  const [namespace, key] = parsed.key.split(":") as [string, string];
  const values = Object.fromEntries(
    Object.entries(parsed.values ?? {}).map(([name, value]) => [name, typeof value === "string" ? translateMessage(t, value) : value]),
  );
  return t(key, { ns: namespace, ...values, defaultValue: text }) as string;
}
