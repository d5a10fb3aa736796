import { ASSIGNMENT_STATUS_LABELS, type AssignmentStatus } from "~/domain/coaching.ts";

const TONES: Record<AssignmentStatus, string> = {
  "not-started": "badge",
  "in-progress": "badge badge--primary",
  completed: "badge badge--success",
  "past-due": "badge badge--danger",
  "not-passed": "badge badge--warning",
};

export function AssignmentStatusBadge({
  status,
  labels = ASSIGNMENT_STATUS_LABELS,
}: {
  status: AssignmentStatus;
  labels?: Record<AssignmentStatus, string>;
}) {
  return <span className={TONES[status]}>{labels[status]}</span>;
}
