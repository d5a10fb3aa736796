// What the audit log records: the actions, the kinds of record they are about, and how the log's filter names those.
export const AUDIT_ACTIONS = [
  "user.created",
  "user.profile-changed",
  "user.role-changed",
  "user.level-changed",
  "user.team-changed",
  "user.deactivated",
  "user.reactivated",
  "user.setup-link-issued",
  "user.password-set",
  "team.created",
  "team.renamed",
  "team.lead-changed",
  "team.auto-practice-changed",
  "assignment.created",
  "grade.overridden",
  "dispute.resolved",
  "nomination.created",
  "nomination.approved",
  "nomination.declined",
  "mentoring.pool-published",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_TARGET_TYPES = ["user", "team", "assignment", "grade", "nomination", "pairing"] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

export const AUDIT_TARGET_TYPE_LABELS: Record<AuditTargetType, string> = {
  user: "People",
  team: "Teams",
  assignment: "Assignments",
  grade: "Grades",
  nomination: "Nominations",
  pairing: "Mentoring pairings",
};
