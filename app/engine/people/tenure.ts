// How long someone has worked here, and whether that still makes them a new hire: onboarding and mentoring
// eligibility both turn on it.
const DAY_MS = 86_400_000;

/** A person is a new hire during their first 90 days. */
export const NEW_HIRE_DAYS = 90;

export function tenureInDays(hireDate: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - hireDate.getTime()) / DAY_MS));
}

export function isNewHire(hireDate: Date, now: Date): boolean {
  return tenureInDays(hireDate, now) < NEW_HIRE_DAYS;
}
