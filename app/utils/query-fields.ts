import { z } from "zod";

/** Optional query-string filter: an empty value means "no filter". */
export function optionalFilter<T extends z.ZodTypeAny>(schema: T) {
  return z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
}

export const PageSchema = z.coerce
  .number({ invalid_type_error: "page must be a number" })
  .int("page must be a whole number")
  .min(1, "page starts at 1")
  .max(100_000, "page is too large")
  .default(1);
