import { LEVELS, LEVEL_LABELS, type Level } from "~/domain/people.ts";
import type { ConversationSource } from "~/domain/practice.ts";
import { message } from "~/i18n/message.ts";
import {
  CAREER_TRACKS,
  type CareerTrack,
  type KeyedLadderLevel,
  type Ladder,
  type Requirement,
  type RequirementKind,
} from "../../content/career-schemas.ts";
import { DIFFICULTIES, type Difficulty } from "../../content/practice-schemas.ts";

/**
 * Career readiness (DESIGN.md §8): evaluates one ladder level's requirements from plain evidence.
 * Pure — no database, no clock; the caller loads the evidence and passes `now`.
 */

export type CareerCriterion = {
  competency: string;
  level: number;
  /** A lead's reviewed level; when set it is the final level. */
  overrideLevel: number | null;
  maxLevel: number;
  applicable: boolean;
};

export type CareerAttempt = {
  id: string;
  scenarioSlug: string;
  scenarioTitle?: string;
  /** The scenario's difficulty; null for a real conversation, which had no scenario. */
  difficulty: Difficulty | null;
  /** Where the conversation came from; practice when absent. */
  source?: ConversationSource;
  /** A person reviewed it (marked it reviewed, or overrode a level the evidence counts). */
  reviewed?: boolean;
  passed: boolean;
  startedAt: Date;
  criteria: CareerCriterion[];
};

export type CareerEvidence = {
  completedModules: { slug: string; completedAt: Date }[];
  /** Graded attempts, newest first (re-sorted defensively). */
  attempts: CareerAttempt[];
  /** 1:1 coaching sessions the person attended; only those scheduled at or before `now` count. */
  coachingSessions: { id: string; scheduledAt: Date }[];
  /** Mentoring given: one row per pairing; mentees are counted once each. */
  mentoring: { pairingId: string; menteeId: string; menteeName?: string }[];
  currentLevel: { key: Level; since: Date };
  /** Lead sign-offs; one counts only for the level it names. */
  signOffs: { level: Level; signedOff: boolean; by: string; at: Date }[];
};

/** Titles and scenario metadata, for readable labels and concrete suggestions. Optional. */
export type CareerCatalog = {
  modules?: { slug: string; title: string }[];
  scenarios?: { slug: string; title: string; difficulty: Difficulty; competencies: string[] }[];
};

export type EvidenceLink = { label: string; href: string | null };

/** How many of the conversations a competency rests on came from practice and from real work, and how many a person reviewed. */
export type EvidenceSources = { practice: number; real: number; reviewed: number };

export type RequirementResult = {
  kind: RequirementKind;
  description: string;
  met: boolean;
  /** 0..1 */
  progress: number;
  evidence: EvidenceLink[];
  nextStep: string | null;
  /** Competency requirements: where their evidence came from. */
  sources?: EvidenceSources;
};

export type LevelEvaluation = {
  level: Level;
  title: string;
  track: CareerTrack;
  /** Mean requirement progress × 100, rounded; 100 when the level has no requirements. */
  percentReady: number;
  ready: boolean;
  requirements: RequirementResult[];
  /** The next steps of the first 3 unmet requirements. */
  nextSteps: string[];
};

/** One decimal, or two when needed: 1.0, 1.2, 1.46. */
export function formatAverage(value: number): string {
  const hundredths = Math.round(value * 100);
  return (hundredths / 100).toFixed(hundredths % 10 === 0 ? 1 : 2);
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/** Whole calendar months from `since` to `now` (UTC). */
export function wholeMonthsBetween(since: Date, now: Date): number {
  let months = (now.getUTCFullYear() - since.getUTCFullYear()) * 12 + (now.getUTCMonth() - since.getUTCMonth());
  if (now.getUTCDate() < since.getUTCDate()) months -= 1;
  return Math.max(0, months);
}

/** `since` plus whole months (UTC), clamping the day to the month's end. */
export function addMonths(since: Date, months: number): Date {
  const year = since.getUTCFullYear();
  const month = since.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(since.getUTCDate(), lastDay), since.getUTCHours(), since.getUTCMinutes()));
}

/** One attempt's level for a competency on the 0–2 scale (reviewed levels first), or null when no applicable criterion assessed it. */
export function attemptCompetencyLevel(attempt: CareerAttempt, competency: string): number | null {
  const scores = attempt.criteria
    .filter((criterion) => criterion.competency === competency && criterion.applicable && criterion.maxLevel > 0)
    .map((criterion) => (Math.min(Math.max(criterion.overrideLevel ?? criterion.level, 0), criterion.maxLevel) / criterion.maxLevel) * 2);
  if (scores.length === 0) return null;
  return scores.reduce((sum, score) => sum + score, 0) / scores.length;
}

/** The average competency level over the last `overLast` graded attempts that assessed it. */
export function competencyAverage(
  attempts: CareerAttempt[],
  competency: string,
  overLast: number,
): { average: number | null; used: { attempt: CareerAttempt; level: number }[] } {
  const used: { attempt: CareerAttempt; level: number }[] = [];
  for (const attempt of newestFirst(attempts)) {
    if (used.length >= overLast) break;
    const level = attemptCompetencyLevel(attempt, competency);
    if (level !== null) used.push({ attempt, level });
  }
  if (used.length === 0) return { average: null, used };
  const average = used.reduce((sum, entry) => sum + entry.level, 0) / used.length;
  return { average: Math.round(average * 100) / 100, used };
}

function newestFirst(attempts: CareerAttempt[]): CareerAttempt[] {
  return [...attempts].sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
}

type Context = { evidence: CareerEvidence; now: Date; catalog: CareerCatalog; level: KeyedLadderLevel };

function moduleTitle(catalog: CareerCatalog, slug: string): string {
  return catalog.modules?.find((module) => module.slug === slug)?.title ?? slug;
}

function scenarioTitle(catalog: CareerCatalog, attempt: Pick<CareerAttempt, "scenarioSlug" | "scenarioTitle">): string {
  return (
    attempt.scenarioTitle ?? catalog.scenarios?.find((scenario) => scenario.slug === attempt.scenarioSlug)?.title ?? attempt.scenarioSlug
  );
}

function passedSlugs(attempts: CareerAttempt[]): Set<string> {
  return new Set(attempts.filter((attempt) => attempt.passed).map((attempt) => attempt.scenarioSlug));
}

/** A scenario to practise: not yet passed first, then easiest first; null without a catalog. */
function suggestScenario(
  catalog: CareerCatalog,
  attempts: CareerAttempt[],
  filter: (scenario: NonNullable<CareerCatalog["scenarios"]>[number]) => boolean,
) {
  const passed = passedSlugs(attempts);
  const candidates = (catalog.scenarios ?? []).filter(filter);
  const rank = (scenario: (typeof candidates)[number]) => (passed.has(scenario.slug) ? 10 : 0) + DIFFICULTIES.indexOf(scenario.difficulty);
  return [...candidates].sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

function evaluateModules(requirement: Extract<Requirement, { kind: "modules" }>, { evidence, catalog }: Context): RequirementResult {
  const completed = new Map(evidence.completedModules.map((module) => [module.slug, module]));
  const done = requirement.slugs.filter((slug) => completed.has(slug));
  const missing = requirement.slugs.filter((slug) => !completed.has(slug));
  const nextStep = missing.length
    ? message("readiness:completeModules", { title: moduleTitle(catalog, missing[0]), more: missing.length - 1 })
    : null;
  return {
    kind: "modules",
    description: requirement.description,
    met: missing.length === 0,
    progress: done.length / requirement.slugs.length,
    evidence: done.map((slug) => ({ label: moduleTitle(catalog, slug), href: `/learn/modules/${slug}` })),
    nextStep,
  };
}

function evaluateCompetency(requirement: Extract<Requirement, { kind: "competency" }>, { evidence, catalog }: Context): RequirementResult {
  const { competency, minimumAverage, overLast } = requirement;
  const { average, used } = competencyAverage(evidence.attempts, competency, overLast);
  const enough = used.length >= overLast;
  const high = average !== null && average >= minimumAverage;
  const met = enough && high;
  const progress = met ? 1 : average === null ? 0 : (clamp01(average / minimumAverage) + clamp01(used.length / overLast)) / 2;

  const suggestion = suggestScenario(catalog, evidence.attempts, (scenario) => scenario.competencies.includes(competency));
  const practise = suggestion
    ? message("readiness:practiseScenario", { title: suggestion.title })
    : message("readiness:practiseCompetency", { competency });
  let nextStep: string | null = null;
  if (average === null) {
    nextStep = message("readiness:startMeasuring", { competency, practise, count: overLast });
  } else if (!high) {
    nextStep = message("readiness:raise", { competency, from: formatAverage(average), to: formatAverage(minimumAverage), practise });
  } else if (!enough) {
    nextStep = message("readiness:moreAttempts", { competency, practise, count: overLast - used.length });
  }
  return {
    kind: "competency",
    description: requirement.description,
    met,
    progress,
    evidence: used.map(({ attempt, level }) => ({
      label:
        attempt.source === "real"
          ? message("readiness:realEvidence", { competency, level: formatAverage(level) })
          : message("readiness:competencyEvidence", { scenario: scenarioTitle(catalog, attempt), competency, level: formatAverage(level) }),
      href: `/practice/attempts/${attempt.id}`,
    })),
    nextStep,
    sources: sourcesOf(used.map(({ attempt }) => attempt)),
  };
}

function sourcesOf(attempts: CareerAttempt[]): EvidenceSources {
  return {
    practice: attempts.filter((attempt) => attempt.source !== "real").length,
    real: attempts.filter((attempt) => attempt.source === "real").length,
    reviewed: attempts.filter((attempt) => attempt.reviewed).length,
  };
}

/**
 * The competency requirements whose evidence no person has reviewed: every conversation they rest on
 * was graded automatically. A promotion must not rest on the grader alone.
 */
export function automaticOnlyRequirements(evaluation: Pick<LevelEvaluation, "requirements">): RequirementResult[] {
  return evaluation.requirements.filter(
    (requirement) => requirement.kind === "competency" && requirement.evidence.length > 0 && requirement.sources?.reviewed === 0,
  );
}

function evaluateScenarios(requirement: Extract<Requirement, { kind: "scenarios" }>, { evidence, catalog }: Context): RequirementResult {
  // The latest passed attempt of each distinct scenario of this difficulty.
  const latest = new Map<string, CareerAttempt>();
  for (const attempt of newestFirst(evidence.attempts)) {
    if (attempt.passed && attempt.difficulty === requirement.difficulty && !latest.has(attempt.scenarioSlug))
      latest.set(attempt.scenarioSlug, attempt);
  }
  const remaining = Math.max(0, requirement.count - latest.size);
  let nextStep: string | null = null;
  if (remaining > 0) {
    const suggestion = suggestScenario(
      catalog,
      evidence.attempts,
      (scenario) => scenario.difficulty === requirement.difficulty && !latest.has(scenario.slug),
    );
    const { difficulty } = requirement;
    nextStep = suggestion
      ? message("readiness:passMoreTry", { count: remaining, difficulty, title: suggestion.title })
      : message("readiness:passMore", { count: remaining, difficulty });
  }
  return {
    kind: "scenarios",
    description: requirement.description,
    met: remaining === 0,
    progress: clamp01(latest.size / requirement.count),
    evidence: [...latest.values()].map((attempt) => ({
      label: message("readiness:passed", { title: scenarioTitle(catalog, attempt) }),
      href: `/practice/attempts/${attempt.id}`,
    })),
    nextStep,
  };
}

function evaluateCoaching(requirement: Extract<Requirement, { kind: "coaching-sessions" }>, { evidence, now }: Context): RequirementResult {
  const attended = evidence.coachingSessions
    .filter((session) => session.scheduledAt.getTime() <= now.getTime())
    .sort((a, b) => b.scheduledAt.getTime() - a.scheduledAt.getTime());
  const remaining = Math.max(0, requirement.count - attended.length);
  return {
    kind: "coaching-sessions",
    description: requirement.description,
    met: remaining === 0,
    progress: clamp01(attended.length / requirement.count),
    evidence: attended.map((session) => ({
      label: message("readiness:coachingSession", { on: session.scheduledAt.getTime() }),
      href: `/coaching/sessions/${session.id}`,
    })),
    nextStep: remaining ? message("readiness:attendSessions", { count: remaining }) : null,
  };
}

function evaluateMentoring(requirement: Extract<Requirement, { kind: "mentoring-given" }>, { evidence }: Context): RequirementResult {
  const byMentee = new Map<string, CareerEvidence["mentoring"][number]>();
  for (const pairing of evidence.mentoring) if (!byMentee.has(pairing.menteeId)) byMentee.set(pairing.menteeId, pairing);
  const remaining = Math.max(0, requirement.mentees - byMentee.size);
  return {
    kind: "mentoring-given",
    description: requirement.description,
    met: remaining === 0,
    progress: clamp01(byMentee.size / requirement.mentees),
    evidence: [...byMentee.values()].map((pairing) => ({
      label: pairing.menteeName ? message("readiness:mentored", { name: pairing.menteeName }) : message("readiness:mentoredColleague"),
      href: `/mentoring/pairings/${pairing.pairingId}`,
    })),
    nextStep: remaining
      ? byMentee.size === 0
        ? message("readiness:offerMentoring")
        : message("readiness:mentorMore", { count: remaining })
      : null,
  };
}

function evaluateMonths(
  requirement: Extract<Requirement, { kind: "months-in-role" }>,
  { evidence, now, level }: Context,
): RequirementResult {
  const { key, since } = evidence.currentLevel;
  if (!level.from.includes(key)) {
    const [first, second] = level.from;
    return {
      kind: "months-in-role",
      description: requirement.description,
      met: false,
      progress: 0,
      evidence: [],
      nextStep: !first
        ? null
        : second
          ? message("readiness:reachEitherFirst", { level: LEVEL_LABELS[first], other: LEVEL_LABELS[second] })
          : message("readiness:reachFirst", { level: LEVEL_LABELS[first] }),
    };
  }
  const months = wholeMonthsBetween(since, now);
  const remaining = Math.max(0, requirement.months - months);
  return {
    kind: "months-in-role",
    description: requirement.description,
    met: remaining === 0,
    progress: clamp01(months / requirement.months),
    evidence: [{ label: message("readiness:inRoleSince", { level: LEVEL_LABELS[key], since: since.getTime(), months }), href: null }],
    nextStep: remaining
      ? message("readiness:keepBuilding", {
          level: LEVEL_LABELS[key],
          until: addMonths(since, requirement.months).getTime(),
          count: remaining,
        })
      : null,
  };
}

function evaluateSignOff(requirement: Extract<Requirement, { kind: "lead-sign-off" }>, { evidence, level }: Context): RequirementResult {
  const signOff = evidence.signOffs
    .filter((entry) => entry.level === level.key && entry.signedOff)
    .sort((a, b) => b.at.getTime() - a.at.getTime())[0];
  return {
    kind: "lead-sign-off",
    description: requirement.description,
    met: Boolean(signOff),
    progress: signOff ? 1 : 0,
    evidence: signOff ? [{ label: message("readiness:signedOff", { by: signOff.by, on: signOff.at.getTime() }), href: null }] : [],
    nextStep: signOff ? null : message("readiness:askSignOff", { level: LEVEL_LABELS[level.key] }),
  };
}

export function evaluateRequirement(requirement: Requirement, context: Context): RequirementResult {
  switch (requirement.kind) {
    case "modules":
      return evaluateModules(requirement, context);
    case "competency":
      return evaluateCompetency(requirement, context);
    case "scenarios":
      return evaluateScenarios(requirement, context);
    case "coaching-sessions":
      return evaluateCoaching(requirement, context);
    case "mentoring-given":
      return evaluateMentoring(requirement, context);
    case "months-in-role":
      return evaluateMonths(requirement, context);
    case "lead-sign-off":
      return evaluateSignOff(requirement, context);
  }
}

/** Evaluates every requirement of a level: met, progress, evidence links and the next concrete step. */
export function evaluateLevel(level: KeyedLadderLevel, evidence: CareerEvidence, now: Date, catalog: CareerCatalog = {}): LevelEvaluation {
  const context: Context = { evidence, now, catalog, level };
  const requirements = level.requirements.map((requirement) => evaluateRequirement(requirement, context));
  const percentReady = requirements.length
    ? Math.round((requirements.reduce((sum, result) => sum + result.progress, 0) / requirements.length) * 100)
    : 100;
  const nextSteps = requirements
    .filter((result) => !result.met && result.nextStep)
    .slice(0, 3)
    .map((result) => result.nextStep as string);
  return {
    level: level.key,
    title: level.title,
    track: level.track,
    percentReady,
    ready: requirements.every((result) => result.met),
    requirements,
    nextSteps,
  };
}

export type NextLevel = {
  key: Level;
  title: string;
  track: CareerTrack;
  /** Levels to pass through first (empty when it directly follows the current level). */
  via: Level[];
};

/**
 * The nearest level on each track above `currentLevel` (breadth-first along `from`), ic first.
 * A track with nothing above the current level is left out.
 */
export function nextLevels(currentLevel: Level, ladder: Ladder): NextLevel[] {
  const found = new Map<CareerTrack, NextLevel>();
  const seen = new Set<Level>([currentLevel]);
  let frontier: { key: Level; path: Level[] }[] = [{ key: currentLevel, path: [] }];
  while (frontier.length) {
    const next: { key: Level; path: Level[] }[] = [];
    for (const { key, path } of frontier) {
      for (const candidate of LEVELS) {
        if (seen.has(candidate) || !ladder.levels[candidate].from.includes(key)) continue;
        seen.add(candidate);
        const level = ladder.levels[candidate];
        if (!found.has(level.track)) found.set(level.track, { key: candidate, title: level.title, track: level.track, via: path });
        next.push({ key: candidate, path: [...path, candidate] });
      }
    }
    frontier = next;
  }
  return CAREER_TRACKS.flatMap((track) => (found.has(track) ? [found.get(track) as NextLevel] : []));
}

/** The levels a lead may nominate someone for: the next levels that directly follow their current one. */
export function nominationLevels(currentLevel: Level, ladder: Ladder): NextLevel[] {
  return nextLevels(currentLevel, ladder).filter((level) => level.via.length === 0);
}
