import type { Track } from "~/content/schemas.ts";

export type ModuleRef = { slug: string; version: number; track: Track; order: number; prerequisites: string[] };

/** A person's progress rows, any version. */
export type ProgressRecord = { moduleSlug: string; moduleVersion: number; completedAt: Date | null; reachedEndAt: Date | null };

export type ModuleStatus =
  | { kind: "locked"; missing: string[] }
  | { kind: "new" }
  | { kind: "in-progress" }
  | { kind: "completed" }
  /** Completed in an earlier version; stays so until the current version is completed too. */
  | { kind: "updated"; completedVersion: number };

/** Slugs the person has completed in any version: what prerequisites and the onboarding path count. */
export function completedSlugs(records: ProgressRecord[]): Set<string> {
  return new Set(records.filter((record) => record.completedAt).map((record) => record.moduleSlug));
}

export function moduleStatus(module: ModuleRef, records: ProgressRecord[], done = completedSlugs(records)): ModuleStatus {
  const mine = records.filter((record) => record.moduleSlug === module.slug);
  const current = mine.find((record) => record.moduleVersion === module.version);
  if (current?.completedAt) return { kind: "completed" };
  const missing = module.prerequisites.filter((slug) => !done.has(slug));
  if (missing.length > 0) return { kind: "locked", missing };
  const earlier = mine.filter((record) => record.completedAt && record.moduleVersion < module.version);
  if (earlier.length > 0) return { kind: "updated", completedVersion: Math.max(...earlier.map((record) => record.moduleVersion)) };
  if (current) return { kind: "in-progress" };
  return { kind: "new" };
}

export type PathProgress = { completed: number; total: number; percent: number; nextSlug: string | null };

/** Progress along an ordered path: share completed (any version) and the first open module not yet done. */
export function pathProgress(path: ModuleRef[], records: ProgressRecord[]): PathProgress {
  const done = completedSlugs(records);
  const ordered = [...path].sort((a, b) => a.order - b.order);
  const completed = ordered.filter((module) => done.has(module.slug)).length;
  const next = ordered.find((module) => !done.has(module.slug) && moduleStatus(module, records, done).kind !== "locked");
  return {
    completed,
    total: ordered.length,
    percent: ordered.length === 0 ? 0 : Math.round((completed / ordered.length) * 100),
    nextSlug: next?.slug ?? null,
  };
}

/** A module is complete once its end was reached and every quiz in it has a passing attempt. */
export function isComplete({
  reachedEnd,
  quizIds,
  passedQuizIds,
}: {
  reachedEnd: boolean;
  quizIds: string[];
  passedQuizIds: Set<string>;
}): boolean {
  return reachedEnd && quizIds.every((id) => passedQuizIds.has(id));
}
