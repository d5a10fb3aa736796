// Every confirmation a redirect may ask the next page to show. A notice travels as
// `?notice=<key>`, so only keys listed here are ever shown: a crafted link can't put
// words on the page. The messages become translation keys when the interface is translated.
// A message that reports how many things changed takes the count from `&count=<n>`.
type Notice = string | ((count: number) => string);

const pairs = (count: number) => `${count} ${count === 1 ? "pair" : "pairs"}`;
const notifications = (count: number) => `${count} ${count === 1 ? "notification" : "notifications"}`;

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
  "pool-published": (count: number) =>
    `Published ${pairs(count)}. Each mentor has been asked to accept, and both people in every pair have been notified.`,
  "check-in-saved": "Check-in saved. Your lead sees it next to their own ratings.",
  "lead-check-in-saved": "Check-in saved. It's now beside their own ratings on their Career page.",
  "nomination-sent": "Nomination sent. An admin will approve or decline it, and you'll be notified either way.",
  "team-renamed": "Team renamed.",
  "team-lead-saved": "Lead updated.",
  "auto-practice-saved": "Automatic practice updated.",
  "decision-recorded": "Decision recorded. The agent and the lead who nominated them have been notified.",
  "notification-read": "Marked as read.",
  "notifications-read": (count: number) => `Marked ${notifications(count)} as read.`,
  "nothing-unread": "Everything was already read.",
  "assignment-changed": "Assignment changed. They've been notified.",
  "assignment-withdrawn": "Assignment withdrawn. They've been notified.",
  "session-saved": "Session saved.",
  "action-item-added": "Action item added.",
  "action-item-removed": "Action item removed.",
  "action-item-done": "Marked as done.",
  "action-item-reopened": "Marked as not done.",
  "calibration-scored": "Scores saved.",
  "calibration-submitted": "Your scores are submitted. You'll be notified when the results are ready.",
  "benchmark-saved": "Agreed levels saved. Grader agreement is updated.",
  "grader-settings-saved": "Trust rule saved. Criteria below it now need human review.",
} as const satisfies Record<string, Notice>;

export type NoticeKey = keyof typeof NOTICES;
/** Notices whose message reports a count. */
export type CountedNoticeKey = { [Key in NoticeKey]: (typeof NOTICES)[Key] extends string ? never : Key }[NoticeKey];
/** Notices whose message is fixed. */
export type PlainNoticeKey = Exclude<NoticeKey, CountedNoticeKey>;

const MAX_COUNT = 1_000_000;

/** The message for a notice key (and count) from a URL; null for none, one that isn't listed, or a counted one without a count. */
export function noticeMessage(key: string | null, count: string | null = null): string | null {
  if (key === null || !Object.hasOwn(NOTICES, key)) return null;
  const notice: Notice = NOTICES[key as NoticeKey];
  if (typeof notice === "string") return notice;
  if (count === null || !/^\d{1,7}$/.test(count) || Number(count) > MAX_COUNT) return null;
  return notice(Number(count));
}
