// Zendesk tickets with their comments and users, as the Tickets API returns them with sideloads, or its
// incremental export (one ticket per line). Private comments are internal notes, never part of the
// conversation; an author is an agent only when Zendesk says so.
import { z } from "zod";
import { conversationOf, fieldOf, htmlToText, isRowError, readChannel, readTime } from "./read.ts";
import type { ImportedMessage, ImportRowError, ParseResult } from "./types.ts";

const Id = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);

const UserSchema = z.object({
  id: Id,
  name: z.string().nullish(),
  email: z.string().nullish(),
  role: z.string(),
});

const CommentSchema = z.object({
  author_id: Id,
  body: z.string().nullish(),
  plain_body: z.string().nullish(),
  html_body: z.string().nullish(),
  public: z.boolean().default(true),
  created_at: z.string(),
});

const TicketSchema = z.object({
  id: Id,
  subject: z.string().nullish(),
  via: z.object({ channel: z.string().nullish() }).nullish(),
  requester_id: Id.nullish(),
  assignee_id: Id.nullish(),
  comments: z.array(z.unknown()),
  users: z.array(UserSchema).optional(),
});

export const ZendeskDocumentSchema = z.object({ tickets: z.array(z.unknown()), users: z.array(z.unknown()).optional() });

type User = z.infer<typeof UserSchema>;
const isAgent = (user: User | undefined) => user?.role === "agent" || user?.role === "admin";

function ticketOf(record: unknown, line: number, users: Map<number, User>, errors: ImportRowError[]) {
  const parsed = TicketSchema.safeParse(record);
  if (!parsed.success) {
    errors.push({ line, reason: "missing-field", field: fieldOf(parsed.error) });
    return null;
  }
  const ticket = parsed.data;
  const known = new Map(users);
  for (const user of ticket.users ?? []) known.set(user.id, user);
  const messages: ImportedMessage[] = [];
  let firstAgent: User | undefined;
  for (const raw of ticket.comments) {
    const comment = CommentSchema.safeParse(raw);
    if (!comment.success) return void errors.push({ line, reason: "missing-field", field: fieldOf(comment.error) });
    const { author_id: authorId, public: visible, created_at: createdAt } = comment.data;
    if (!visible) continue;
    const at = readTime(createdAt);
    if (!at) return void errors.push({ line, reason: "invalid-field", field: "created_at" });
    const author = known.get(authorId);
    const text = comment.data.plain_body ?? comment.data.body ?? htmlToText(comment.data.html_body ?? "");
    if (isAgent(author)) {
      firstAgent ??= author;
      messages.push({ author: "agent", at, text });
    } else if (author?.role === "end-user" || authorId === ticket.requester_id) {
      messages.push({ author: "customer", at, text });
    } else {
      errors.push({ line, reason: "unknown-author", field: "author_id" });
    }
  }
  const assignee = ticket.assignee_id ? known.get(ticket.assignee_id) : undefined;
  const requester = ticket.requester_id ? known.get(ticket.requester_id) : undefined;
  return conversationOf(
    {
      externalId: String(ticket.id),
      channel: readChannel(ticket.via?.channel, "email"),
      subject: ticket.subject?.trim() ?? "",
      agentEmail: (isAgent(assignee) ? assignee?.email : firstAgent?.email)?.trim() || null,
      customerName: requester?.name?.trim() || null,
      line,
    },
    messages,
  );
}

function usersFrom(records: unknown[] | undefined): Map<number, User> {
  const users = new Map<number, User>();
  for (const record of records ?? []) {
    const user = UserSchema.safeParse(record);
    if (user.success) users.set(user.data.id, user.data);
  }
  return users;
}

/** Tickets of a sideloaded API answer; `line` is the ticket's place in the list, from 1. */
export function parseZendeskDocument(document: z.infer<typeof ZendeskDocumentSchema>): ParseResult {
  return parseZendeskRecords(
    document.tickets.map((value, index) => ({ value, line: index + 1 })),
    usersFrom(document.users),
  );
}

/** Tickets one per line, each carrying its own users, or records of a document. */
export function parseZendeskRecords(records: { value: unknown; line: number }[], users = new Map<number, User>()): ParseResult {
  const result: ParseResult = { conversations: [], errors: [] };
  for (const { value, line } of records) {
    const conversation = ticketOf(value, line, users, result.errors);
    if (!conversation) continue;
    if (isRowError(conversation)) result.errors.push(conversation);
    else result.conversations.push(conversation);
  }
  return result;
}
