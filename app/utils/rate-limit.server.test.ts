import { describe, expect, test } from "vitest";
import { FailureThrottle, LoginThrottle, loginThrottle } from "./rate-limit.server.ts";

const SECOND = 1000;
const MINUTE = 60 * SECOND;

function fakeClock(start = 1_700_000_000_000) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

function fail(throttle: FailureThrottle, key: string, times: number) {
  for (let i = 0; i < times; i++) throttle.recordFailure(key);
}

describe("FailureThrottle", () => {
  test("an unknown key is allowed", () => {
    const clock = fakeClock();
    const throttle = new FailureThrottle(3, MINUTE, clock.now);
    expect(throttle.check("k")).toEqual({ allowed: true });
  });

  test("allowed while failures stay below the limit", () => {
    const clock = fakeClock();
    const throttle = new FailureThrottle(3, MINUTE, clock.now);
    throttle.recordFailure("k");
    expect(throttle.check("k")).toEqual({ allowed: true });
    throttle.recordFailure("k");
    expect(throttle.check("k")).toEqual({ allowed: true });
  });

  test("refused once the limit is reached, with the full window to wait", () => {
    const clock = fakeClock();
    const throttle = new FailureThrottle(3, MINUTE, clock.now);
    fail(throttle, "k", 3);
    expect(throttle.check("k")).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  test("a limit of 1 refuses after a single failure", () => {
    const clock = fakeClock();
    const throttle = new FailureThrottle(1, MINUTE, clock.now);
    throttle.recordFailure("k");
    expect(throttle.check("k").allowed).toBe(false);
  });

  test("retryAfterSeconds counts down as time passes and rounds up", () => {
    const clock = fakeClock();
    const throttle = new FailureThrottle(2, MINUTE, clock.now);
    fail(throttle, "k", 2);
    expect(throttle.check("k")).toEqual({ allowed: false, retryAfterSeconds: 60 });
    clock.advance(20 * SECOND);
    expect(throttle.check("k")).toEqual({ allowed: false, retryAfterSeconds: 40 });
    clock.advance(39 * SECOND + 500);
    expect(throttle.check("k")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.advance(499);
    expect(throttle.check("k")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.advance(1);
    expect(throttle.check("k")).toEqual({ allowed: true });
  });

  test("retryAfterSeconds is measured from the oldest failure that still counts", () => {
    const clock = fakeClock();
    const throttle = new FailureThrottle(3, MINUTE, clock.now);
    throttle.recordFailure("k"); // t=0
    clock.advance(10 * SECOND);
    throttle.recordFailure("k"); // t=10s
    clock.advance(10 * SECOND);
    throttle.recordFailure("k"); // t=20s
    // Oldest at t=0 leaves the window at t=60s; now is t=20s.
    expect(throttle.check("k")).toEqual({ allowed: false, retryAfterSeconds: 40 });
  });

  test("with more failures than the limit, waits until enough have aged out", () => {
    const clock = fakeClock();
    const throttle = new FailureThrottle(2, MINUTE, clock.now);
    throttle.recordFailure("k"); // t=0
    clock.advance(10 * SECOND);
    throttle.recordFailure("k"); // t=10s
    clock.advance(10 * SECOND);
    throttle.recordFailure("k"); // t=20s
    // Three failures, limit two: free once t=0 and t=10s have both gone, i.e. at t=70s.
    expect(throttle.check("k")).toEqual({ allowed: false, retryAfterSeconds: 50 });
    clock.advance(40 * SECOND); // t=60s: t=0 gone, still two in window
    expect(throttle.check("k")).toEqual({ allowed: false, retryAfterSeconds: 10 });
    clock.advance(10 * SECOND); // t=70s
    expect(throttle.check("k")).toEqual({ allowed: true });
  });

  test("sliding window: old failures age out one at a time and free slots", () => {
    const clock = fakeClock();
    const throttle = new FailureThrottle(3, MINUTE, clock.now);
    throttle.recordFailure("k"); // t=0
    clock.advance(30 * SECOND);
    throttle.recordFailure("k"); // t=30s
    throttle.recordFailure("k"); // t=30s
    expect(throttle.check("k").allowed).toBe(false);

    clock.advance(30 * SECOND); // t=60s: the t=0 failure is exactly window-old and no longer counts
    expect(throttle.check("k")).toEqual({ allowed: true });

    throttle.recordFailure("k"); // t=60s: back to three in the window
    expect(throttle.check("k")).toEqual({ allowed: false, retryAfterSeconds: 30 });

    clock.advance(30 * SECOND); // t=90s: both t=30s failures gone
    expect(throttle.check("k")).toEqual({ allowed: true });
    throttle.recordFailure("k");
    expect(throttle.check("k")).toEqual({ allowed: true });
  });

  test("a failure just inside the window still counts", () => {
    const clock = fakeClock();
    const throttle = new FailureThrottle(1, MINUTE, clock.now);
    throttle.recordFailure("k");
    clock.advance(MINUTE - 1);
    expect(throttle.check("k")).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  test("failures that aged out do not come back when new ones are recorded", () => {
    const clock = fakeClock();
    const throttle = new FailureThrottle(3, MINUTE, clock.now);
    fail(throttle, "k", 2);
    clock.advance(2 * MINUTE);
    fail(throttle, "k", 2);
    expect(throttle.check("k")).toEqual({ allowed: true });
  });

  test("reset clears a refused key", () => {
    const clock = fakeClock();
    const throttle = new FailureThrottle(3, MINUTE, clock.now);
    fail(throttle, "k", 5);
    expect(throttle.check("k").allowed).toBe(false);
    throttle.reset("k");
    expect(throttle.check("k")).toEqual({ allowed: true });
    // Counting starts over from zero.
    fail(throttle, "k", 2);
    expect(throttle.check("k")).toEqual({ allowed: true });
    throttle.recordFailure("k");
    expect(throttle.check("k").allowed).toBe(false);
  });

  test("reset of an unknown key is harmless", () => {
    const clock = fakeClock();
    const throttle = new FailureThrottle(1, MINUTE, clock.now);
    throttle.recordFailure("a");
    expect(() => throttle.reset("nobody")).not.toThrow();
    expect(throttle.check("a").allowed).toBe(false);
  });

  test("keys are independent", () => {
    const clock = fakeClock();
    const throttle = new FailureThrottle(2, MINUTE, clock.now);
    fail(throttle, "a", 2);
    throttle.recordFailure("b");
    expect(throttle.check("a").allowed).toBe(false);
    expect(throttle.check("b")).toEqual({ allowed: true });
    expect(throttle.check("c")).toEqual({ allowed: true });
    throttle.reset("b");
    expect(throttle.check("a").allowed).toBe(false);
  });

  test("uses the real clock by default", () => {
    const throttle = new FailureThrottle(1, MINUTE);
    throttle.recordFailure("k");
    const decision = throttle.check("k");
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) {
      expect(decision.retryAfterSeconds).toBeGreaterThan(0);
      expect(decision.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
  });

  describe("bounded memory", () => {
    test("when full of live keys, the oldest key is forgotten to make room", () => {
      const clock = fakeClock();
      const throttle = new FailureThrottle(1, MINUTE, clock.now, 3);
      for (const key of ["a", "b", "c"]) throttle.recordFailure(key);
      for (const key of ["a", "b", "c"]) expect(throttle.check(key).allowed).toBe(false);

      throttle.recordFailure("d");
      expect(throttle.check("a")).toEqual({ allowed: true });
      for (const key of ["b", "c", "d"]) expect(throttle.check(key).allowed).toBe(false);

      throttle.recordFailure("e");
      expect(throttle.check("b")).toEqual({ allowed: true });
      for (const key of ["c", "d", "e"]) expect(throttle.check(key).allowed).toBe(false);
    });

    test("never remembers more than maxKeys keys however many are added", () => {
      const clock = fakeClock();
      const maxKeys = 5;
      const throttle = new FailureThrottle(1, MINUTE, clock.now, maxKeys);
      const keys = Array.from({ length: 200 }, (_, i) => `key-${i}`);
      for (const key of keys) throttle.recordFailure(key);
      // Every recorded key is refused while remembered (limit 1), so the number
      // of refused keys is the number of keys held in memory.
      const remembered = keys.filter((key) => !throttle.check(key).allowed);
      expect(remembered).toEqual(keys.slice(-maxKeys));
    });

    test("expired keys are dropped before live ones, even a live key inserted earlier", () => {
      const clock = fakeClock();
      const throttle = new FailureThrottle(1, MINUTE, clock.now, 3);
      throttle.recordFailure("live"); // t=0, first inserted
      clock.advance(1 * SECOND);
      throttle.recordFailure("old"); // t=1s
      clock.advance(29 * SECOND);
      throttle.recordFailure("c"); // t=30s
      clock.advance(20 * SECOND);
      throttle.recordFailure("live"); // t=50s, keeps "live" alive
      clock.advance(12 * SECOND); // t=62s: "old" has expired; "live" and "c" still count
      throttle.recordFailure("d");
      for (const key of ["live", "c", "d"]) expect(throttle.check(key).allowed).toBe(false);
    });

    test("a known key does not trigger eviction when the map is full", () => {
      const clock = fakeClock();
      const throttle = new FailureThrottle(2, MINUTE, clock.now, 3);
      for (const key of ["a", "b", "c"]) throttle.recordFailure(key);
      throttle.recordFailure("c");
      throttle.recordFailure("a");
      for (const key of ["a", "c"]) expect(throttle.check(key).allowed).toBe(false);
      // "b" (one failure) still remembered: one more refuses it.
      throttle.recordFailure("b");
      expect(throttle.check("b").allowed).toBe(false);
    });
  });
});

describe("LoginThrottle", () => {
  test("allows a first attempt", () => {
    const clock = fakeClock();
    const throttle = new LoginThrottle(clock.now);
    expect(throttle.check("ana@example.com", "10.0.0.1")).toEqual({ allowed: true });
  });

  test("refuses an account after 5 failures by default, for 15 minutes", () => {
    const clock = fakeClock();
    const throttle = new LoginThrottle(clock.now);
    for (let i = 0; i < 4; i++) throttle.recordFailure("ana@example.com", "10.0.0.1");
    expect(throttle.check("ana@example.com", "10.0.0.1")).toEqual({ allowed: true });
    throttle.recordFailure("ana@example.com", "10.0.0.1");
    expect(throttle.check("ana@example.com", "10.0.0.1")).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 });
  });

  test("the per-account limit holds whatever address the attempts come from", () => {
    const clock = fakeClock();
    const throttle = new LoginThrottle(clock.now);
    for (let i = 0; i < 5; i++) throttle.recordFailure("ana@example.com", `10.0.0.${i}`);
    // A brand-new address is still refused for this account...
    expect(throttle.check("ana@example.com", "192.168.1.1").allowed).toBe(false);
    // ...but other accounts from the same addresses are fine.
    expect(throttle.check("bo@example.com", "10.0.0.1")).toEqual({ allowed: true });
  });

  test("the account key ignores case and surrounding spaces", () => {
    const clock = fakeClock();
    const throttle = new LoginThrottle(clock.now);
    const spellings = ["ana@example.com", "ANA@example.com", " Ana@Example.com ", "ana@EXAMPLE.COM\t", "\nana@example.com"];
    spellings.forEach((email, i) => throttle.recordFailure(email, `10.0.0.${i}`));
    expect(throttle.check("ana@example.com", "10.9.9.9").allowed).toBe(false);
    expect(throttle.check("  ANA@EXAMPLE.COM  ", "10.9.9.9").allowed).toBe(false);
  });

  test("refuses an address after 20 failures spread across many accounts", () => {
    const clock = fakeClock();
    const throttle = new LoginThrottle(clock.now);
    for (let i = 0; i < 19; i++) throttle.recordFailure(`user${i}@example.com`, "10.0.0.1");
    expect(throttle.check("fresh@example.com", "10.0.0.1")).toEqual({ allowed: true });
    throttle.recordFailure("user19@example.com", "10.0.0.1");
    expect(throttle.check("fresh@example.com", "10.0.0.1")).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 });
    // The same fresh account from another address is fine.
    expect(throttle.check("fresh@example.com", "10.0.0.2")).toEqual({ allowed: true });
  });

  test("a password-spraying client is refused well before 100 failures", () => {
    const clock = fakeClock();
    const throttle = new LoginThrottle(clock.now);
    let refusedAt: number | undefined;
    for (let i = 0; i < 100; i++) {
      const email = `victim${i}@example.com`; // a new account every time
      if (!throttle.check(email, "10.0.0.1").allowed) {
        refusedAt = i;
        break;
      }
      throttle.recordFailure(email, "10.0.0.1");
    }
    expect(refusedAt).toBe(20);
  });

  test("success resets the account counter but not the address counter", () => {
    const clock = fakeClock();
    const throttle = new LoginThrottle(clock.now);
    for (let i = 0; i < 5; i++) throttle.recordFailure("ana@example.com", "10.0.0.1");
    for (let i = 0; i < 15; i++) throttle.recordFailure(`other${i}@example.com`, "10.0.0.1");
    expect(throttle.check("ana@example.com", "10.0.0.2").allowed).toBe(false);
    expect(throttle.check("x@example.com", "10.0.0.1").allowed).toBe(false);

    throttle.recordSuccess(" ANA@example.com ");
    // Account counter cleared (shown from a clean address)...
    expect(throttle.check("ana@example.com", "10.0.0.2")).toEqual({ allowed: true });
    // ...but the address keeps its 20 failures.
    expect(throttle.check("ana@example.com", "10.0.0.1").allowed).toBe(false);
    expect(throttle.check("x@example.com", "10.0.0.1").allowed).toBe(false);
  });

  test("success gives the account a fresh allowance of 5", () => {
    const clock = fakeClock();
    const throttle = new LoginThrottle(clock.now);
    for (let i = 0; i < 4; i++) throttle.recordFailure("ana@example.com", "10.0.0.1");
    throttle.recordSuccess("ana@example.com");
    for (let i = 0; i < 4; i++) throttle.recordFailure("ana@example.com", "10.0.0.1");
    expect(throttle.check("ana@example.com", "10.0.0.1")).toEqual({ allowed: true });
    throttle.recordFailure("ana@example.com", "10.0.0.1");
    expect(throttle.check("ana@example.com", "10.0.0.1").allowed).toBe(false);
  });

  test("the window lets both counters recover after 15 minutes", () => {
    const clock = fakeClock();
    const throttle = new LoginThrottle(clock.now);
    for (let i = 0; i < 20; i++) throttle.recordFailure("ana@example.com", "10.0.0.1");
    expect(throttle.check("ana@example.com", "10.0.0.1").allowed).toBe(false);
    clock.advance(15 * MINUTE - 1);
    expect(throttle.check("ana@example.com", "10.0.0.1").allowed).toBe(false);
    clock.advance(1);
    expect(throttle.check("ana@example.com", "10.0.0.1")).toEqual({ allowed: true });
  });

  test("retryAfter is the address wait when that is the longer one", () => {
    const clock = fakeClock();
    const throttle = new LoginThrottle(clock.now);
    // Account locked at t=0 (from other addresses): frees at t=15min.
    for (let i = 0; i < 5; i++) throttle.recordFailure("ana@example.com", `172.16.0.${i}`);
    clock.advance(10 * MINUTE);
    // Address locked at t=10min: frees at t=25min.
    for (let i = 0; i < 20; i++) throttle.recordFailure(`u${i}@example.com`, "10.0.0.1");
    expect(throttle.check("ana@example.com", "172.16.9.9")).toEqual({ allowed: false, retryAfterSeconds: 5 * 60 });
    expect(throttle.check("nobody@example.com", "10.0.0.1")).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 });
    expect(throttle.check("ana@example.com", "10.0.0.1")).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 });
  });

  test("retryAfter is the account wait when that is the longer one", () => {
    const clock = fakeClock();
    const throttle = new LoginThrottle(clock.now);
    // Address locked at t=0: frees at t=15min.
    for (let i = 0; i < 20; i++) throttle.recordFailure(`u${i}@example.com`, "10.0.0.1");
    clock.advance(10 * MINUTE);
    // Account locked at t=10min: frees at t=25min.
    for (let i = 0; i < 5; i++) throttle.recordFailure("ana@example.com", `172.16.0.${i}`);
    expect(throttle.check("nobody@example.com", "10.0.0.1")).toEqual({ allowed: false, retryAfterSeconds: 5 * 60 });
    expect(throttle.check("ana@example.com", "10.0.0.1")).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 });
  });

  test("custom limits and window are honoured", () => {
    const clock = fakeClock();
    const throttle = new LoginThrottle(clock.now, { accountLimit: 2, addressLimit: 3, windowMs: MINUTE });
    throttle.recordFailure("a@example.com", "10.0.0.1");
    throttle.recordFailure("a@example.com", "10.0.0.2");
    expect(throttle.check("a@example.com", "10.0.0.3")).toEqual({ allowed: false, retryAfterSeconds: 60 });
    throttle.recordFailure("b@example.com", "10.0.0.1");
    throttle.recordFailure("c@example.com", "10.0.0.1");
    expect(throttle.check("d@example.com", "10.0.0.1")).toEqual({ allowed: false, retryAfterSeconds: 60 });
    clock.advance(MINUTE);
    expect(throttle.check("a@example.com", "10.0.0.1")).toEqual({ allowed: true });
  });

  test("the shared loginThrottle instance is a LoginThrottle", () => {
    expect(loginThrottle).toBeInstanceOf(LoginThrottle);
  });
});
