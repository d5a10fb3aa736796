// Progressive delays for actions an attacker would repeat (guessing a password,
// trying setup links). Nothing is ever locked: each failure past a free
// allowance doubles the wait before the next try, up to a cap, and a quiet
// spell forgets the count. A wait applies to the key that failed, so a
// browser that has signed in to the account before is not held back by
// someone else's guesses.

export type ThrottlePolicy = {
  /** Failures allowed before any wait. */
  freeFailures: number;
  /** The wait after the first failure past the allowance; it doubles with each further one. */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** A counter whose last failure is older than this starts again from zero. */
  forgetAfterSeconds: number;
};

export type FailureCount = { failures: number; lastFailureAt: Date };

const HOUR = 3600;

export const THROTTLE_POLICIES = {
  /** One account, from browsers it has not signed in from. */
  loginAccount: { freeFailures: 5, firstDelaySeconds: 2, maxDelaySeconds: 300, forgetAfterSeconds: HOUR },
  /** One client address, across accounts: an office shares one, so the allowance is larger. */
  loginAddress: { freeFailures: 30, firstDelaySeconds: 2, maxDelaySeconds: 300, forgetAfterSeconds: HOUR },
  /** One browser that has signed in to the account before. */
  loginDevice: { freeFailures: 10, firstDelaySeconds: 2, maxDelaySeconds: 300, forgetAfterSeconds: HOUR },
  /** Setup links that don't work, per client address. */
  setupLinkAddress: { freeFailures: 10, firstDelaySeconds: 2, maxDelaySeconds: 300, forgetAfterSeconds: HOUR },
} as const satisfies Record<string, ThrottlePolicy>;

/** The failures that still count at `now`: none once the counter has been quiet long enough. */
export function activeFailures(count: FailureCount | null | undefined, policy: ThrottlePolicy, now: Date): number {
  if (!count) return 0;
  const quietSeconds = (now.getTime() - count.lastFailureAt.getTime()) / 1000;
  return quietSeconds > policy.forgetAfterSeconds ? 0 : count.failures;
}

/** The wait that `failures` earn before the next try. */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = failures - policy.freeFailures;
  // 2 ** 30 already exceeds any cap; stop there so the figure stays finite.
  return Math.min(policy.firstDelaySeconds * 2 ** Math.min(doublings, 30), policy.maxDelaySeconds);
}

/** Whole seconds still to wait before this key may try again; 0 when it may try now. */
export function secondsToWait(count: FailureCount | null | undefined, policy: ThrottlePolicy, now: Date): number {
  const failures = activeFailures(count, policy, now);
  if (!count || failures === 0) return 0;
  const readyAt = count.lastFailureAt.getTime() + delayAfter(failures, policy) * 1000;
  return Math.max(0, Math.ceil((readyAt - now.getTime()) / 1000));
}

export type LoginCounters = {
  account: FailureCount | null;
  address: FailureCount | null;
  /** The counter of the browser's trusted-device cookie for this account; undefined when it has none. */
  device?: FailureCount | null;
};

/**
 * Which keys a sign-in attempt answers to. A trusted device answers only to its
 * own failures, so nobody else's guessing can keep its owner out; one that has
 * been guessing past its allowance loses that standing and waits like anyone.
 */
export function loginWait(counters: LoginCounters, now: Date): { seconds: number; trusted: boolean } {
  if (counters.device !== undefined) {
    const deviceFailures = activeFailures(counters.device, THROTTLE_POLICIES.loginDevice, now);
    if (deviceFailures < THROTTLE_POLICIES.loginDevice.freeFailures) return { seconds: 0, trusted: true };
  }
  const seconds = Math.max(
    secondsToWait(counters.account, THROTTLE_POLICIES.loginAccount, now),
    secondsToWait(counters.address, THROTTLE_POLICIES.loginAddress, now),
  );
  return { seconds, trusted: false };
}

/** A wait in the unit a person reads it in: seconds under a minute, whole minutes (rounded up) above. */
export function describeWait(seconds: number): { unit: "second" | "minute"; amount: number } {
  return seconds < 60 ? { unit: "second", amount: seconds } : { unit: "minute", amount: Math.ceil(seconds / 60) };
}
