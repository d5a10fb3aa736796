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
} as const;

export type NoticeKey = keyof typeof NOTICES;

/** The message for a notice key from a URL; null for none or one that isn't listed. */
export function noticeMessage(key: string | null): string | null {
  return key !== null && Object.hasOwn(NOTICES, key) ? NOTICES[key as NoticeKey] : null;
}
