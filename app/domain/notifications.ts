// The kinds of notification the app sends, and what the notifications page calls each.
export const NOTIFICATION_KINDS = [
  "assigned",
  "due-soon",
  "overdue",
  "feedback",
  "dispute-answered",
  "auto-assigned",
  "nomination",
  "promotion",
  "mentoring",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  assigned: "Assignment",
  "due-soon": "Due soon",
  overdue: "Past due",
  feedback: "Feedback",
  "dispute-answered": "Dispute answered",
  "auto-assigned": "Extra practice",
  nomination: "Nomination",
  promotion: "Promotion",
  mentoring: "Mentoring",
};
