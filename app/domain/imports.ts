// Importing real conversations: the file a lead may upload and the words for what an import reports.
import { z } from "zod";
import type { ImportErrorReason, ImportReport } from "~/engine/imports/types.ts";
import { message } from "~/i18n/message.ts";

export const IMPORT_LIMITS = {
  /** A month of a busy team's tickets fits; a bigger export is split by date in the helpdesk. */
  maxFileBytes: 20 * 1024 * 1024,
  maxConversations: 5000,
} as const;

/** The import page and its progress stream: the one place a request body may be larger than a form. */
export const IMPORT_PATH = "/coaching/conversations/import";
export const IMPORT_PROGRESS_PATH = "/coaching/conversations/import-progress";
export const IMPORT_BODY_BYTES = IMPORT_LIMITS.maxFileBytes + 1024 * 1024;

export const IMPORT_EXTENSIONS = [".json", ".ndjson", ".jsonl", ".csv"] as const;

const hasImportExtension = (name: string) => IMPORT_EXTENSIONS.some((extension) => name.toLowerCase().endsWith(extension));

/** The upload form: one file, of a kind and size we read. */
export const ImportFormSchema = z.object({
  file: z
    .instanceof(File, { message: message("coaching:import.validation.chooseFile") })
    .refine((file) => file.size > 0, message("coaching:import.validation.empty"))
    .refine(
      (file) => file.size <= IMPORT_LIMITS.maxFileBytes,
      message("coaching:import.validation.tooLarge", { megabytes: IMPORT_LIMITS.maxFileBytes / 1024 / 1024 }),
    )
    .refine((file) => hasImportExtension(file.name), message("coaching:import.validation.kind", { kinds: IMPORT_EXTENSIONS.join(", ") })),
});

export const IMPORT_REASON_LABELS: Record<ImportErrorReason, `coaching:${string}`> = {
  "invalid-json": "coaching:import.reason.invalid-json",
  "invalid-csv": "coaching:import.reason.invalid-csv",
  "missing-field": "coaching:import.reason.missing-field",
  "invalid-field": "coaching:import.reason.invalid-field",
  "unknown-author": "coaching:import.reason.unknown-author",
  "no-messages": "coaching:import.reason.no-messages",
  "no-agent-reply": "coaching:import.reason.no-agent-reply",
  "text-too-long": "coaching:import.reason.text-too-long",
  "unrecognised-format": "coaching:import.reason.unrecognised-format",
};

/** One line of the progress stream an import sends while it works. */
export type ImportEvent =
  { type: "progress"; done: number; total: number } | { type: "done"; report: ImportReport } | { type: "failed"; message: string };

export const IMPORT_STREAM_TYPE = "application/x-ndjson";

const RETENTION = message("coaching:importSettings.validation.retention");

/** The admin's import settings form: names to mask, one per line, and how long imports are kept. */
export const ImportSettingsSchema = z.object({
  maskedNames: z
    .string()
    .max(20_000, message("coaching:importSettings.validation.namesLong"))
    .optional()
    .transform((text) => [...new Set((text ?? "").split(/\r?\n/).map((name) => name.trim()))].filter((name) => name.length > 0))
    .refine((names) => names.length <= 500, message("coaching:importSettings.validation.tooManyNames"))
    .refine(
      (names) => names.every((name) => name.length >= 2 && name.length <= 100),
      message("coaching:importSettings.validation.nameLength"),
    ),
  retentionDays: z
    .number({ invalid_type_error: RETENTION })
    .int(RETENTION)
    .min(1, RETENTION)
    .max(3650, RETENTION)
    .optional()
    .transform((days) => days ?? null),
});
