import { describe, expect, test, vi } from "vitest";
import type { FormReply } from "~/components/forms/reply.ts";
import { findSetupLinkOwner, setPasswordWithToken } from "~/models/password-setup.server.ts";
import { createPerson, deactivatePerson, issueSetupLink, type PersonInput } from "~/models/user.server.ts";
import { action as setPasswordAction, loader as setPasswordLoader } from "~/routes/_auth+/set-password.$token.tsx";
import { login, readSession } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { SETUP_LINK_LIFETIME_DAYS } from "../../app/domain/people.ts";
import { buildPersonInput, createUser, DAY_MS } from "../factories/index.ts";
import { inEnglish } from "../support/english.ts";
import { callRoute, cookieFromSetCookie, get, post } from "./request.ts";

// Passes through to the real hash, counting calls: a link that doesn't work must cost no hashing.
const hashCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock("~/utils/auth.server.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("~/utils/auth.server.ts")>();
  return {
    ...original,
    hashPassword: (password: string) => {
      hashCalls.count += 1;
      return original.hashPassword(password);
    },
  };
});

// The one password people choose in this file.
const NEW_PASSWORD = "a long and memorable sentence";

let addressCounter = 0;
const freshAddress = () => `172.16.${++addressCounter}.1`;

async function newPersonWithLink(overrides: Partial<PersonInput> = {}) {
  const admin = await createUser({ role: "admin" });
  const input = buildPersonInput(overrides);
  const created = await createPerson(admin, input);
  if (created.status !== "ok" || !created.setupToken) throw new Error(`createPerson failed: ${created.status}`);
  return { admin, input, userId: created.userId, token: created.setupToken };
}

describe("setup links", () => {
  test("createPerson returns a one-time token and only its digest is stored", async () => {
    const { userId, token } = await newPersonWithLink();
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const rows = await prisma.passwordSetupToken.findMany({ where: { userId } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).not.toBe(token);
    expect(rows[0].usedAt).toBeNull();
    const lifetime = rows[0].expiresAt.getTime() - Date.now();
    expect(Math.abs(lifetime - SETUP_LINK_LIFETIME_DAYS * DAY_MS)).toBeLessThan(60_000);
  });

  test("findSetupLinkOwner finds the person a link belongs to", async () => {
    const { input, token } = await newPersonWithLink();
    expect(await findSetupLinkOwner(token)).toEqual({ name: input.name, email: input.email });
    expect(await findSetupLinkOwner("not-a-real-token")).toBeNull();
  });

  test("setPasswordWithToken sets a password that works for sign-in and audits it", async () => {
    const { userId, input, token } = await newPersonWithLink();
    expect((await login({ email: input.email, password: NEW_PASSWORD, clientAddress: freshAddress() })).status).toBe("invalid");

    expect(await setPasswordWithToken(token, NEW_PASSWORD, freshAddress())).toEqual({ status: "set", userId });

    const signIn = await login({ email: input.email, password: NEW_PASSWORD, clientAddress: freshAddress() });
    expect(signIn.status).toBe("success");
    const events = await prisma.auditEvent.findMany({ where: { action: "user.password-set", targetId: userId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: userId, targetType: "user" });
    expect(events[0].details).not.toContain(NEW_PASSWORD);
    const stored = await prisma.password.findUniqueOrThrow({ where: { userId } });
    expect(stored.hash).toMatch(/^\$argon2id\$/);
  });

  test("a token cannot be used twice", async () => {
    const { token } = await newPersonWithLink();
    expect((await setPasswordWithToken(token, NEW_PASSWORD, freshAddress())).status).toBe("set");
    expect(await findSetupLinkOwner(token)).toBeNull();
    expect(await setPasswordWithToken(token, "another long password", freshAddress())).toEqual({ status: "unusable" });
  });

  test("an expired token is refused", async () => {
    const { userId, token } = await newPersonWithLink();
    const afterExpiry = new Date(Date.now() + (SETUP_LINK_LIFETIME_DAYS + 1) * DAY_MS);
    expect(await findSetupLinkOwner(token, afterExpiry)).toBeNull();
    expect(await setPasswordWithToken(token, NEW_PASSWORD, freshAddress(), afterExpiry)).toEqual({ status: "unusable" });
    expect(await prisma.password.findUnique({ where: { userId } })).toBeNull();
    expect(await prisma.auditEvent.count({ where: { action: "user.password-set", targetId: userId } })).toBe(0);
  });

  test("issuing a new link revokes the older one", async () => {
    const { admin, userId, token: oldToken } = await newPersonWithLink();
    const reissued = await issueSetupLink(admin, userId);
    expect(reissued.status).toBe("ok");
    if (reissued.status !== "ok") return;
    const newToken = reissued.setupToken!;
    expect(newToken).not.toBe(oldToken);

    expect(await findSetupLinkOwner(oldToken)).toBeNull();
    expect(await setPasswordWithToken(oldToken, NEW_PASSWORD, freshAddress())).toEqual({ status: "unusable" });
    expect(await setPasswordWithToken(newToken, NEW_PASSWORD, freshAddress())).toEqual({ status: "set", userId });
    expect(await prisma.auditEvent.count({ where: { action: "user.setup-link-issued", targetId: userId } })).toBe(1);
  });

  test("a deactivated person's link cannot be used", async () => {
    const { admin, userId, token } = await newPersonWithLink();
    await deactivatePerson(admin, userId);
    expect(await findSetupLinkOwner(token)).toBeNull();
    expect(await setPasswordWithToken(token, NEW_PASSWORD, freshAddress())).toEqual({ status: "unusable" });
    expect(await issueSetupLink(admin, userId)).toMatchObject({ status: "refused" });
  });
});

describe("set-password route", () => {
  const url = (token: string) => `/set-password/${token}`;

  test("the loader names the owner of a usable link and nobody for a bad one", async () => {
    const { input, token } = await newPersonWithLink();
    const good = await callRoute<{ owner: unknown }>(setPasswordLoader, { request: get(url(token)), params: { token } });
    expect(good).toMatchObject({ status: 200, body: { owner: { name: input.name, email: input.email } } });
    const bad = await callRoute<{ owner: unknown }>(setPasswordLoader, { request: get(url("nope")), params: { token: "nope" } });
    expect(bad).toMatchObject({ status: 200, body: { owner: null } });
  });

  test("mismatched passwords answer 400 with a confirmPassword error and nothing changes", async () => {
    const { userId, token } = await newPersonWithLink();
    const outcome = await callRoute<FormReply>(setPasswordAction, {
      request: post(url(token), { intent: "set-password", password: NEW_PASSWORD, confirmPassword: "something else entirely" }),
      params: { token },
      context: { cspNonce: "test", clientAddress: freshAddress() },
    });
    expect(outcome.status).toBe(400);
    expect(outcome.body?.result.error?.confirmPassword?.map(inEnglish)).toEqual(["The two passwords don't match"]);
    expect(outcome.body?.result.initialValue ?? {}).not.toHaveProperty("password");
    expect(await prisma.password.findUnique({ where: { userId } })).toBeNull();
    expect(await findSetupLinkOwner(token)).not.toBeNull();
  });

  test("a short password answers 400 with a password error", async () => {
    const { token } = await newPersonWithLink();
    const outcome = await callRoute<FormReply>(setPasswordAction, {
      request: post(url(token), { intent: "set-password", password: "short", confirmPassword: "short" }),
      params: { token },
      context: { cspNonce: "test", clientAddress: freshAddress() },
    });
    expect(outcome.status).toBe(400);
    expect(outcome.body?.result.error?.password?.map(inEnglish)).toEqual(["Use at least 10 characters"]);
  });

  test("an empty form answers 400, never 500", async () => {
    const { token } = await newPersonWithLink();
    const outcome = await callRoute<FormReply>(setPasswordAction, {
      request: post(url(token), { intent: "set-password" }),
      params: { token },
      context: { cspNonce: "test", clientAddress: freshAddress() },
    });
    expect(outcome.status).toBe(400);
    expect(outcome.body?.result.error?.password?.map(inEnglish)).toEqual(["Choose a password"]);
  });

  test("success redirects home with a session cookie for the person", async () => {
    const { userId, token } = await newPersonWithLink();
    const outcome = await callRoute(setPasswordAction, {
      request: post(url(token), { intent: "set-password", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
      params: { token },
      context: { cspNonce: "test", clientAddress: freshAddress() },
    });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/");
    const setCookie = outcome.headers?.get("Set-Cookie");
    expect(setCookie).toMatch(/^frontline_session=[^;]+;/);
    const session = await readSession(get("/", cookieFromSetCookie(setCookie!)));
    expect(session.user?.id).toBe(userId);
  });

  test("a used link answers 400 with the expired-link message", async () => {
    const { token } = await newPersonWithLink();
    await setPasswordWithToken(token, NEW_PASSWORD, freshAddress());
    const outcome = await callRoute<FormReply>(setPasswordAction, {
      request: post(url(token), { intent: "set-password", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
      params: { token },
      context: { cspNonce: "test", clientAddress: freshAddress() },
    });
    expect(outcome.status).toBe(400);
    expect(inEnglish(outcome.body?.result.error?.[""]?.[0])).toMatch(/expired or was already used/);
    expect(outcome.headers?.get("Set-Cookie") ?? null).toBeNull();
  });

  test("setting a password ends every other session and forgets trusted browsers", async () => {
    const user = await createUser({ password: "an old password that leaked" });
    const elsewhere = await login({ email: user.email, password: "an old password that leaked", clientAddress: freshAddress() });
    expect(elsewhere.status).toBe("success");
    expect(await prisma.trustedDevice.count({ where: { userId: user.id } })).toBe(1);
    const admin = await createUser({ role: "admin" });
    const link = await issueSetupLink(admin, user.id);
    if (link.status !== "ok" || !link.setupToken) throw new Error("expected a setup link");

    const outcome = await callRoute(setPasswordAction, {
      request: post(url(link.setupToken), { intent: "set-password", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
      params: { token: link.setupToken },
      context: { cspNonce: "test", clientAddress: freshAddress() },
    });
    expect(outcome.status).toBe(302);
    const sessions = await prisma.session.findMany({ where: { userId: user.id } });
    expect(sessions).toHaveLength(1);
    expect(outcome.headers?.get("Set-Cookie")).toContain(sessions[0].id);
    expect(await prisma.trustedDevice.count({ where: { userId: user.id } })).toBe(0);
  });

  test("links that don't work slow down further tries from the same address without hashing anything", async () => {
    const address = freshAddress();
    const attempt = (token: string) =>
      callRoute<FormReply>(setPasswordAction, {
        request: post(url(token), { intent: "set-password", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
        params: { token },
        context: { cspNonce: "test", clientAddress: address },
      });
    const hashesBefore = hashCalls.count;
    for (let guess = 1; guess <= 10; guess++) expect((await attempt(`guessed-token-${guess}`)).status).toBe(400);
    expect(hashCalls.count).toBe(hashesBefore);
    const throttled = await attempt("guessed-token-11");
    expect(throttled.status).toBe(429);
    expect(throttled.headers?.get("Retry-After")).toBe("2");
    const { token } = await newPersonWithLink();
    expect((await attempt(token)).status).toBe(429);
    const fromElsewhere = await callRoute(setPasswordAction, {
      request: post(url(token), { intent: "set-password", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
      params: { token },
      context: { cspNonce: "test", clientAddress: freshAddress() },
    });
    expect(fromElsewhere.status).toBe(302);
  });
});
