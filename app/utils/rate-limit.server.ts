type Clock = () => number;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts failures per key in a sliding window; once `limit` failures fall inside
 * the window the key is refused until the oldest one ages out.
 */
export class FailureThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: Clock = Date.now,
    private readonly maxKeys = 50_000,
  ) {}

  check(key: string): ThrottleDecision {
    const recent = this.recent(key);
    if (recent.length < this.limit) return { allowed: true };
    const oldest = recent[recent.length - this.limit];
    return { allowed: false, retryAfterSeconds: Math.ceil((oldest + this.windowMs - this.now()) / 1000) };
  }

  recordFailure(key: string): void {
    if (!this.failures.has(key) && this.failures.size >= this.maxKeys) this.evictExpired();
    this.failures.set(key, [...this.recent(key), this.now()]);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((at) => at > cutoff);
  }

  private evictExpired(): void {
    for (const key of this.failures.keys()) {
      if (this.recent(key).length === 0) this.failures.delete(key);
    }
    // Still full of live keys: drop the oldest-inserted so memory stays bounded.
    while (this.failures.size >= this.maxKeys) {
      const first = this.failures.keys().next().value;
      if (first === undefined) break;
      this.failures.delete(first);
    }
  }
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/** Sign-in throttling: per account and per client address. */
export class LoginThrottle {
  readonly perAccount: FailureThrottle;
  readonly perAddress: FailureThrottle;

  constructor(now: Clock = Date.now, { accountLimit = 5, addressLimit = 20, windowMs = FIFTEEN_MINUTES } = {}) {
    this.perAccount = new FailureThrottle(accountLimit, windowMs, now);
    this.perAddress = new FailureThrottle(addressLimit, windowMs, now);
  }

  check(email: string, address: string): ThrottleDecision {
    const byAccount = this.perAccount.check(accountKey(email));
    const byAddress = this.perAddress.check(address);
    if (byAccount.allowed && byAddress.allowed) return { allowed: true };
    const waits = [byAccount, byAddress].map((d) => (d.allowed ? 0 : d.retryAfterSeconds));
    return { allowed: false, retryAfterSeconds: Math.max(...waits) };
  }

  recordFailure(email: string, address: string): void {
    this.perAccount.recordFailure(accountKey(email));
    this.perAddress.recordFailure(address);
  }

  recordSuccess(email: string): void {
    this.perAccount.reset(accountKey(email));
  }
}

function accountKey(email: string): string {
  return email.trim().toLowerCase();
}

export const loginThrottle = new LoginThrottle();
