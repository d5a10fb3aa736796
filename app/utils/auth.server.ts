// Sessions live in SQLite and are managed by lucia v3. lucia is deprecated
// upstream, so it is used only in this file (docs/decisions/003-lucia-v3-sessions.md
// describes the exit path): the rest of the app sees requireUser/login/logout.
import { hash, verify } from "@node-rs/argon2";
import { createCookie, redirect } from "@remix-run/node";
import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import type { Role } from "~/domain/people.ts";
import type { Viewer } from "~/engine/access/people.ts";
import { loginWait, THROTTLE_POLICIES } from "~/engine/security/throttle.ts";
import { clearFailures, readFailureCounts, recordFailures } from "~/models/throttle.server.ts";
import { findTrustedDevice, TRUSTED_DEVICE_LIFETIME_DAYS, trustDevice } from "~/models/trusted-device.server.ts";
import { prisma, rawDate } from "./db.server.ts";
import { env } from "./env.server.ts";
import { noteRequestUser } from "./logger.server.ts";
import { safeRedirect } from "./safe-redirect.ts";

const ARGON2ID = 2; // Algorithm.Argon2id; the package's const enum cannot be imported under isolatedModules
const PASSWORD_HASH_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password, PASSWORD_HASH_OPTIONS);
}

type UserAttributes = {
  email: string;
  name: string;
  role: Role;
  level: string;
  teamId: string | null;
  ledTeamIds: string[];
  locale: string;
  timeZone: string;
};

type SessionUserRow = Omit<UserAttributes, "ledTeamIds"> & {
  sessionId: string;
  userId: string;
  expiresAt: Date | string;
  ledTeamIds: string;
};

// A small adapter over our Prisma client: keeps one connection and our schema's names.
const sessionAdapter: Adapter = {
  // One statement: it runs on every page view, and Prisma's include would take three.
  async getSessionAndUser(sessionId) {
    const [row] = await prisma.$queryRaw<SessionUserRow[]>`
      SELECT s."id" AS "sessionId", s."expiresAt", u."id" AS "userId", u."email", u."name", u."role", u."level",
        u."teamId", u."locale", u."timeZone",
        (SELECT json_group_array(t."id") FROM "Team" AS t WHERE t."leadId" = u."id") AS "ledTeamIds"
      FROM "Session" AS s INNER JOIN "User" AS u ON u."id" = s."userId"
      WHERE s."id" = ${sessionId} AND u."deactivatedAt" IS NULL`;
    if (!row) return [null, null];
    const session: DatabaseSession = { id: row.sessionId, userId: row.userId, expiresAt: rawDate(row.expiresAt), attributes: {} };
    const attributes: UserAttributes = {
      email: row.email,
      name: row.name,
      role: row.role as Role,
      level: row.level,
      teamId: row.teamId,
      ledTeamIds: JSON.parse(row.ledTeamIds) as string[],
      locale: row.locale,
      timeZone: row.timeZone,
    };
    const user: DatabaseUser = { id: row.userId, attributes };
    return [session, user];
  },
  async getUserSessions(userId) {
    const rows = await prisma.session.findMany({ where: { userId } });
    return rows.map((row) => ({ id: row.id, userId: row.userId, expiresAt: row.expiresAt, attributes: {} }));
  },
  async setSession(session) {
    await prisma.session.create({ data: { id: session.id, userId: session.userId, expiresAt: session.expiresAt } });
  },
  async updateSessionExpiration(sessionId, expiresAt) {
    await prisma.session.updateMany({ where: { id: sessionId }, data: { expiresAt } });
  },
  async deleteSession(sessionId) {
    await prisma.session.deleteMany({ where: { id: sessionId } });
  },
  async deleteUserSessions(userId) {
    await prisma.session.deleteMany({ where: { userId } });
  },
  async deleteExpiredSessions() {
    await prisma.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  },
};

export const SESSION_LIFETIME_DAYS = 30;

const lucia = new Lucia(sessionAdapter, {
  // lucia renews a session once less than half of this remains: sliding expiry.
  sessionExpiresIn: new TimeSpan(SESSION_LIFETIME_DAYS, "d"),
  sessionCookie: {
    name: "frontline_session",
    attributes: { secure: env().NODE_ENV === "production", sameSite: "lax" },
  },
  getUserAttributes: (attributes) => attributes,
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: UserAttributes;
  }
}

export type SessionUser = { id: string } & UserAttributes;

export function toViewer(user: SessionUser): Viewer {
  return { id: user.id, role: user.role, ledTeamIds: user.ledTeamIds };
}

type SessionLookup = { user: SessionUser; refreshedCookie: string | null } | { user: null; refreshedCookie: string | null };

async function lookUpSession(sessionId: string): Promise<SessionLookup> {
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session) return { user: null, refreshedCookie: lucia.createBlankSessionCookie().serialize() };
  const refreshedCookie = session.fresh ? lucia.createSessionCookie(session.id).serialize() : null;
  return { user, refreshedCookie };
}

// The root loader and the page's loaders ask at the same moment, each with its own copy of the
// request, so a lookup still in flight answers every read of the same session. Never for an
// action: it may sign someone out or change them, and what runs after it must see that.
const lookupsInFlight = new Map<string, Promise<SessionLookup>>();

/**
 * Reads the session cookie. `refreshedCookie` is set when the session was
 * extended (sliding expiry) or found invalid (the cookie must be cleared);
 * the root loader sends it back so every page view keeps the session alive.
 */
export async function readSession(request: Request): Promise<SessionLookup> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return { user: null, refreshedCookie: null };
  const found = await sharedLookup(sessionId, request.method === "GET" || request.method === "HEAD");
  if (found.user) noteRequestUser(found.user.id);
  return found;
}

function sharedLookup(sessionId: string, mayShare: boolean): Promise<SessionLookup> {
  if (!mayShare) return lookUpSession(sessionId);
  let lookup = lookupsInFlight.get(sessionId);
  if (!lookup) {
    lookup = lookUpSession(sessionId).finally(() => lookupsInFlight.delete(sessionId));
    lookupsInFlight.set(sessionId, lookup);
  }
  return lookup;
}

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  return (await readSession(request)).user;
}

function loginRedirectFor(request: Request): string {
  const url = new URL(request.url);
  const here = `${url.pathname}${url.search}`;
  return here === "/" ? "/login" : `/login?${new URLSearchParams({ redirectTo: here })}`;
}

/** The signed-in user, or a redirect to /login that returns here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getOptionalUser(request);
  if (!user) throw redirect(loginRedirectFor(request));
  return user;
}

export async function requireAnonymous(request: Request): Promise<void> {
  const user = await getOptionalUser(request);
  if (user) throw redirect("/");
}

export type LoginResult =
  { status: "success"; userId: string; cookies: string[] } | { status: "invalid" } | { status: "throttled"; retryAfterSeconds: number };

// Verifying against a real hash when the email is unknown keeps both failures equally slow.
const timingDecoyHash = hashPassword("frontline-timing-decoy");

/** Marks a browser that has signed in before (models/trusted-device.server.ts). */
const deviceCookie = createCookie("frontline_device", {
  httpOnly: true,
  sameSite: "lax",
  secure: env().NODE_ENV === "production",
  path: "/",
  maxAge: TRUSTED_DEVICE_LIFETIME_DAYS * 86_400,
});

async function readDeviceToken(cookieHeader: string | null): Promise<string | null> {
  const value: unknown = await deviceCookie.parse(cookieHeader);
  return typeof value === "string" ? value : null;
}

const loginKeys = (email: string, clientAddress: string, deviceId?: string) => ({
  account: `login:account:${email}`,
  address: `login:address:${clientAddress}`,
  device: deviceId ? `login:device:${deviceId}` : null,
});

/**
 * Checks a sign-in. Failures slow down further tries per account and per
 * address (engine/security/throttle.ts), counted in the database; a browser
 * that has signed in to this account before answers only for its own failures.
 */
export async function login({
  email,
  password,
  clientAddress,
  cookieHeader = null,
}: {
  email: string;
  password: string;
  clientAddress: string;
  /** The request's Cookie header, which may carry the trusted-device cookie. */
  cookieHeader?: string | null;
}): Promise<LoginResult> {
  const normalisedEmail = email.trim().toLowerCase();
  const user = await prisma.user.findUnique({
    where: { email: normalisedEmail },
    select: { id: true, deactivatedAt: true, password: { select: { hash: true } } },
  });
  const device = user ? await findTrustedDevice(await readDeviceToken(cookieHeader), user.id) : null;
  const keys = loginKeys(normalisedEmail, clientAddress, device?.id);
  const counts = await readFailureCounts([keys.account, keys.address, ...(keys.device ? [keys.device] : [])]);
  const wait = loginWait(
    {
      account: counts.get(keys.account) ?? null,
      address: counts.get(keys.address) ?? null,
      ...(keys.device ? { device: counts.get(keys.device) ?? null } : {}),
    },
    new Date(),
  );
  if (wait.seconds > 0) return { status: "throttled", retryAfterSeconds: wait.seconds };

  const passwordHash = user?.password?.hash ?? (await timingDecoyHash);
  const passwordMatches = await verifyPassword(passwordHash, password);
  if (!user || !user.password || user.deactivatedAt || !passwordMatches) {
    await recordFailures([
      { key: keys.account, policy: THROTTLE_POLICIES.loginAccount },
      wait.trusted && keys.device
        ? { key: keys.device, policy: THROTTLE_POLICIES.loginDevice }
        : { key: keys.address, policy: THROTTLE_POLICIES.loginAddress },
    ]);
    return { status: "invalid" };
  }
  await clearFailures([keys.account, ...(keys.device ? [keys.device] : [])]);
  const trusted = await trustDevice(user.id, device);
  const cookies = [await startSession(user.id)];
  if (trusted.token) cookies.push(await deviceCookie.serialize(trusted.token));
  return { status: "success", userId: user.id, cookies };
}

/** Creates a session and returns the Set-Cookie value for it. */
export async function startSession(userId: string): Promise<string> {
  const session = await lucia.createSession(userId, {});
  return lucia.createSessionCookie(session.id).serialize();
}

/** Ends the current session and returns the Set-Cookie value that clears it. */
export async function logout(request: Request): Promise<string> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (sessionId) await lucia.invalidateSession(sessionId);
  return lucia.createBlankSessionCookie().serialize();
}

export async function endAllSessions(userId: string): Promise<void> {
  await lucia.invalidateUserSessions(userId);
}

export function redirectAfterLogin(redirectTo: FormDataEntryValue | null | undefined, cookies: string[]) {
  const headers = new Headers();
  for (const cookie of cookies) headers.append("Set-Cookie", cookie);
  return redirect(safeRedirect(redirectTo, "/"), { headers });
}
