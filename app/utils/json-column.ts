import { z } from "zod";

/**
 * A JSON value kept in a text column (SQLite has no JSON type in Prisma): written from a
 * checked value and checked again when read, so a row that no longer fits its schema fails
 * loudly in the model instead of flowing into a page half-understood.
 */
export function jsonColumn<Schema extends z.ZodTypeAny>(schema: Schema) {
  return {
    read(text: string): z.output<Schema> {
      return schema.parse(JSON.parse(text));
    },
    write(value: z.input<Schema>): string {
      return JSON.stringify(schema.parse(value));
    },
  };
}

/** The commonest column: a list of keys or names (competencies, languages, linked ids). */
export const StringListColumn = jsonColumn(z.array(z.string()));
