import type { AssignmentStatus } from "~/engine/coaching/assignment-status.ts";

export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  completed: "Completed",
  "past-due": "Past due",
  "not-passed": "Not passed",
};

const TONES: Record<AssignmentStatus, string> = {
  "not-started": "badge",
  "in-progress": "badge badge--primary",
  completed: "badge badge--success",
  "past-due": "badge badge--danger",
  "not-passed": "badge badge--warning",
};

export function AssignmentStatusBadge({ status }: { status: AssignmentStatus }) {
  return <span className={TONES[status]}>{ASSIGNMENT_STATUS_LABELS[status]}</span>;
}
