import { describe, expect, test } from "vitest";
import type { FormReply } from "~/components/forms/reply.ts";
import { deactivatePerson } from "~/models/user.server.ts";
import { action as loginAction, INVALID_CREDENTIALS } from "~/routes/_auth+/login.tsx";
import { login, logout, readSession, SESSION_LIFETIME_DAYS } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { createUser, DAY_MS } from "../factories/index.ts";
import { inEnglish } from "../support/english.ts";
import { callRoute, cookieFromSetCookie, get, post, sessionCookieFor } from "./request.ts";

// One password for the whole file: the factories hash it once.
const PASSWORD = "correct horse battery staple";

// Failure counts are kept per account and per address for the whole file's
// database, so every test that fails sign-ins uses its own email and address.
let uniqueCounter = 0;
function uniqueAddress(): string {
  uniqueCounter += 1;
  return `10.${Math.floor(uniqueCounter / 250)}.${uniqueCounter % 250}.${Math.floor(Math.random() * 250) + 1}`;
}

function sessionIdFrom(cookie: string): string {
  return cookie.split("=")[1];
}

describe("login()", () => {
  test("the right password succeeds and returns a session cookie", async () => {
    const user = await createUser({ password: PASSWORD });
    const result = await login({ email: user.email, password: PASSWORD, clientAddress: uniqueAddress() });
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    expect(result.userId).toBe(user.id);
    expect(result.cookies[0]).toMatch(/^frontline_session=[^;]+;/);
    expect(result.cookies[1]).toMatch(/^frontline_device=[^;]+;.*HttpOnly/);
    const session = await prisma.session.findUnique({ where: { id: sessionIdFrom(cookieFromSetCookie(result.cookies[0])) } });
    expect(session?.userId).toBe(user.id);
  });

  test("email is matched case-insensitively and ignoring surrounding spaces", async () => {
    const user = await createUser({ password: PASSWORD });
    const result = await login({ email: `  ${user.email.toUpperCase()} `, password: PASSWORD, clientAddress: uniqueAddress() });
    expect(result.status).toBe("success");
  });

  test("a wrong password and an unknown email get exactly the same answer", async () => {
    const user = await createUser({ password: PASSWORD });
    const address = uniqueAddress();
    const wrong = await login({ email: user.email, password: "not the password", clientAddress: address });
    const unknown = await login({ email: `nobody-${Date.now()}@example.test`, password: "not the password", clientAddress: address });
    expect(wrong).toEqual({ status: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  test("a person who has not set a password yet cannot sign in", async () => {
    const user = await createUser();
    const result = await login({ email: user.email, password: "", clientAddress: uniqueAddress() });
    expect(result).toEqual({ status: "invalid" });
  });

  test("a deactivated person cannot sign in even with the right password", async () => {
    const user = await createUser({ password: PASSWORD, deactivatedAt: new Date() });
    const result = await login({ email: user.email, password: PASSWORD, clientAddress: uniqueAddress() });
    expect(result).toEqual({ status: "invalid" });
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  test("past 5 failures for one account a fresh browser waits a little, not 15 minutes, and no session starts", async () => {
    const user = await createUser({ password: PASSWORD });
    for (let attempt = 1; attempt <= 5; attempt++) {
      // different addresses, so only the per-account count can make anyone wait
      const result = await login({ email: user.email, password: `wrong-${attempt}`, clientAddress: uniqueAddress() });
      expect(result).toEqual({ status: "invalid" });
    }
    const sixth = await login({ email: user.email, password: PASSWORD, clientAddress: uniqueAddress() });
    expect(sixth).toEqual({ status: "throttled", retryAfterSeconds: 2 });
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  test("each further failure doubles the wait, up to five minutes", async () => {
    const user = await createUser({ password: PASSWORD });
    const key = `login:account:${user.email}`;
    const waits: number[] = [];
    for (let failures = 5; failures <= 12; failures++) {
      await prisma.throttleCounter.upsert({
        where: { key },
        create: { key, failures, lastFailureAt: new Date() },
        update: { failures, lastFailureAt: new Date() },
      });
      const outcome = await login({ email: user.email, password: PASSWORD, clientAddress: uniqueAddress() });
      waits.push(outcome.status === "throttled" ? outcome.retryAfterSeconds : 0);
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 64, 128, 256]);
    await prisma.throttleCounter.update({ where: { key }, data: { failures: 40 } });
    expect(await login({ email: user.email, password: PASSWORD, clientAddress: uniqueAddress() })).toEqual({
      status: "throttled",
      retryAfterSeconds: 300,
    });
  });

  test("once the wait has passed the right password works again", async () => {
    const user = await createUser({ password: PASSWORD });
    for (let attempt = 1; attempt <= 6; attempt++) await login({ email: user.email, password: "wrong", clientAddress: uniqueAddress() });
    expect((await login({ email: user.email, password: PASSWORD, clientAddress: uniqueAddress() })).status).toBe("throttled");
    await prisma.throttleCounter.update({
      where: { key: `login:account:${user.email}` },
      data: { lastFailureAt: new Date(Date.now() - 10_000) },
    });
    expect((await login({ email: user.email, password: PASSWORD, clientAddress: uniqueAddress() })).status).toBe("success");
  });

  test("a browser that signed in before is never held back by someone else's guesses", async () => {
    const user = await createUser({ password: PASSWORD });
    const first = await login({ email: user.email, password: PASSWORD, clientAddress: uniqueAddress() });
    if (first.status !== "success") throw new Error("expected the first sign-in to succeed");
    const deviceCookie = first.cookies.map(cookieFromSetCookie).find((cookie) => cookie.startsWith("frontline_device="));
    expect(deviceCookie).toBeDefined();

    const attacker = uniqueAddress();
    for (let attempt = 1; attempt <= 40; attempt++)
      await login({ email: user.email, password: `guess-${attempt}`, clientAddress: attacker });
    expect((await login({ email: user.email, password: PASSWORD, clientAddress: uniqueAddress() })).status).toBe("throttled");

    const fromOwnBrowser = await login({ email: user.email, password: PASSWORD, clientAddress: attacker, cookieHeader: deviceCookie });
    expect(fromOwnBrowser.status).toBe("success");
    if (fromOwnBrowser.status === "success") expect(fromOwnBrowser.cookies).toHaveLength(1);
  });

  test("a device cookie is trusted only for the account it signed in to", async () => {
    const owner = await createUser({ password: PASSWORD });
    const other = await createUser({ password: PASSWORD });
    const first = await login({ email: owner.email, password: PASSWORD, clientAddress: uniqueAddress() });
    if (first.status !== "success") throw new Error("expected success");
    const deviceCookie = first.cookies.map(cookieFromSetCookie).find((cookie) => cookie.startsWith("frontline_device="));
    for (let attempt = 1; attempt <= 6; attempt++) await login({ email: other.email, password: "wrong", clientAddress: uniqueAddress() });
    const outcome = await login({ email: other.email, password: PASSWORD, clientAddress: uniqueAddress(), cookieHeader: deviceCookie });
    expect(outcome.status).toBe("throttled");
  });

  test("the per-account count also applies to a differently-cased email", async () => {
    const user = await createUser({ password: PASSWORD });
    for (let attempt = 1; attempt <= 5; attempt++) {
      await login({ email: user.email.toUpperCase(), password: "wrong", clientAddress: uniqueAddress() });
    }
    const sixth = await login({ email: user.email, password: PASSWORD, clientAddress: uniqueAddress() });
    expect(sixth.status).toBe("throttled");
  });

  test("4 failures then a success resets the account's count", async () => {
    const user = await createUser({ password: PASSWORD });
    for (let attempt = 1; attempt <= 4; attempt++) {
      await login({ email: user.email, password: "wrong", clientAddress: uniqueAddress() });
    }
    expect((await login({ email: user.email, password: PASSWORD, clientAddress: uniqueAddress() })).status).toBe("success");
    for (let attempt = 1; attempt <= 4; attempt++) {
      await login({ email: user.email, password: "wrong", clientAddress: uniqueAddress() });
    }
    expect((await login({ email: user.email, password: PASSWORD, clientAddress: uniqueAddress() })).status).toBe("success");
  });

  test("past 30 failures from one address across different emails, that address waits; others do not", async () => {
    const address = uniqueAddress();
    const stamp = Date.now().toString(36);
    for (let attempt = 1; attempt <= 30; attempt++) {
      const result = await login({ email: `spray-${stamp}-${attempt}@example.test`, password: "guess", clientAddress: address });
      expect(result).toEqual({ status: "invalid" });
    }
    const user = await createUser({ password: PASSWORD });
    const fromSameAddress = await login({ email: user.email, password: PASSWORD, clientAddress: address });
    expect(fromSameAddress.status).toBe("throttled");
    const fromElsewhere = await login({ email: user.email, password: PASSWORD, clientAddress: uniqueAddress() });
    expect(fromElsewhere.status).toBe("success");
  });

  test("the counts live in the database, so a restarted or second server process sees them", async () => {
    const user = await createUser({ password: PASSWORD });
    const address = uniqueAddress();
    for (let attempt = 1; attempt <= 3; attempt++) await login({ email: user.email, password: "wrong", clientAddress: address });
    const rows = await prisma.throttleCounter.findMany({
      where: { key: { in: [`login:account:${user.email}`, `login:address:${address}`] } },
    });
    expect(rows.map((row) => row.failures)).toEqual([3, 3]);
  });
});

describe("readSession()", () => {
  test("a valid cookie gives the signed-in user and no cookie refresh", async () => {
    const user = await createUser({ role: "lead", name: "Reading Session" });
    const cookie = await sessionCookieFor(user.id);
    const { user: sessionUser, refreshedCookie } = await readSession(get("/", cookie));
    expect(sessionUser).toMatchObject({ id: user.id, email: user.email, name: "Reading Session", role: "lead", ledTeamIds: [] });
    expect(refreshedCookie).toBeNull();
  });

  test("no cookie or an unknown session id gives no user", async () => {
    expect(await readSession(get("/"))).toEqual({ user: null, refreshedCookie: null });
    const unknown = await readSession(get("/", "frontline_session=made-up-session-id"));
    expect(unknown.user).toBeNull();
    expect(unknown.refreshedCookie).toMatch(/Max-Age=0/);
  });

  test("an expired session gives no user, clears the cookie and is removed", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const sessionId = sessionIdFrom(cookie);
    await prisma.session.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() - 60_000) } });

    const { user: sessionUser, refreshedCookie } = await readSession(get("/", cookie));
    expect(sessionUser).toBeNull();
    expect(refreshedCookie).toMatch(/^frontline_session=;/);
    expect(refreshedCookie).toMatch(/Max-Age=0/);
    expect(await prisma.session.findUnique({ where: { id: sessionId } })).toBeNull();
  });

  test("sliding expiry: a session with less than half its lifetime left is renewed to the full 30 days", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const sessionId = sessionIdFrom(cookie);
    await prisma.session.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() + 10 * DAY_MS) } });

    const { user: sessionUser, refreshedCookie } = await readSession(get("/", cookie));
    expect(sessionUser?.id).toBe(user.id);
    expect(refreshedCookie).not.toBeNull();
    expect(cookieFromSetCookie(refreshedCookie!)).toBe(cookie);
    expect(refreshedCookie).toContain(`Max-Age=${SESSION_LIFETIME_DAYS * 86_400};`);

    const row = await prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
    const expected = Date.now() + SESSION_LIFETIME_DAYS * DAY_MS;
    expect(Math.abs(row.expiresAt.getTime() - expected)).toBeLessThan(60_000);
  });

  test("a fresh session (29+ days left) is not refreshed", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const row = await prisma.session.findUniqueOrThrow({ where: { id: sessionIdFrom(cookie) } });
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * DAY_MS);
    const { user: sessionUser, refreshedCookie } = await readSession(get("/", cookie));
    expect(sessionUser?.id).toBe(user.id);
    expect(refreshedCookie).toBeNull();
  });
});

describe("logout() and deactivation", () => {
  test("logout deletes the session row and returns a blank cookie", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const sessionId = sessionIdFrom(cookie);
    const blank = await logout(post("/logout", {}, cookie));
    expect(blank).toMatch(/^frontline_session=;/);
    expect(blank).toMatch(/Max-Age=0/);
    expect(await prisma.session.findUnique({ where: { id: sessionId } })).toBeNull();
    expect((await readSession(get("/", cookie))).user).toBeNull();
  });

  test("logout only ends the current session, not the person's other sessions", async () => {
    const user = await createUser();
    const laptop = await sessionCookieFor(user.id);
    const phone = await sessionCookieFor(user.id);
    await logout(post("/logout", {}, laptop));
    expect((await readSession(get("/", phone))).user?.id).toBe(user.id);
  });

  test("deactivating a person deletes all their sessions and their old cookie stops working", async () => {
    const admin = await createUser({ role: "admin" });
    const user = await createUser();
    const first = await sessionCookieFor(user.id);
    const second = await sessionCookieFor(user.id);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(2);

    expect(await deactivatePerson(admin, user.id)).toEqual({ status: "ok", userId: user.id });
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await readSession(get("/", first))).user).toBeNull();
    expect((await readSession(get("/", second))).user).toBeNull();
  });
});

describe("session cookie attributes", () => {
  test("HttpOnly and SameSite=Lax are set; Secure is left off outside production", async () => {
    expect(process.env.NODE_ENV).toBe("test");
    const withPassword = await createUser({ password: PASSWORD });
    const ok = await login({ email: withPassword.email, password: PASSWORD, clientAddress: uniqueAddress() });
    if (ok.status !== "success") throw new Error(`expected success, got ${ok.status}`);
    const attributes = ok.cookies[0].split(";").map((part) => part.trim().toLowerCase());
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=lax");
    expect(attributes).toContain("path=/");
    expect(attributes).not.toContain("secure");
  });
});

describe("login route action", () => {
  async function postLogin(fields: Record<string, string>, clientAddress = uniqueAddress()) {
    return callRoute<FormReply>(loginAction, {
      request: post("/login", { intent: "login", ...fields }),
      context: { cspNonce: "test", clientAddress },
    });
  }

  test("a successful sign-in redirects to a local redirectTo and sets the session cookie", async () => {
    const user = await createUser({ password: PASSWORD });
    const outcome = await postLogin({ email: user.email, password: PASSWORD, redirectTo: "/admin/people" });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/admin/people");
    expect(outcome.headers?.get("Set-Cookie")).toMatch(/^frontline_session=[^;]+;/);
  });

  test.each(["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", ""])(
    "redirectTo %j is not followed: the redirect goes to /",
    async (redirectTo) => {
      const user = await createUser({ password: PASSWORD });
      const outcome = await postLogin({ email: user.email, password: PASSWORD, redirectTo });
      expect(outcome.status).toBe(302);
      expect(outcome.location).toBe("/");
    },
  );

  test("wrong credentials answer 400 with the generic message and do not echo the password", async () => {
    const user = await createUser({ password: PASSWORD });
    const outcome = await postLogin({ email: user.email, password: "wrong password" });
    expect(outcome.status).toBe(400);
    expect(outcome.body?.result.error?.[""]).toEqual([INVALID_CREDENTIALS]);
    expect(outcome.body?.result.initialValue).toMatchObject({ email: user.email });
    expect(outcome.body?.result.initialValue).not.toHaveProperty("password");
    expect(outcome.headers?.get("Set-Cookie")).toBeNull();
  });

  test("a missing email answers 400 with a field error, never 500", async () => {
    const outcome = await postLogin({ password: "whatever" });
    expect(outcome.status).toBe(400);
    expect(outcome.body?.result.error?.email?.map(inEnglish)).toEqual(["Enter your email address"]);
  });

  test("a malformed email answers 400 with a field error and keeps what was typed", async () => {
    const outcome = await postLogin({ email: "not-an-email", password: "whatever" });
    expect(outcome.status).toBe(400);
    expect(outcome.body?.result.error?.email?.map(inEnglish)).toEqual(["Enter a valid email address, like name@company.com"]);
    expect(outcome.body?.result.initialValue).toMatchObject({ email: "not-an-email" });
    expect(outcome.body?.result.initialValue).not.toHaveProperty("password");
  });

  test("an empty form answers 400 with errors for both fields", async () => {
    const outcome = await postLogin({});
    expect(outcome.status).toBe(400);
    expect(outcome.body?.result.error?.email?.length).toBeGreaterThan(0);
    expect(outcome.body?.result.error?.password?.length).toBeGreaterThan(0);
  });

  test("a throttled account answers 429 with the wait in words and a Retry-After header", async () => {
    const user = await createUser({ password: PASSWORD });
    for (let attempt = 1; attempt <= 5; attempt++) await postLogin({ email: user.email, password: "wrong" });
    const outcome = await postLogin({ email: user.email, password: PASSWORD });
    expect(outcome.status).toBe(429);
    expect(inEnglish(outcome.body?.result.error?.[""]?.[0])).toBe(
      "Too many sign-in attempts for this account or network. Wait 2 seconds and try again.",
    );
    expect(outcome.headers?.get("Retry-After")).toBe("2");
  });

  test("the device cookie from a sign-in through the route lets its owner past an attacked account", async () => {
    const user = await createUser({ password: PASSWORD });
    const first = await postLogin({ email: user.email, password: PASSWORD });
    const deviceCookie = first.headers
      ?.getSetCookie()
      .map(cookieFromSetCookie)
      .find((cookie) => cookie.startsWith("frontline_device="));
    expect(deviceCookie).toBeDefined();
    for (let attempt = 1; attempt <= 10; attempt++) await postLogin({ email: user.email, password: "wrong" });
    const again = await callRoute(loginAction, {
      request: post("/login", { intent: "login", email: user.email, password: PASSWORD }, deviceCookie),
      context: { cspNonce: "test", clientAddress: uniqueAddress() },
    });
    expect(again.status).toBe(302);
  });

  test("someone already signed in is sent home instead of signing in again", async () => {
    const user = await createUser({ password: PASSWORD });
    const cookie = await sessionCookieFor(user.id);
    const outcome = await callRoute(loginAction, {
      request: post("/login", { intent: "login", email: user.email, password: PASSWORD }, cookie),
    });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/");
  });
});
