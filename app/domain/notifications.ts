// The kinds of notification the app sends, and what the notifications page calls each.
export const NOTIFICATION_KINDS = [
  "assigned",
  "assignment-changed",
  "assignment-withdrawn",
  "due-soon",
  "overdue",
  "feedback",
  "dispute-raised",
  "dispute-answered",
  "auto-assigned",
  "session-planned",
  "nomination",
  "promotion",
  "mentoring",
  "calibration-invited",
  "calibration-due",
  "calibration-results",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  assigned: "Assignment",
  "assignment-changed": "Assignment changed",
  "assignment-withdrawn": "Assignment withdrawn",
  "due-soon": "Due soon",
  overdue: "Past due",
  feedback: "Feedback",
  "dispute-raised": "Dispute",
  "dispute-answered": "Dispute answered",
  "auto-assigned": "Extra practice",
  "session-planned": "1:1",
  nomination: "Nomination",
  promotion: "Promotion",
  mentoring: "Mentoring",
  "calibration-invited": "Calibration",
  "calibration-due": "Calibration due",
  "calibration-results": "Calibration results",
};
