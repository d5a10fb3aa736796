/** Plain input types for the mentor-matching engine (pure: no Prisma, no I/O). */

import type { Level, WorkMode } from "~/domain/people.ts";

/** Competency key, e.g. "empathy". */
export type CompetencyKey = string;

export interface Mentee {
  id: string;
  /** Optional display name used in explanations (falls back to "the mentee"). */
  name?: string;
  leadId: string;
  teamId: string;
  /** IANA time zone, e.g. "Europe/London". */
  timeZone: string;
  workMode: WorkMode;
  targetLevel: Level;
  /** How weak the mentee is in each competency, 0 (no gap) .. 1 (very weak). */
  gaps: Record<CompetencyKey, number>;
  pairedMentorIds: string[];
}

export interface Mentor {
  id: string;
  /** Optional display name used in explanations (falls back to "the mentor"). */
  name?: string;
  level: Level;
  timeZone: string;
  workMode: WorkMode;
  /** Maximum concurrent mentees, 1..5. */
  capacity: number;
  activeMentees: number;
  /** Measured strength per competency, 0..1. */
  strengths: Record<CompetencyKey, number>;
  leadOfTeamIds: string[];
  reportIds?: string[];
  /** The mentor's own lead, who cannot be their mentee. */
  leadId?: string | null;
}

export type PartKey = "skills" | "career" | "time-zone" | "work-mode" | "conflict";

export interface ScorePart {
  key: PartKey;
  points: number;
  /** One plain-English sentence. */
  explanation: string;
}

export interface PairScore {
  total: number;
  parts: ScorePart[];
  eligible: boolean;
}
