// Who may open a practice conversation, take part in it, and review it.
import type { Role } from "~/domain/people.ts";
import { canSeePerson, hasRole, LEADING_ROLES, type PersonRef, type Viewer } from "./people.ts";

/** Who reviews practice conversations: leads (their teams') and admins (everyone's). */
export const PRACTICE_REVIEWER_ROLES: readonly Role[] = LEADING_ROLES;

/** A conversation is its agent's and readable by whoever may see that agent; to anyone else it does not exist. */
export function canSeeAttempt(viewer: Viewer, attempt: { user: PersonRef }): boolean {
  return canSeePerson(viewer, attempt.user);
}

/** Only its agent takes part in a conversation: replies, ends it, acknowledges or disputes its review. */
export function canTakePartInAttempt(viewer: { id: string }, attempt: { userId: string }): boolean {
  return attempt.userId === viewer.id;
}

/** A reviewer may review a conversation they can see, except their own: that is someone else's job. */
export function canReviewAttempt(viewer: { id: string; role: Role }, attempt: { userId: string }): boolean {
  return hasRole(viewer, PRACTICE_REVIEWER_ROLES) && attempt.userId !== viewer.id;
}
