// Frontline's own transcript format (docs/imports/conversation.schema.json): the simplest way to bring
// conversations from a helpdesk we don't read, or from a script.
import { z } from "zod";
import { conversationOf, fieldOf, isRowError } from "./read.ts";
import { IMPORT_CHANNELS, type ParseResult } from "./types.ts";

const MessageSchema = z.object({
  author: z.enum(["customer", "agent"]),
  at: z.string().datetime({ offset: true }),
  text: z.string(),
});

const ConversationSchema = z.object({
  id: z.union([z.string().trim().min(1).max(200), z.number().int()]),
  channel: z.enum(IMPORT_CHANNELS),
  subject: z.string().max(500).optional(),
  agentEmail: z.string().trim().email().optional(),
  customerName: z.string().trim().max(200).optional(),
  messages: z.array(MessageSchema).max(2000),
});

export const FrontlineDocumentSchema = z.object({ version: z.literal(1), conversations: z.array(z.unknown()) });

/** Each conversation of a Frontline document; `line` is its place in the list, from 1. */
export function parseFrontlineDocument(document: z.infer<typeof FrontlineDocumentSchema>): ParseResult {
  const result: ParseResult = { conversations: [], errors: [] };
  document.conversations.forEach((record, index) => {
    const line = index + 1;
    const parsed = ConversationSchema.safeParse(record);
    if (!parsed.success) {
      const field = fieldOf(parsed.error);
      const missing = parsed.error.issues.some((issue) => issue.code === "invalid_type" && issue.received === "undefined");
      result.errors.push({ line, reason: missing ? "missing-field" : "invalid-field", field });
      return;
    }
    const { id, channel, subject, agentEmail, customerName, messages } = parsed.data;
    const conversation = conversationOf(
      { externalId: String(id), channel, subject: subject ?? "", agentEmail: agentEmail ?? null, customerName: customerName ?? null, line },
      messages.map((message) => ({ author: message.author, at: new Date(message.at), text: message.text })),
    );
    if (isRowError(conversation)) result.errors.push(conversation);
    else result.conversations.push(conversation);
  });
  return result;
}
