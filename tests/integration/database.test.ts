import { describe, expect, test } from "vitest";
import { createPerson, type PersonInput } from "~/models/user.server.ts";
import { loader as healthz } from "~/routes/healthz.ts";
import { prisma } from "~/utils/db.server.ts";
import { createUser } from "../factories/index.ts";
import { callRoute, get } from "./request.ts";

/** The single value of a one-row, one-column PRAGMA answer (SQLite integers may arrive as BigInt). */
async function pragma(statement: string): Promise<unknown> {
  const rows = await prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(statement);
  expect(rows).toHaveLength(1);
  const value = Object.values(rows[0])[0];
  return typeof value === "bigint" ? Number(value) : value;
}

describe("SQLite settings", () => {
  test("journal mode is WAL", async () => {
    expect(String(await pragma("PRAGMA journal_mode")).toLowerCase()).toBe("wal");
  });

  test("busy timeout is at least 5 seconds", async () => {
    expect(Number(await pragma("PRAGMA busy_timeout"))).toBeGreaterThanOrEqual(5000);
  });

  // better-sqlite3 turns foreign keys on for every connection it opens.
  test("foreign keys are switched on", async () => {
    expect(Number(await pragma("PRAGMA foreign_keys"))).toBe(1);
  });

  test("foreign keys are enforced: a session for a nonexistent user is rejected", async () => {
    await expect(
      prisma.session.create({ data: { id: `orphan-${Date.now()}`, userId: "no-such-user", expiresAt: new Date(Date.now() + 60_000) } }),
    ).rejects.toThrow();
    expect(await prisma.session.count({ where: { userId: "no-such-user" } })).toBe(0);
  });

  test("deleting a user cascades to their sessions", async () => {
    const user = await createUser();
    await prisma.session.create({ data: { id: `cascade-${user.id}`, userId: user.id, expiresAt: new Date(Date.now() + 60_000) } });
    await prisma.user.delete({ where: { id: user.id } });
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("prepared statements kept by the connection", () => {
  test("a statement used again binds its own values, in and out of transactions", async () => {
    const users = await Promise.all([createUser(), createUser(), createUser()]);
    for (const user of [...users, ...users]) {
      expect(await prisma.user.findUnique({ where: { id: user.id }, select: { email: true } })).toEqual({ email: user.email });
    }
    const inTransaction = await prisma.$transaction(async (tx) =>
      Promise.all(users.map((user) => tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true } }))),
    );
    expect(inTransaction.map((row) => row.id)).toEqual(users.map((user) => user.id));
  });

  test("answers stay right after more distinct statements than are kept", async () => {
    const users = await Promise.all(Array.from({ length: 3 }, () => createUser()));
    const ids = users.map((user) => user.id);
    // Each list length is a different SQL text ("IN (?, ?, …)"), so this cycles the whole store.
    for (let length = 1; length <= 600; length += 1) {
      const wanted = Array.from({ length }, (_, index) => (index < ids.length ? ids[index] : `missing-${index}`));
      expect(await prisma.user.count({ where: { id: { in: wanted } } })).toBe(Math.min(length, ids.length));
    }
    expect(await prisma.user.count({ where: { id: { in: ids.slice(0, 2) } } })).toBe(2);
  });
});

describe("healthz", () => {
  test("answers 200 with status ok when the database answers, and is not cached", async () => {
    const outcome = await callRoute<{ status: string; database: string }>(healthz, { request: get("/healthz") });
    expect(outcome.status).toBe(200);
    expect(outcome.body).toEqual({ status: "ok", database: "ok" });
    expect(outcome.headers?.get("Cache-Control")).toBe("no-store");
  });
});

describe("concurrent writes", () => {
  test("20 concurrent createPerson calls all succeed and each leaves one audit event", async () => {
    const admin = await createUser({ role: "admin" });
    const stamp = Date.now().toString(36);
    const inputs: PersonInput[] = Array.from({ length: 20 }, (_, i) => ({
      name: `Concurrent ${i}`,
      email: `concurrent-${i}-${stamp}@example.test`,
      role: "agent",
      level: "agent-1",
      teamId: null,
      hireDate: new Date("2024-05-01T00:00:00Z"),
      timeZone: "UTC",
      workMode: "office",
    }));

    const results = await Promise.all(inputs.map((input) => createPerson(admin, input)));

    expect(results.map((result) => result.status)).toEqual(Array(20).fill("ok"));
    const ids = results.map((result) => (result.status === "ok" ? result.userId : ""));
    expect(new Set(ids).size).toBe(20);
    expect(await prisma.user.count({ where: { email: { endsWith: `-${stamp}@example.test` } } })).toBe(20);
    expect(await prisma.auditEvent.count({ where: { action: "user.created", actorId: admin.id, targetId: { in: ids } } })).toBe(20);
    expect(await prisma.passwordSetupToken.count({ where: { userId: { in: ids }, usedAt: null } })).toBe(20);
  });

  test("concurrent createPerson calls with the same email create exactly one person", async () => {
    const admin = await createUser({ role: "admin" });
    const email = `same-${Date.now().toString(36)}@example.test`;
    const input: PersonInput = {
      name: "Twice Submitted",
      email,
      role: "agent",
      level: "agent-1",
      teamId: null,
      hireDate: new Date("2024-05-01T00:00:00Z"),
      timeZone: "UTC",
      workMode: "remote",
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => createPerson(admin, input)));
    expect(results.filter((result) => result.status === "ok")).toHaveLength(1);
    expect(results.filter((result) => result.status === "email-taken")).toHaveLength(4);
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });
});
