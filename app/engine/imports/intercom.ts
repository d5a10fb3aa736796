// Intercom conversations as the Conversations API returns them: the opening message (`source`) and the
// conversation parts after it. Notes are internal and bots are not agents, so neither is graded.
import { z } from "zod";
import { conversationOf, fieldOf, htmlToText, isRowError, readChannel, readTime } from "./read.ts";
import type { ImportedMessage, ImportRowError, ParseResult } from "./types.ts";

const AuthorSchema = z.object({
  type: z.string(),
  name: z.string().nullish(),
  email: z.string().nullish(),
});

const PartSchema = z.object({
  part_type: z.string(),
  body: z.string().nullish(),
  created_at: z.union([z.number(), z.string()]),
  author: AuthorSchema,
});

const ConversationSchema = z.object({
  type: z.literal("conversation").optional(),
  id: z.union([z.string().min(1), z.number()]),
  created_at: z.union([z.number(), z.string()]),
  title: z.string().nullish(),
  source: z.object({
    type: z.string().nullish(),
    subject: z.string().nullish(),
    body: z.string().nullish(),
    author: AuthorSchema,
  }),
  conversation_parts: z.object({ conversation_parts: z.array(z.unknown()) }).optional(),
});

export const IntercomDocumentSchema = z.union([z.object({ conversations: z.array(z.unknown()) }), z.array(z.unknown())]);

const CUSTOMER_TYPES = new Set(["user", "lead", "contact"]);
const MESSAGE_PARTS = new Set(["comment", "open", "close", "assign_and_reopen"]);

type Author = z.infer<typeof AuthorSchema>;

function messageFrom(author: Author, body: string | null | undefined, at: Date): ImportedMessage | "skip" | "unknown" {
  const text = htmlToText(body ?? "");
  if (text === "" || author.type === "bot") return "skip";
  if (author.type === "admin") return { author: "agent", at, text };
  if (CUSTOMER_TYPES.has(author.type)) return { author: "customer", at, text };
  return "unknown";
}

function conversationFrom(record: unknown, line: number, errors: ImportRowError[]) {
  const parsed = ConversationSchema.safeParse(record);
  if (!parsed.success) return void errors.push({ line, reason: "missing-field", field: fieldOf(parsed.error) });
  const conversation = parsed.data;
  const opened = readTime(conversation.created_at);
  if (!opened) return void errors.push({ line, reason: "invalid-field", field: "created_at" });
  const messages: ImportedMessage[] = [];
  const authors: Author[] = [];
  const take = (author: Author, body: string | null | undefined, at: Date) => {
    const message = messageFrom(author, body, at);
    if (message === "unknown") errors.push({ line, reason: "unknown-author", field: "author" });
    else if (message !== "skip") {
      messages.push(message);
      authors.push(author);
    }
  };
  take(conversation.source.author, conversation.source.body, opened);
  for (const raw of conversation.conversation_parts?.conversation_parts ?? []) {
    const part = PartSchema.safeParse(raw);
    if (!part.success) return void errors.push({ line, reason: "missing-field", field: fieldOf(part.error) });
    if (!MESSAGE_PARTS.has(part.data.part_type)) continue;
    const at = readTime(part.data.created_at);
    if (!at) return void errors.push({ line, reason: "invalid-field", field: "created_at" });
    take(part.data.author, part.data.body, at);
  }
  return conversationOf(
    {
      externalId: String(conversation.id),
      channel: readChannel(conversation.source.type, "chat"),
      subject: htmlToText(conversation.source.subject ?? conversation.title ?? ""),
      agentEmail: authors.find((author) => author.type === "admin" && author.email)?.email?.trim() ?? null,
      customerName: authors.find((author) => CUSTOMER_TYPES.has(author.type))?.name?.trim() || null,
      line,
    },
    messages,
  );
}

/** Intercom conversations, from a list or one per line; `line` is the record's place, from 1, or its line. */
export function parseIntercomRecords(records: { value: unknown; line: number }[]): ParseResult {
  const result: ParseResult = { conversations: [], errors: [] };
  for (const { value, line } of records) {
    const conversation = conversationFrom(value, line, result.errors);
    if (!conversation) continue;
    if (isRowError(conversation)) result.errors.push(conversation);
    else result.conversations.push(conversation);
  }
  return result;
}

export function intercomRecords(document: z.infer<typeof IntercomDocumentSchema>): unknown[] {
  return Array.isArray(document) ? document : document.conversations;
}
