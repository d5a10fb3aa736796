// What the audit log records: the actions and the kinds of record they are about (the audit page names them through the catalog).
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
  "assignment.changed",
  "assignment.withdrawn",
  "grade.overridden",
  "dispute.resolved",
  "nomination.created",
  "nomination.approved",
  "nomination.declined",
  "mentoring.pool-published",
  "grader.labels-exported",
  "grader.rule-changed",
  "grader.red-line-added",
  "grader.red-line-removed",
  "conversations.imported",
  "conversations.revealed",
  "conversations.settings-changed",
  "conversations.expired",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_TARGET_TYPES = ["user", "team", "assignment", "grade", "nomination", "pairing", "grader", "conversation"] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];
