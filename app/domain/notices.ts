// Every confirmation a redirect may ask the next page to show. A notice travels as
// `?notice=<key>`, so only keys listed here are ever shown: a crafted link can't put
// words on the page. The messages become translation keys when the interface is translated.
export const NOTICES = {
  "person-saved": "Changes saved.",
  "person-deactivated": "The account is deactivated and its sessions have ended.",
  "person-reactivated": "The account is active again.",
  "profile-saved": "Your mentor profile is saved.",
  paused: "You're paused: no new requests or matches until you resume. Your current mentees carry on as before.",
  resumed: "You're taking mentees again.",
  "request-saved": "Your request is saved.",
  "request-withdrawn": "Your request is withdrawn. Ask again whenever you like.",
  requested: "Request sent. You'll get a notification when they answer.",
  "find-another": "That pairing has ended. Here are other mentors who could suit you.",
  accepted: "You've accepted: your mentoring has started. Agree when to meet first.",
  declined: "You've declined. They've been told and can choose another mentor.",
  "meeting-logged": "Meeting logged.",
  "fit-saved": "Thanks, your answer is saved.",
  ended: "The pairing has ended. Thanks for the feedback.",
  "team-renamed": "Team renamed.",
  "team-lead-saved": "Lead updated.",
  "auto-practice-saved": "Automatic practice updated.",
  "decision-recorded": "Decision recorded. The agent and the lead who nominated them have been notified.",
  "notification-read": "Marked as read.",
  "notifications-read": "All your notifications are marked as read.",
  "nothing-unread": "Everything was already read.",
  "session-saved": "Session saved.",
  "action-item-added": "Action item added.",
  "action-item-removed": "Action item removed.",
  "action-item-done": "Marked as done.",
  "action-item-reopened": "Marked as not done.",
} as const;

export type NoticeKey = keyof typeof NOTICES;

/** The message for a notice key from a URL; null for none or one that isn't listed. */
export function noticeMessage(key: string | null): string | null {
  return key !== null && Object.hasOwn(NOTICES, key) ? NOTICES[key as NoticeKey] : null;
}
