// What every import format turns a file into: conversations in one shape, and the rows it could not read.
// Parsers are pure: they never stop at a bad row, and they never guess who an author is.

export const IMPORT_SYSTEMS = ["frontline", "csv", "zendesk", "intercom"] as const;
export type ImportSystem = (typeof IMPORT_SYSTEMS)[number];

export const IMPORT_CHANNELS = ["chat", "email", "phone", "social"] as const;
export type ImportChannel = (typeof IMPORT_CHANNELS)[number];

export type ImportedMessage = {
  author: "customer" | "agent";
  at: Date;
  text: string;
};

export type ImportedConversation = {
  /** The ticket's id in the system it came from; importing it again updates it. */
  externalId: string;
  channel: ImportChannel;
  subject: string;
  /** The agent who answered, as the source names them; matched to a person by email, never guessed. */
  agentEmail: string | null;
  /** The customer's name as the source gives it, masked with the rest of their personal data. */
  customerName: string | null;
  /** Oldest first. */
  messages: ImportedMessage[];
  /** Where the conversation starts in the file (1-based line, or record number for JSON). */
  line: number;
};

/** Why a row or record was skipped; the route words each reason in the reader's language. */
export type ImportErrorReason =
  | "invalid-json"
  | "invalid-csv"
  | "missing-field"
  | "invalid-field"
  | "unknown-author"
  | "no-messages"
  | "no-agent-reply"
  | "text-too-long"
  | "unrecognised-format";

export type ImportRowError = {
  line: number;
  reason: ImportErrorReason;
  /** The field concerned, when there is one (e.g. "created_at", "author"). */
  field?: string;
};

export type ParseResult = {
  conversations: ImportedConversation[];
  errors: ImportRowError[];
};

/** The longest message kept; longer ones are reported, not cut, so nothing is silently lost. */
export const MAX_MESSAGE_CHARS = 20_000;

export type AgentMiss = { email: string; conversations: number };

/** What an import did: conversations added, updated or unchanged, and everything it could not take. */
export type ImportReport = {
  system: ImportSystem;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportRowError[];
  /** Agents no Frontline person has the email of: listed, never guessed. */
  unknownAgents: AgentMiss[];
  /** Agents who exist but are not in the importer's teams. */
  outsideTeams: AgentMiss[];
};
