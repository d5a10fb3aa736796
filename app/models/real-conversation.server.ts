// Real helpdesk conversations: imported, masked and graded with the practice rubrics, then stored as
// conversations of the same kind as practice so one grade report and one review queue serve both.
import { z } from "zod";
import { allRubricsIn } from "~/content/practice.server.ts";
import { IMPORT_LIMITS, IMPORT_STREAM_TYPE, type ImportEvent } from "~/domain/imports.ts";
import type { ConversationSource } from "~/domain/practice.ts";
import type { PeopleScope } from "~/engine/access/people.ts";
import type { RedLine } from "~/engine/grading/red-lines.ts";
import { conversationLocale, gradeRealConversation, realTurns } from "~/engine/imports/grade-real.ts";
import { parseConversations } from "~/engine/imports/parse.ts";
import { maskPersonalData, type MaskedSpan } from "~/engine/imports/personal-data.ts";
import { remapEvidence } from "~/engine/imports/remap.ts";
import type { AgentMiss, ImportedConversation, ImportReport, ImportSystem } from "~/engine/imports/types.ts";
import { message } from "~/i18n/message.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { jsonColumn, StringListColumn } from "~/utils/json-column.ts";
import { logger } from "~/utils/logger.server.ts";
import { seal, unseal } from "~/utils/seal.server.ts";
import { recordAudit } from "./audit.server.ts";
import { runAutoPractice } from "./auto-practice.server.ts";
import { refreshPersonRollups } from "./evidence-rollup.server.ts";
import { storeGrade } from "./practice.server.ts";
import { listRedLines } from "./red-line.server.ts";
import { scopeToWhere } from "./user.server.ts";

/** Someone importing conversations: a lead for their teams' agents, an admin for everyone's. */
export type Importer = { id: string; scope: PeopleScope };

const SealedOriginalsColumn = jsonColumn(
  z.array(z.array(z.object({ kind: z.string(), original: z.string(), start: z.number().int(), end: z.number().int() }))),
);

/** The organisation's import settings, with defaults until an admin saves them. */
export async function getImportSettings() {
  const row = await prisma.importSettings.findUnique({ where: { id: 1 } });
  return { maskedNames: row ? StringListColumn.read(row.maskedNames) : [], retentionDays: row?.retentionDays ?? null };
}

function countBy(emails: string[]): AgentMiss[] {
  const counts = new Map<string, number>();
  for (const email of emails) counts.set(email, (counts.get(email) ?? 0) + 1);
  return [...counts].map(([email, conversations]) => ({ email, conversations })).sort((a, b) => a.email.localeCompare(b.email));
}

/** Who answered each conversation, among the people the importer looks after. */
async function matchAgents(importer: Importer, emails: string[]) {
  const people = await prisma.user.findMany({
    where: { email: { in: [...new Set(emails)] } },
    select: { id: true, email: true },
  });
  const inScope = new Set(
    (
      await prisma.user.findMany({
        where: { AND: [{ id: { in: people.map((person) => person.id) } }, scopeToWhere(importer.scope)] },
        select: { id: true },
      })
    ).map((person) => person.id),
  );
  return new Map(people.map((person) => [person.email.toLowerCase(), { id: person.id, inScope: inScope.has(person.id) }]));
}

type MaskedConversation = {
  subject: string;
  texts: string[];
  spans: MaskedSpan[][];
};

function maskConversation(conversation: ImportedConversation, names: string[]): MaskedConversation {
  const listed = conversation.customerName ? [...names, conversation.customerName] : names;
  const messages = conversation.messages.map((message) => maskPersonalData(message.text, { names: listed }));
  return {
    subject: maskPersonalData(conversation.subject, { names: listed }).text,
    texts: messages.map((message) => message.text),
    spans: messages.map((message) => message.spans),
  };
}

type StoreOutcome = "created" | "updated" | "unchanged";

async function storeConversation(
  importer: Importer,
  system: ImportSystem,
  conversation: ImportedConversation,
  agentId: string,
  { names, redLines }: { names: string[]; redLines: RedLine[] },
): Promise<StoreOutcome> {
  const locale = conversationLocale(conversation.messages.map((message) => message.text).join("\n"));
  const grade = gradeRealConversation(conversation, allRubricsIn(await getPracticeCatalog(), locale), redLines);
  const masked = maskConversation(conversation, names);
  const maskedGrade = {
    ...grade,
    criteria: grade.criteria.map((criterion) => ({
      ...criterion,
      evidence: remapEvidence(criterion.evidence, masked.texts, masked.spans),
    })),
  };
  const maskedCount = masked.spans.reduce((sum, spans) => sum + spans.length, 0);
  const sealedOriginals = maskedCount > 0 ? seal(SealedOriginalsColumn.write(masked.spans)) : null;
  // Reply times as the grader read them, stored with the turns the report shows.
  const replyTimes = realTurns(conversation.messages).map((turn) => turn.ms ?? null);
  const turns = conversation.messages.map((message, index) => ({
    index,
    speaker: message.author,
    text: masked.texts[index],
    replyMs: replyTimes[index],
    createdAt: message.at,
  }));
  const startedAt = conversation.messages[0].at;
  const endedAt = conversation.messages.at(-1)!.at;
  const ticketData = {
    channel: conversation.channel,
    subject: masked.subject,
    agentEmail: conversation.agentEmail,
    sealedOriginals,
    maskedCount,
    importedById: importer.id,
  };

  return prisma.$transaction(async (tx): Promise<StoreOutcome> => {
    const existing = await tx.realTicket.findUnique({
      where: { system_externalId: { system, externalId: conversation.externalId } },
      select: {
        attemptId: true,
        attempt: { select: { userId: true, turns: { orderBy: { index: "asc" }, select: { speaker: true, text: true } } } },
      },
    });
    const same =
      existing &&
      existing.attempt.userId === agentId &&
      existing.attempt.turns.length === turns.length &&
      existing.attempt.turns.every((turn, index) => turn.speaker === turns[index].speaker && turn.text === turns[index].text);
    if (same) return "unchanged";
    if (existing) {
      // A ticket that changed in the helpdesk is graded afresh; its old review was of another conversation.
      await tx.practiceTurn.deleteMany({ where: { attemptId: existing.attemptId } });
      await tx.practiceGrade.deleteMany({ where: { attemptId: existing.attemptId } });
      await tx.practiceAttempt.update({
        where: { id: existing.attemptId },
        data: {
          userId: agentId,
          locale,
          startedAt,
          endedAt,
          reviewedAt: null,
          reviewedById: null,
          acknowledgedAt: null,
          turns: { create: turns },
          ticket: { update: ticketData },
        },
      });
      await storeGrade(tx, { id: existing.attemptId, userId: agentId }, maskedGrade, endedAt);
      // Given to another agent in the helpdesk: the first one's evidence loses it.
      if (existing.attempt.userId !== agentId) await refreshPersonRollups(tx, existing.attempt.userId);
      return "updated";
    }
    const attempt = await tx.practiceAttempt.create({
      data: {
        source: "real" satisfies ConversationSource,
        scenarioSlug: "",
        scenarioVersion: 0,
        locale,
        seed: 0,
        status: "ended",
        customerState: "null",
        startedAt,
        endedAt,
        userId: agentId,
        turns: { create: turns },
        ticket: { create: { system, externalId: conversation.externalId, ...ticketData } },
      },
      select: { id: true },
    });
    await storeGrade(tx, { id: attempt.id, userId: agentId }, maskedGrade, endedAt);
    return "created";
  });
}

export type PreparedImport =
  { status: "ok"; name: string; parsed: ReturnType<typeof parseConversations> } | { status: "refused"; message: string };

/** Reads an uploaded file as UTF-8 and parses it; a file that can't be imported at all is refused with the reason. */
export async function prepareImport(file: File): Promise<PreparedImport> {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(await file.arrayBuffer());
  } catch {
    return { status: "refused", message: message("coaching:import.validation.notUtf8") };
  }
  const parsed = parseConversations(file.name, text);
  if (parsed.conversations.length > IMPORT_LIMITS.maxConversations)
    return {
      status: "refused",
      message: message("coaching:import.validation.tooMany", {
        count: parsed.conversations.length,
        max: IMPORT_LIMITS.maxConversations,
      }),
    };
  return { status: "ok", name: file.name, parsed };
}

/**
 * Grades and stores each conversation whose agent the importer looks after, and reports the rest.
 * A bad record is reported and the others go on; progress is reported per conversation.
 */
export async function importConversations(
  importer: Importer,
  { name, parsed }: Extract<PreparedImport, { status: "ok" }>,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ImportReport> {
  const [{ maskedNames }, redLines] = await Promise.all([getImportSettings(), listRedLines()]);
  const agents = await matchAgents(
    importer,
    parsed.conversations.flatMap((conversation) => (conversation.agentEmail ? [conversation.agentEmail.toLowerCase()] : [])),
  );
  const report: ImportReport = {
    system: parsed.system,
    total: parsed.conversations.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    errors: [...parsed.errors],
    unknownAgents: [],
    outsideTeams: [],
  };
  const unknown: string[] = [];
  const outside: string[] = [];
  const gradedAgents = new Set<string>();
  let done = 0;
  for (const conversation of parsed.conversations) {
    const email = conversation.agentEmail?.toLowerCase();
    const agent = email ? agents.get(email) : undefined;
    if (!email) report.errors.push({ line: conversation.line, reason: "missing-field", field: "agentEmail" });
    else if (!agent) unknown.push(email);
    else if (!agent.inScope) outside.push(email);
    else {
      const outcome = await storeConversation(importer, parsed.system, conversation, agent.id, { names: maskedNames, redLines });
      report[outcome] += 1;
      if (outcome !== "unchanged") gradedAgents.add(agent.id);
    }
    onProgress(++done, parsed.conversations.length);
  }
  report.unknownAgents = countBy(unknown);
  report.outsideTeams = countBy(outside);
  report.errors.sort((a, b) => a.line - b.line);
  for (const agentId of gradedAgents) await runAutoPractice(agentId);
  await expireImportedConversations();
  await prisma.$transaction((tx) =>
    recordAudit(tx, {
      actorId: importer.id,
      action: "conversations.imported",
      targetType: "conversation",
      targetId: parsed.system,
      summary: message("admin:audit.summary.conversationsImported", { file: name }),
      details: {
        file: name,
        created: report.created,
        updated: report.updated,
        unchanged: report.unchanged,
        errors: report.errors.length,
        unknownAgents: report.unknownAgents.length,
      },
    }),
  );
  return report;
}

/** The import as a stream of progress lines ending with its report, for the page's progress bar. */
export function streamImport(importer: Importer, prepared: Extract<PreparedImport, { status: "ok" }>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: ImportEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      let last = 0;
      try {
        const report = await importConversations(importer, prepared, (done, total) => {
          // A line per percent is smooth enough and keeps a large import's stream small.
          if (done === total || Math.floor((done * 100) / total) > last) {
            last = Math.floor((done * 100) / total);
            send({ type: "progress", done, total });
          }
        });
        send({ type: "done", report });
      } catch (error) {
        logger.error({ err: error }, "Importing conversations failed");
        send({ type: "failed", message: message("coaching:import.failed") });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": IMPORT_STREAM_TYPE, "Cache-Control": "no-store" } });
}

/** What masking replaced in one conversation, per turn, for an admin; null when it was not kept. */
export async function revealOriginals(adminId: string, attemptId: string): Promise<MaskedSpan[][] | null> {
  const ticket = await prisma.realTicket.findUnique({ where: { attemptId }, select: { sealedOriginals: true } });
  if (!ticket?.sealedOriginals) return null;
  const plain = unseal(ticket.sealedOriginals);
  if (plain === null) return null;
  await prisma.$transaction((tx) =>
    recordAudit(tx, {
      actorId: adminId,
      action: "conversations.revealed",
      targetType: "conversation",
      targetId: attemptId,
      summary: message("admin:audit.summary.maskedDataRevealed"),
    }),
  );
  return SealedOriginalsColumn.read(plain) as MaskedSpan[][];
}

/** An admin saves the import settings; a shorter retention applies at once. */
export async function saveImportSettings(
  adminId: string,
  settings: { maskedNames: string[]; retentionDays: number | null },
  now = new Date(),
) {
  await prisma.$transaction(async (tx) => {
    const data = { maskedNames: StringListColumn.write(settings.maskedNames), retentionDays: settings.retentionDays };
    await tx.importSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    await recordAudit(tx, {
      actorId: adminId,
      action: "conversations.settings-changed",
      targetType: "conversation",
      targetId: "settings",
      summary: message("admin:audit.summary.importSettingsChanged"),
      // The names themselves are personal data: the audit log keeps how many, not who.
      details: { maskedNames: settings.maskedNames.length, retentionDays: settings.retentionDays },
    });
  });
  return expireImportedConversations(now, adminId);
}

/**
 * Deletes imported conversations older than the organisation's retention period, with their grades and
 * reviews, and records how many went. Run on every import, when the setting changes, and by
 * `npm run conversations:expire` on a schedule.
 */
export async function expireImportedConversations(now = new Date(), actorId: string | null = null): Promise<{ deleted: number }> {
  const { retentionDays } = await getImportSettings();
  if (retentionDays === null) return { deleted: 0 };
  const before = new Date(now.getTime() - retentionDays * 86_400_000);
  return prisma.$transaction(async (tx) => {
    const expired = await tx.realTicket.findMany({
      where: { importedAt: { lt: before } },
      select: { attemptId: true, attempt: { select: { userId: true } } },
    });
    if (expired.length === 0) return { deleted: 0 };
    const { count } = await tx.practiceAttempt.deleteMany({ where: { id: { in: expired.map((ticket) => ticket.attemptId) } } });
    for (const userId of new Set(expired.map((ticket) => ticket.attempt.userId))) await refreshPersonRollups(tx, userId);
    await recordAudit(tx, {
      actorId,
      action: "conversations.expired",
      targetType: "conversation",
      targetId: "retention",
      summary: message("admin:audit.summary.importedConversationsExpired", { count, days: retentionDays }),
      details: { deleted: count, retentionDays, importedBefore: before.toISOString() },
    });
    return { deleted: count };
  });
}

export function countImportedConversations(): Promise<number> {
  return prisma.realTicket.count();
}
