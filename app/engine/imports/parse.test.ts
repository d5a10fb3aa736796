// Each format read from a real-shaped export (tests/fixtures/imports), malformed records included.
import fs from "node:fs";
import { describe, expect, test } from "vitest";
import { parseConversations } from "./parse.ts";

const fixture = (name: string) => fs.readFileSync(`tests/fixtures/imports/${name}`, "utf8");

describe("Zendesk", () => {
  const parsed = parseConversations("zendesk-export.json", fixture("zendesk-export.json"));

  test("reads tickets with their public comments, oldest first, and reports the broken one", () => {
    expect(parsed.system).toBe("zendesk");
    expect(parsed.conversations.map((conversation) => conversation.externalId)).toEqual(["58213", "58240", "58255"]);
    expect(parsed.errors).toEqual([{ line: 4, reason: "missing-field", field: "created_at" }]);
    const [parcel] = parsed.conversations;
    expect(parcel).toMatchObject({ channel: "email", agentEmail: "agent@frontline.test", customerName: "Dana Whitfield", line: 1 });
    expect(parcel.messages.map((message) => message.author)).toEqual(["customer", "agent", "customer", "agent"]);
    expect(parcel.messages.some((message) => message.text.includes("Courier claim"))).toBe(false);
    expect(parcel.messages[1].at.toISOString()).toBe("2026-11-02T10:02:00.000Z");
  });

  test("reads an HTML-only comment as text and maps the channel", () => {
    const [, refund, size] = parsed.conversations;
    expect(refund.messages[1].text).toBe(
      "Hello Sam,\nI can see both payments and I've refunded the duplicate today. Banks usually show it within 3–5 working days.\nKind regards,\nAisha",
    );
    expect(size.channel).toBe("chat");
  });

  test("reads the incremental export, one ticket per line, and a line that is not JSON", () => {
    const ticket = JSON.stringify({
      id: 7,
      requester_id: 1,
      assignee_id: 2,
      via: { channel: "voice" },
      users: [
        { id: 1, name: "Kim", email: "kim@example.com", role: "end-user" },
        { id: 2, name: "Ada", email: "ada@example.com", role: "agent" },
      ],
      comments: [
        { author_id: 1, body: "Hello", created_at: "2026-11-01T10:00:00Z", public: true },
        { author_id: 2, body: "Hi Kim", created_at: "2026-11-01T10:00:30Z", public: true },
        { author_id: 3, body: "Who?", created_at: "2026-11-01T10:01:00Z", public: true },
      ],
    });
    const lines = parseConversations("export.ndjson", `${ticket}\n{not json\n`);
    expect(lines.system).toBe("zendesk");
    expect(lines.conversations).toHaveLength(1);
    expect(lines.conversations[0]).toMatchObject({ channel: "phone", agentEmail: "ada@example.com" });
    expect(lines.errors).toEqual([
      { line: 1, reason: "unknown-author", field: "author_id" },
      { line: 2, reason: "invalid-json" },
    ]);
  });
});

describe("Intercom", () => {
  const parsed = parseConversations("intercom.json", fixture("intercom-export.json"));

  test("reads the opening message and comments, skipping notes and bots", () => {
    expect(parsed.system).toBe("intercom");
    expect(parsed.conversations).toHaveLength(1);
    const [login] = parsed.conversations;
    expect(login).toMatchObject({
      externalId: "215467120",
      channel: "chat",
      agentEmail: "agent@frontline.test",
      customerName: "Priya Shah",
    });
    expect(login.messages.map((message) => [message.author, message.text.slice(0, 12)])).toEqual([
      ["customer", "Hi, I can't "],
      ["agent", "Hi Priya, th"],
      ["customer", "The iPhone a"],
      ["agent", "Thanks. Plea"],
    ]);
    expect(login.messages[1].at.toISOString()).toBe(new Date(1762243290 * 1000).toISOString());
  });

  test("reports a part without a time", () => {
    expect(parsed.errors).toEqual([{ line: 2, reason: "missing-field", field: "created_at" }]);
  });
});

describe("CSV", () => {
  const parsed = parseConversations("conversations.csv", fixture("conversations.csv"));

  test("groups rows by conversation, reads quoted text with commas and newlines, and skips bad rows only", () => {
    expect(parsed.system).toBe("csv");
    expect(parsed.conversations.map((conversation) => conversation.externalId)).toEqual(["C-1001", "C-1002"]);
    const [discount, refund] = parsed.conversations;
    expect(discount).toMatchObject({
      channel: "chat",
      subject: "Discount code rejected",
      agentEmail: "agent@frontline.test",
      customerName: "Ola Nowak",
    });
    expect(discount.messages).toHaveLength(3);
    expect(refund.messages[1].text).toContain("\nKind regards,\nAisha");
    expect(parsed.errors).toEqual([
      { line: 6, reason: "invalid-field", field: "timestamp" },
      { line: 11, reason: "unknown-author", field: "author" },
    ]);
  });

  test("names a missing column, and an unclosed quote", () => {
    expect(parseConversations("a.csv", "conversation_id,author,text\n1,agent,hi\n").errors).toEqual([
      { line: 1, reason: "missing-field", field: "timestamp" },
    ]);
    const broken = parseConversations("a.csv", 'conversation_id,timestamp,author,text\n1,2026-11-01T10:00:00Z,agent,"never closed\n');
    expect(broken.errors.map((error) => error.reason)).toContain("invalid-csv");
  });
});

describe("Frontline JSON", () => {
  test("reads our own format and reports a record that breaks it", () => {
    const parsed = parseConversations("conversations.json", fixture("conversations.json"));
    expect(parsed.system).toBe("frontline");
    expect(parsed.conversations).toHaveLength(1);
    expect(parsed.conversations[0]).toMatchObject({ externalId: "FL-2001", channel: "phone", customerName: "Mo Farah" });
    expect(parsed.errors).toEqual([{ line: 2, reason: "invalid-field", field: "channel" }]);
  });
});

describe("any file", () => {
  test("not JSON, or JSON of no known shape, is one clear error", () => {
    expect(parseConversations("x.json", "<html>").errors).toEqual([{ line: 1, reason: "invalid-json" }]);
    expect(parseConversations("x.json", '{"hello": 1}').errors).toEqual([{ line: 1, reason: "unrecognised-format" }]);
  });

  test("a conversation with no agent reply, or a message too long to be real, is reported", () => {
    const doc = (messages: unknown[]) => JSON.stringify({ version: 1, conversations: [{ id: "1", channel: "chat", messages }] });
    const customerOnly = doc([{ author: "customer", at: "2026-11-01T10:00:00Z", text: "Hello?" }]);
    expect(parseConversations("x.json", customerOnly).errors).toEqual([{ line: 1, reason: "no-agent-reply" }]);
    const long = doc([{ author: "agent", at: "2026-11-01T10:00:00Z", text: "a".repeat(20_001) }]);
    expect(parseConversations("x.json", long).errors).toEqual([{ line: 1, reason: "text-too-long" }]);
  });
});
