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
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_TARGET_TYPES = ["user", "team", "assignment", "grade", "nomination", "pairing", "grader"] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

export const AUDIT_TARGET_TYPE_LABELS: Record<AuditTargetType, string> = {
  user: "People",
  team: "Teams",
  assignment: "Assignments",
  grade: "Grades",
  nomination: "Nominations",
  pairing: "Mentoring pairings",
  grader: "Grader",
};

/** What the audit log's filter and list call each action; the codes themselves are never shown. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  "user.created": "Person added",
  "user.profile-changed": "Profile changed",
  "user.role-changed": "Role changed",
  "user.level-changed": "Level changed",
  "user.team-changed": "Team changed",
  "user.deactivated": "Account deactivated",
  "user.reactivated": "Account reactivated",
  "user.setup-link-issued": "Set-up link issued",
  "user.password-set": "Password set",
  "team.created": "Team created",
  "team.renamed": "Team renamed",
  "team.lead-changed": "Team lead changed",
  "team.auto-practice-changed": "Automatic practice changed",
  "assignment.created": "Assignment created",
  "assignment.changed": "Assignment changed",
  "assignment.withdrawn": "Assignment withdrawn",
  "grade.overridden": "Grade overridden",
  "dispute.resolved": "Dispute answered",
  "nomination.created": "Promotion nominated",
  "nomination.approved": "Promotion approved",
  "nomination.declined": "Promotion declined",
  "mentoring.pool-published": "Mentor matches published",
  "grader.labels-exported": "Grader labels downloaded",
  "grader.rule-changed": "Grader trust rule changed",
};

/** The label for a stored action; entries written under an action since retired read as a generic change. */
export function auditActionLabel(action: string): string {
  return (AUDIT_ACTIONS as readonly string[]).includes(action) ? AUDIT_ACTION_LABELS[action as AuditAction] : "Other change";
}
