// Which format a file is in, from its name and shape, and its conversations in one form.
import { parseCsv } from "./csv.ts";
import { FrontlineDocumentSchema, parseFrontlineDocument } from "./frontline-json.ts";
import { intercomRecords, IntercomDocumentSchema, parseIntercomRecords } from "./intercom.ts";
import { readJsonRecords } from "./read.ts";
import type { ImportSystem, ParseResult } from "./types.ts";
import { parseZendeskDocument, parseZendeskRecords, ZendeskDocumentSchema } from "./zendesk.ts";

export type ParsedFile = ParseResult & { system: ImportSystem };

const unrecognised = (system: ImportSystem): ParsedFile => ({
  system,
  conversations: [],
  errors: [{ line: 1, reason: "unrecognised-format" }],
});

const looksLikeZendeskTicket = (value: unknown) => typeof value === "object" && value !== null && "comments" in value && "id" in value;
const looksLikeIntercom = (value: unknown) =>
  typeof value === "object" && value !== null && ("conversation_parts" in value || (value as { type?: unknown }).type === "conversation");

export function parseConversations(fileName: string, text: string): ParsedFile {
  if (fileName.toLowerCase().endsWith(".csv")) return { system: "csv", ...parseCsv(text) };
  const json = readJsonRecords(text);
  if (!json) return { system: "frontline", conversations: [], errors: [{ line: 1, reason: "invalid-json" }] };
  if ("lines" in json) {
    const first = json.lines[0]?.value;
    const parsed = looksLikeZendeskTicket(first)
      ? { system: "zendesk" as const, ...parseZendeskRecords(json.lines) }
      : looksLikeIntercom(first)
        ? { system: "intercom" as const, ...parseIntercomRecords(json.lines) }
        : null;
    if (!parsed) return unrecognised("frontline");
    return { ...parsed, errors: [...json.errors, ...parsed.errors].sort((a, b) => a.line - b.line) };
  }
  const { document } = json;
  const frontline = FrontlineDocumentSchema.safeParse(document);
  if (frontline.success) return { system: "frontline", ...parseFrontlineDocument(frontline.data) };
  const zendesk = ZendeskDocumentSchema.safeParse(document);
  if (zendesk.success) return { system: "zendesk", ...parseZendeskDocument(zendesk.data) };
  const intercom = IntercomDocumentSchema.safeParse(document);
  if (intercom.success) {
    const records = intercomRecords(intercom.data);
    if (records.length === 0 || looksLikeIntercom(records[0]))
      return { system: "intercom", ...parseIntercomRecords(records.map((value, index) => ({ value, line: index + 1 }))) };
  }
  return unrecognised("frontline");
}
