// Sessions live in SQLite and are managed by lucia v3. lucia is deprecated
// upstream, so it is used only in this file (docs/decisions/003-lucia-v3-sessions.md
// describes the exit path): the rest of the app sees requireUser/login/logout.
import { hash, verify } from "@node-rs/argon2";
import { redirect } from "@remix-run/node";
import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import { prisma } from "./db.server.ts";
import { env } from "./env.server.ts";
import type { Viewer } from "./permissions.ts";
import { loginThrottle } from "./rate-limit.server.ts";
import { safeRedirect } from "./safe-redirect.ts";
import type { Role } from "./user-fields.ts";

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
};

// A small adapter over our Prisma client: keeps one connection and our schema's names.
const sessionAdapter: Adapter = {
  async getSessionAndUser(sessionId) {
    const row = await prisma.session.findUnique({
      where: { id: sessionId },
      include: { user: { include: { ledTeams: { select: { id: true } } } } },
    });
    if (!row || row.user.deactivatedAt) return [null, null];
    const session: DatabaseSession = { id: row.id, userId: row.userId, expiresAt: row.expiresAt, attributes: {} };
    const attributes: UserAttributes = {
      email: row.user.email,
      name: row.user.name,
      role: row.user.role as Role,
      level: row.user.level,
      teamId: row.user.teamId,
      ledTeamIds: row.user.ledTeams.map((team) => team.id),
    };
    const user: DatabaseUser = { id: row.user.id, attributes };
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

/**
 * Reads the session cookie. `refreshedCookie` is set when the session was
 * extended (sliding expiry) or found invalid (the cookie must be cleared);
 * the root loader sends it back so every page view keeps the session alive.
 */
export async function readSession(request: Request): Promise<SessionLookup> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return { user: null, refreshedCookie: null };
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session) return { user: null, refreshedCookie: lucia.createBlankSessionCookie().serialize() };
  const refreshedCookie = session.fresh ? lucia.createSessionCookie(session.id).serialize() : null;
  return { user, refreshedCookie };
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
  | { status: "success"; userId: string; cookie: string }
  | { status: "invalid" }
  | { status: "throttled"; retryAfterSeconds: number };

// Verifying against a real hash when the email is unknown keeps both failures equally slow.
const timingDecoyHash = hashPassword("frontline-timing-decoy");

export async function login({
  email,
  password,
  clientAddress,
}: {
  email: string;
  password: string;
  clientAddress: string;
}): Promise<LoginResult> {
  const throttle = loginThrottle.check(email, clientAddress);
  if (!throttle.allowed) return { status: "throttled", retryAfterSeconds: throttle.retryAfterSeconds };

  const user = await prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, deactivatedAt: true, password: { select: { hash: true } } },
  });
  const passwordHash = user?.password?.hash ?? (await timingDecoyHash);
  const passwordMatches = await verifyPassword(passwordHash, password);
  if (!user || !user.password || user.deactivatedAt || !passwordMatches) {
    loginThrottle.recordFailure(email, clientAddress);
    return { status: "invalid" };
  }
  loginThrottle.recordSuccess(email);
  return { status: "success", userId: user.id, cookie: await startSession(user.id) };
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

export function redirectAfterLogin(redirectTo: FormDataEntryValue | null | undefined, cookie: string) {
  return redirect(safeRedirect(redirectTo, "/"), { headers: { "Set-Cookie": cookie } });
}
