// One message per row, for helpdesks we don't read natively: the columns a spreadsheet export can
// produce. Rows of one conversation_id form one conversation; a bad row is reported and skipped.
import { parse } from "csv-parse/sync";
import { conversationOf, isRowError, readChannel, readTime } from "./read.ts";
import type { ImportedMessage, ParseResult } from "./types.ts";

const REQUIRED = ["conversation_id", "timestamp", "author", "text"] as const;

const AUTHORS: Record<string, ImportedMessage["author"]> = {
  customer: "customer",
  "end-user": "customer",
  end_user: "customer",
  user: "customer",
  agent: "agent",
  admin: "agent",
};

type Row = Record<string, string>;
type Group = { line: number; row: Row; messages: ImportedMessage[] };

function rowsOf(text: string): { rows: { row: Row; line: number }[]; error: { line: number } | null } {
  const rows: { row: Row; line: number }[] = [];
  try {
    const records = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as { record: Row; info: { lines: number } }[];
    let previousEnd = 1;
    for (const { record, info } of records) {
      rows.push({ row: record, line: previousEnd + 1 });
      previousEnd = info.lines;
    }
    return { rows, error: null };
  } catch (error) {
    const line = typeof error === "object" && error && "lines" in error ? Number((error as { lines: number }).lines) : 1;
    return { rows, error: { line } };
  }
}

export function parseCsv(text: string): ParseResult {
  const result: ParseResult = { conversations: [], errors: [] };
  const header = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/, 1)[0]
    .split(",")
    .map((name) => name.trim().replace(/^"|"$/g, "").toLowerCase());
  const missing = REQUIRED.find((column) => !header.includes(column));
  if (missing) return { conversations: [], errors: [{ line: 1, reason: "missing-field", field: missing }] };
  const { rows, error } = rowsOf(text);
  const groups = new Map<string, Group>();
  for (const { row, line } of rows) {
    const id = row.conversation_id?.trim();
    if (!id) {
      result.errors.push({ line, reason: "missing-field", field: "conversation_id" });
      continue;
    }
    const at = readTime(row.timestamp);
    if (!at) {
      result.errors.push({ line, reason: row.timestamp?.trim() ? "invalid-field" : "missing-field", field: "timestamp" });
      continue;
    }
    const author = AUTHORS[row.author?.trim().toLowerCase() ?? ""];
    if (!author) {
      result.errors.push({ line, reason: "unknown-author", field: "author" });
      continue;
    }
    const group = groups.get(id) ?? { line, row, messages: [] };
    group.messages.push({ author, at, text: row.text ?? "" });
    groups.set(id, group);
  }
  if (error) result.errors.push({ line: error.line, reason: "invalid-csv" });
  for (const [id, group] of groups) {
    const conversation = conversationOf(
      {
        externalId: id,
        channel: readChannel(group.row.channel, "email"),
        subject: group.row.subject?.trim() ?? "",
        agentEmail: group.row.agent_email?.trim() || null,
        customerName: group.row.customer_name?.trim() || null,
        line: group.line,
      },
      group.messages,
    );
    if (isRowError(conversation)) result.errors.push(conversation);
    else result.conversations.push(conversation);
  }
  result.errors.sort((a, b) => a.line - b.line);
  return result;
}
