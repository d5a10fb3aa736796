// Every confirmation a redirect may ask the next page to show. A notice travels as
// `?notice=<key>`, so only keys listed here are ever shown: a crafted link can't put
// words on the page. Each is worded by the catalog (common:notice.<key>) where it is shown;
// one that reports how many things changed takes the count from `&count=<n>`.
import { message } from "~/i18n/message.ts";

export const NOTICES = {
  "person-saved": "plain",
  "person-deactivated": "plain",
  "person-reactivated": "plain",
  "person-erased": "plain",
  "profile-saved": "plain",
  paused: "plain",
  resumed: "plain",
  "request-saved": "plain",
  "request-withdrawn": "plain",
  requested: "plain",
  "find-another": "plain",
  accepted: "plain",
  declined: "plain",
  "meeting-logged": "plain",
  "fit-saved": "plain",
  ended: "plain",
  "pool-published": "counted",
  "check-in-saved": "plain",
  "lead-check-in-saved": "plain",
  "nomination-sent": "plain",
  "team-renamed": "plain",
  "team-lead-saved": "plain",
  "auto-practice-saved": "plain",
  "decision-recorded": "plain",
  "notification-read": "plain",
  "notifications-read": "counted",
  "nothing-unread": "plain",
  "assignment-changed": "plain",
  "assignment-withdrawn": "plain",
  "session-saved": "plain",
  "action-item-added": "plain",
  "action-item-removed": "plain",
  "action-item-done": "plain",
  "action-item-reopened": "plain",
  "calibration-scored": "plain",
  "calibration-submitted": "plain",
  "benchmark-saved": "plain",
  "grader-settings-saved": "plain",
  "red-line-added": "plain",
  "import-settings-saved": "counted",
  "scenario-saved": "counted",
  "red-line-removed": "plain",
} as const satisfies Record<string, "plain" | "counted">;

export type NoticeKey = keyof typeof NOTICES;
/** Notices whose message reports a count. */
export type CountedNoticeKey = { [Key in NoticeKey]: (typeof NOTICES)[Key] extends "counted" ? Key : never }[NoticeKey];
/** Notices whose message is fixed. */
export type PlainNoticeKey = Exclude<NoticeKey, CountedNoticeKey>;

const MAX_COUNT = 1_000_000;

/** The message for a notice key (and count) from a URL; null for none, one that isn't listed, or a counted one without a count. */
export function noticeMessage(key: string | null, count: string | null = null): string | null {
  if (key === null || !Object.hasOwn(NOTICES, key)) return null;
  const notice = key as NoticeKey;
  if (NOTICES[notice] === "plain") return message(`common:notice.${notice}`);
  if (count === null || !/^\d{1,7}$/.test(count) || Number(count) > MAX_COUNT) return null;
  return message(`common:notice.${notice}`, { count: Number(count) });
}
