// The career views several areas show: one person's readiness and check-ins (their own career page,
// their lead's view of them), a readiness table's row, a nomination's readiness for the admin's
// decision, the home page's nearest next level, and who may open someone else's career. Built from the
// career model, the ladder content and the career engine, as the career components take them.
import type { CheckInTableView } from "~/components/career/check-ins.tsx";
import type { LevelReadinessView, ReadinessView } from "~/components/career/readiness.tsx";
import { CAREER_TRACK_LABELS, keyedLevel } from "~/content/career-schemas.ts";
import { getCareerContent, type CareerContent } from "~/content/career.server.ts";
import type { CheckInPerspective } from "~/domain/career.ts";
import { LEVEL_LABELS, type Level } from "~/domain/people.ts";
import { canViewCareerOf } from "~/engine/access/career.ts";
import type { Viewer } from "~/engine/access/people.ts";
import { evaluateLevel, nextLevels, type CareerEvidence } from "~/engine/career/evaluate.ts";
import { measureCompetencies } from "~/engine/career/measured.ts";
import { readinessOf } from "~/engine/career/readiness.ts";
import { type Locale, readerLocale } from "~/i18n/locales.ts";
import { message } from "~/i18n/message.ts";
import { toViewer, type SessionUser } from "~/utils/auth.server.ts";
import { ensureFound } from "~/utils/permissions.server.ts";
import { careerRecord, type CareerRecord } from "./career-record.server.ts";
import { latestCheckIns, type CheckInView } from "./check-in.server.ts";

/** A level evaluated against the evidence, as the readiness component shows it. */
export function levelReadiness(
  content: CareerContent,
  key: Level,
  evidence: CareerEvidence,
  now: Date,
  via: Level[] = [],
): LevelReadinessView {
  const level = keyedLevel(content.ladder, key);
  const evaluation = evaluateLevel(level, evidence, now, content.catalog);
  return {
    key,
    title: level.title,
    track: CAREER_TRACK_LABELS[level.track],
    summary: level.summary,
    via: via.map((step) => LEVEL_LABELS[step]),
    percentReady: evaluation.percentReady,
    requirements: evaluation.requirements,
    nextSteps: evaluation.nextSteps,
  };
}

export function readinessView(record: CareerRecord, content: CareerContent, now: Date): ReadinessView {
  const { evidence, history, hireDate } = record;
  const current = keyedLevel(content.ladder, evidence.currentLevel.key);
  return {
    current: {
      title: current.title,
      summary: current.summary,
      track: CAREER_TRACK_LABELS[current.track],
      since: evidence.currentLevel.since.toISOString(),
    },
    next: nextLevels(evidence.currentLevel.key, content.ladder).map((next) => levelReadiness(content, next.key, evidence, now, next.via)),
    history: [
      {
        label: message("career:history.joined", { level: LEVEL_LABELS[history[0]?.from ?? evidence.currentLevel.key] }),
        at: hireDate.toISOString(),
      },
      ...history.map((change) => ({
        label: message("career:history.changed", { from: LEVEL_LABELS[change.from], to: LEVEL_LABELS[change.to] }),
        at: change.at.toISOString(),
      })),
    ],
  };
}

function checkInTable(
  record: CareerRecord,
  checkIns: Record<CheckInPerspective, CheckInView | null>,
  content: CareerContent,
): CheckInTableView {
  const competencies = content.gradedCompetencies;
  const measured = measureCompetencies(
    record.evidence.attempts,
    competencies.map((competency) => competency.key),
  );
  const authorship = (checkIn: CheckInView | null) =>
    checkIn && { authorName: checkIn.authorName, at: checkIn.at.toISOString(), note: checkIn.note };
  return {
    rows: competencies.map((competency, index) => ({
      key: competency.key,
      name: competency.name,
      measured: measured[index].average,
      attempts: measured[index].attempts,
      self: checkIns.self?.ratings[competency.key] ?? null,
      lead: checkIns.lead?.ratings[competency.key] ?? null,
    })),
    self: authorship(checkIns.self),
    lead: authorship(checkIns.lead),
  };
}

/** Everything a career page shows about one person, in the reader's language; null when there is no such person. */
export async function loadCareer(userId: string, locale: Locale = "en", now = new Date()) {
  const content = await getCareerContent(locale);
  const [record, checkIns] = await Promise.all([careerRecord(userId, content.difficultyOf), latestCheckIns(userId)]);
  if (!record) return null;
  return {
    content,
    record,
    checkIns,
    readiness: readinessView(record, content, now),
    checkInTable: checkInTable(record, checkIns, content),
  };
}

export type LoadedCareer = NonNullable<Awaited<ReturnType<typeof loadCareer>>>;

export type LoadedCareerOf = LoadedCareer & { viewer: Viewer };

/** Someone else's career, when the signed-in person may see it; a 404 otherwise, as for an id that doesn't exist. */
export async function loadCareerOf(user: SessionUser, userId: string): Promise<LoadedCareerOf> {
  const viewer = toViewer(user);
  const career = await loadCareer(userId, readerLocale(user));
  const visible = career && canViewCareerOf(viewer, { id: userId, teamId: career.record.teamId });
  return { ...ensureFound(visible ? career : null, message("career:person.notYours")), viewer };
}

/** A readiness table's row: percent ready for each next level, and any nomination waiting. */
export function readinessRow(id: string, record: CareerRecord, content: CareerContent, now: Date) {
  const { evidence } = record;
  const next = nextLevels(evidence.currentLevel.key, content.ladder).map((level) => {
    const { key, title, via, percentReady } = levelReadiness(content, level.key, evidence, now, level.via);
    return { key, title, via, percentReady, readiness: readinessOf(percentReady) };
  });
  return {
    id,
    name: record.name,
    teamName: record.teamName,
    level: LEVEL_LABELS[evidence.currentLevel.key],
    next,
    /** How close they are to their nearest next level; -1 at the top of the ladder. */
    highestPercent: Math.max(-1, ...next.map((level) => level.percentReady)),
    pending: record.pendingNomination && {
      level: LEVEL_LABELS[record.pendingNomination.level],
      by: record.pendingNomination.by,
      at: record.pendingNomination.at.toISOString(),
    },
  };
}

/** The next level a person is closest to, for the home page; null at the top of the ladder. */
export async function nearestNextLevel(
  userId: string,
  now = new Date(),
  locale: Locale = "en",
): Promise<{ title: string; percentReady: number } | null> {
  const content = await getCareerContent(locale);
  const record = await careerRecord(userId, content.difficultyOf);
  if (!record) return null;
  const [nearest] = readinessView(record, content, now).next.sort((a, b) => b.percentReady - a.percentReady);
  return nearest ? { title: nearest.title, percentReady: nearest.percentReady } : null;
}
