// The session check every page runs: one SQL statement per lookup, and one lookup shared by the
// root loader and the page's loaders (each gets its own copy of the request) while it is in flight.
import { describe, expect, test, vi } from "vitest";

const statements = vi.hoisted(() => ({ sql: [] as string[] }));

vi.mock("~/utils/db.server.ts", async (importOriginal) =>
  (await import("./counting-database.ts")).countingDatabase(importOriginal, statements.sql),
);

import { readSession } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { createTeam, createUser } from "../factories/index.ts";
import { BASE_URL, get, post, sessionCookieFor } from "./request.ts";

const sessionReads = () => statements.sql.filter((sql) => /FROM "Session"/.test(sql)).length;

async function signedIn(overrides: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser(overrides);
  return { user, cookie: await sessionCookieFor(user.id) };
}

describe("session lookup", () => {
  test("reads the person, their teams led and the session in one statement", async () => {
    const { user, cookie } = await signedIn({ role: "lead" });
    const [first, second] = [await createTeam({ leadId: user.id }), await createTeam({ leadId: user.id })];
    statements.sql.length = 0;
    const { user: seen } = await readSession(get("/", cookie));
    expect(statements.sql).toHaveLength(1);
    expect(seen).toMatchObject({ id: user.id, email: user.email, name: user.name, role: "lead", timeZone: user.timeZone });
    expect([...seen!.ledTeamIds].sort()).toEqual([first.id, second.id].sort());
  });

  test("loaders reading the same session at once share one lookup; later reads look again", async () => {
    const { user, cookie } = await signedIn();
    statements.sql.length = 0;
    const views = await Promise.all([readSession(get("/", cookie)), readSession(get("/", cookie)), readSession(get("/learn", cookie))]);
    expect(views.map((view) => view.user?.id)).toEqual([user.id, user.id, user.id]);
    expect(sessionReads()).toBe(1);
    await readSession(get("/", cookie));
    expect(sessionReads()).toBe(2);
  });

  test("an action always looks for itself, so a sign-out or change before it is seen", async () => {
    const { cookie } = await signedIn();
    statements.sql.length = 0;
    await Promise.all([readSession(post("/", {}, cookie)), readSession(post("/", {}, cookie))]);
    expect(sessionReads()).toBe(2);
  });

  test("a deactivated person's session no longer signs them in, and the cookie is cleared", async () => {
    const { user, cookie } = await signedIn();
    await prisma.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    const lookup = await readSession(new Request(`${BASE_URL}/`, { headers: { Cookie: cookie } }));
    expect(lookup.user).toBeNull();
    expect(lookup.refreshedCookie).toMatch(/frontline_session=;/);
  });
});
