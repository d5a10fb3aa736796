/** Plain input types for the mentor-matching engine (pure: no Prisma, no I/O). */

export const LEVELS = ["agent-1", "agent-2", "senior-agent", "team-lead", "support-manager"] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABELS: Record<Level, string> = {
  "agent-1": "Agent I",
  "agent-2": "Agent II",
  "senior-agent": "Senior Agent",
  "team-lead": "Team Lead",
  "support-manager": "Support Manager",
};

export type WorkMode = "remote" | "hybrid" | "office";

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
