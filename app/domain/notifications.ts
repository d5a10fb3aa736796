// The kinds of notification the app sends.
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
