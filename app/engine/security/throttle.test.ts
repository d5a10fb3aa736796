import { describe, expect, test } from "vitest";
import { activeFailures, delayAfter, describeWait, loginWait, secondsToWait, THROTTLE_POLICIES, type ThrottlePolicy } from "./throttle.ts";

const policy: ThrottlePolicy = { freeFailures: 3, firstDelaySeconds: 2, maxDelaySeconds: 60, forgetAfterSeconds: 600 };
const now = new Date("2026-12-03T10:00:00Z");
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);

describe("delayAfter", () => {
  test("no wait within the free allowance", () => {
    expect([0, 1, 2].map((n) => delayAfter(n, policy))).toEqual([0, 0, 0]);
  });

  test("doubles past the allowance and stops at the cap", () => {
    expect([3, 4, 5, 6, 7, 8].map((n) => delayAfter(n, policy))).toEqual([2, 4, 8, 16, 32, 60]);
    expect(delayAfter(10_000, policy)).toBe(60);
  });
});

describe("secondsToWait", () => {
  test("counts down from the last failure", () => {
    expect(secondsToWait({ failures: 5, lastFailureAt: secondsAgo(3) }, policy, now)).toBe(5);
    expect(secondsToWait({ failures: 5, lastFailureAt: secondsAgo(8) }, policy, now)).toBe(0);
  });

  test("a quiet counter is forgotten", () => {
    const old = { failures: 50, lastFailureAt: secondsAgo(601) };
    expect(activeFailures(old, policy, now)).toBe(0);
    expect(secondsToWait(old, policy, now)).toBe(0);
  });

  test("no counter, no wait", () => {
    expect(secondsToWait(null, policy, now)).toBe(0);
  });
});

describe("loginWait", () => {
  const guessed = { failures: 40, lastFailureAt: now };

  test("an attacked account makes untrusted browsers wait", () => {
    expect(loginWait({ account: guessed, address: null }, now)).toEqual({ seconds: 300, trusted: false });
  });

  test("an attacked address makes every account from it wait", () => {
    expect(loginWait({ account: null, address: guessed }, now).seconds).toBe(300);
  });

  test("a trusted device is never held back by the account's or the address's failures", () => {
    expect(loginWait({ account: guessed, address: guessed, device: null }, now)).toEqual({ seconds: 0, trusted: true });
  });

  test("a trusted device that keeps guessing loses its standing", () => {
    const device = { failures: THROTTLE_POLICIES.loginDevice.freeFailures, lastFailureAt: secondsAgo(1) };
    expect(loginWait({ account: guessed, address: null, device }, now)).toEqual({ seconds: 300, trusted: false });
  });

  test("a few typos on a fresh browser cost nothing", () => {
    const typos = { failures: 2, lastFailureAt: secondsAgo(1) };
    expect(loginWait({ account: typos, address: typos }, now).seconds).toBe(0);
  });
});

test("describeWait", () => {
  expect([1, 45, 60, 61, 300].map(describeWait)).toEqual([
    { unit: "second", amount: 1 },
    { unit: "second", amount: 45 },
    { unit: "minute", amount: 1 },
    { unit: "minute", amount: 2 },
    { unit: "minute", amount: 5 },
  ]);
});
