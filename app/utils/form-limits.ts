/**
 * What one submitted form may hold. Checked on the raw body before any form
 * library builds objects from it: a field named `x[100000000]` would otherwise
 * become an array of that length, and every empty slot would get an error.
 *
 * The largest real forms are the mentoring pool (two fields per mentee) and
 * 1:1 notes; these bounds leave them room and nothing more.
 */
import { message } from "~/i18n/message.ts";
export const FORM_LIMITS = {
  maxBodyBytes: 1024 * 1024,
  maxFields: 5000,
  maxNameLength: 200,
  /** Indices name positions in a list of fields, so none can exceed the field count. */
  maxArrayIndex: 4999,
  maxValueLength: 20_000,
} as const;

type Entry = [name: string, value: string | { size: number }];

// C0 control characters other than tab, line feed and carriage return: nobody types them.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const ARRAY_INDEX = /\[(\d+)\]/g;

/** Why these form entries break a limit, in words for the person who sent them; null when they fit. */
export function formLimitProblem(entries: Iterable<Entry>, limits = FORM_LIMITS): string | null {
  let count = 0;
  for (const [name, value] of entries) {
    count += 1;
    if (count > limits.maxFields) return message("common:errors.form.tooManyFields", { max: limits.maxFields });
    if (name.length > limits.maxNameLength) return message("common:errors.form.longName");
    for (const [, index] of name.matchAll(ARRAY_INDEX)) {
      if (index.length > 6 || Number(index) > limits.maxArrayIndex) return message("common:errors.form.impossiblePosition");
    }
    if (CONTROL_CHARACTER.test(name)) return message("common:errors.form.badName");
    if (typeof value === "string") {
      if (value.length > limits.maxValueLength) {
        return message("common:errors.form.longValue", { max: limits.maxValueLength });
      }
      if (CONTROL_CHARACTER.test(value)) return message("common:errors.form.controlCharacters");
    }
  }
  return null;
}
