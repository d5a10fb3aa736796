// What every import format shares: dates, HTML bodies, channels, and turning messages into a conversation.
import { type z } from "zod";
import { MAX_MESSAGE_CHARS, type ImportChannel, type ImportedConversation, type ImportedMessage, type ImportRowError } from "./types.ts";

/** An ISO-8601 time with its offset, or a Unix time in seconds; null when it is neither. */
export function readTime(value: unknown): Date | null {
  if (typeof value === "number" && Number.isFinite(value)) return new Date(value * 1000);
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value.trim())) return null;
  const time = new Date(value.trim().replace(" ", "T"));
  return Number.isNaN(time.getTime()) ? null : time;
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  euro: "€",
  pound: "£",
  yen: "¥",
};

/** A helpdesk's HTML body as the plain text a customer read. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\s*br\s*\/?>/gi, "\n")
    .replace(/<\/\s*(p|div|li|h[1-6]|blockquote)\s*>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity, name: string) => {
      const lower = name.toLowerCase();
      if (lower.startsWith("#x")) return String.fromCodePoint(parseInt(lower.slice(2), 16));
      if (lower.startsWith("#")) return String.fromCodePoint(Number(lower.slice(1)));
      return ENTITIES[lower] ?? entity;
    })
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const CHANNEL_WORDS: [RegExp, ImportChannel][] = [
  [/^(voice|phone|phone_call|call)$/, "phone"],
  [/^(chat|native_messaging|messaging|sms|whatsapp|conversation|push|in_app|messenger)$/, "chat"],
  [/^(twitter|facebook|instagram|any_channel|social)$/, "social"],
  [/^(email|mail|web|api|web_form)$/, "email"],
];

/** A source's channel name in our four channels; an unknown one is read as `fallback`. */
export function readChannel(value: unknown, fallback: ImportChannel): ImportChannel {
  const word = typeof value === "string" ? value.trim().toLowerCase() : "";
  return CHANNEL_WORDS.find(([pattern]) => pattern.test(word))?.[1] ?? fallback;
}

/** The first path zod complained about, as a field name for the report. */
export function fieldOf(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue
    ? issue.path
        .filter((part) => typeof part === "string")
        .at(-1)
        ?.toString() || "record"
    : "record";
}

/**
 * A conversation from its messages, oldest first, or the reason it can't be graded. Blank messages
 * are dropped; a message too long to be a real one rejects the conversation rather than being cut.
 */
export function conversationOf(
  base: Omit<ImportedConversation, "messages">,
  messages: ImportedMessage[],
): ImportedConversation | ImportRowError {
  const kept = messages
    .map((message) => ({ ...message, text: message.text.trim() }))
    .filter((message) => message.text !== "")
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  if (kept.some((message) => message.text.length > MAX_MESSAGE_CHARS)) return { line: base.line, reason: "text-too-long" };
  if (kept.length === 0) return { line: base.line, reason: "no-messages" };
  if (!kept.some((message) => message.author === "agent")) return { line: base.line, reason: "no-agent-reply" };
  return { ...base, messages: kept };
}

export const isRowError = (value: ImportedConversation | ImportRowError): value is ImportRowError => "reason" in value;

/** JSON records: a whole document, or one record per line (NDJSON); null when it is neither. */
export function readJsonRecords(
  text: string,
): { document: unknown } | { lines: { value: unknown; line: number }[]; errors: ImportRowError[] } | null {
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  try {
    return { document: JSON.parse(trimmed) };
  } catch {
    // Not one document: perhaps one record per line.
  }
  const lines: { value: unknown; line: number }[] = [];
  const errors: ImportRowError[] = [];
  const rows = trimmed.split(/\r?\n/);
  rows.forEach((row, index) => {
    if (row.trim() === "") return;
    try {
      lines.push({ value: JSON.parse(row), line: index + 1 });
    } catch {
      errors.push({ line: index + 1, reason: "invalid-json" });
    }
  });
  return lines.length > 0 ? { lines, errors } : null;
}
