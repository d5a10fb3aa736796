import { useTranslation } from "react-i18next";
import { ASSIGNMENT_STATUS_LABELS, type AssignmentStatus } from "~/domain/coaching.ts";

const TONES: Record<AssignmentStatus, string> = {
  "not-started": "badge",
  "in-progress": "badge badge--primary",
  completed: "badge badge--success",
  "past-due": "badge badge--danger",
  "not-passed": "badge badge--warning",
};

/** `labels` holds catalog keys, so a page can word the statuses its own way (an agent's own scenario bar). */
export function AssignmentStatusBadge({
  status,
  labels = ASSIGNMENT_STATUS_LABELS,
}: {
  status: AssignmentStatus;
  labels?: Record<AssignmentStatus, `${string}:${string}`>;
}) {
  const { t } = useTranslation();
  return <span className={TONES[status]}>{t(labels[status])}</span>;
}
