import { describe, expect, test } from "vitest";
import { readEnv } from "./env.server.ts";

/** A stand-in environment: readEnv must cope with any mix of variables, present or not. */
function envOf(vars: Record<string, string>): NodeJS.ProcessEnv {
  return vars as unknown as NodeJS.ProcessEnv;
}

describe("readEnv", () => {
  test("applies defaults to an empty environment", () => {
    expect(readEnv(envOf({}))).toEqual({
      NODE_ENV: "development",
      DATABASE_URL: "file:./prisma/data.db",
      PORT: 3000,
      TRUST_PROXY: false,
    });
  });

  test("keeps given values", () => {
    expect(readEnv(envOf({ NODE_ENV: "production", DATABASE_URL: "file:/var/data/app.db", PORT: "8080" }))).toEqual({
      NODE_ENV: "production",
      DATABASE_URL: "file:/var/data/app.db",
      PORT: 8080,
      TRUST_PROXY: false,
    });
  });

  test.each([
    ["", false],
    ["false", false],
    ["1", 1],
    ["loopback", ["loopback"]],
    ["10.0.0.0/8, 192.168.1.7, ::1", ["10.0.0.0/8", "192.168.1.7", "::1"]],
  ])("reads TRUST_PROXY=%j", (value, expected) => {
    expect(readEnv(envOf({ TRUST_PROXY: value })).TRUST_PROXY).toEqual(expected);
  });

  test.each(["true", "everyone", "10.0.0.0/33", "300.1.1.1", "loopback,"])("refuses TRUST_PROXY=%j with a reason", (value) => {
    expect(() => readEnv(envOf({ TRUST_PROXY: value }))).toThrow(/TRUST_PROXY must be a number of hops/);
  });

  test.each(["production", "development", "test"])("accepts NODE_ENV=%s", (value) => {
    expect(readEnv(envOf({ NODE_ENV: value })).NODE_ENV).toBe(value);
  });

  test("coerces PORT from a string to a number", () => {
    const env = readEnv(envOf({ PORT: "4321" }));
    expect(env.PORT).toBe(4321);
    expect(typeof env.PORT).toBe("number");
  });

  test.each(["1", "65535"])("accepts the boundary PORT %s", (port) => {
    expect(readEnv(envOf({ PORT: port })).PORT).toBe(Number(port));
  });

  test("ignores unrelated variables", () => {
    expect(readEnv(envOf({ HOME: "/root", SESSION_SECRET: "x" }))).toEqual({
      NODE_ENV: "development",
      DATABASE_URL: "file:./prisma/data.db",
      PORT: 3000,
      TRUST_PROXY: false,
    });
  });

  test.each(["abc", "70000", "0", "-1", "65536", "3000.5"])("rejects PORT=%s naming PORT", (port) => {
    expect(() => readEnv(envOf({ PORT: port }))).toThrow(Error);
    expect(() => readEnv(envOf({ PORT: port }))).toThrow(/Invalid environment: .*PORT/);
  });

  test.each(["postgres://x", "mysql://user@host/db", "./prisma/data.db", "file:"])(
    "rejects DATABASE_URL=%s naming DATABASE_URL and the expected form",
    (url) => {
      expect(() => readEnv(envOf({ DATABASE_URL: url }))).toThrow(
        /DATABASE_URL must be a SQLite file URL such as file:\.\/prisma\/data\.db/,
      );
    },
  );

  test("rejects an unknown NODE_ENV naming NODE_ENV", () => {
    expect(() => readEnv(envOf({ NODE_ENV: "staging" }))).toThrow(/NODE_ENV/);
  });

  test("lists every problem in one message", () => {
    let message = "";
    try {
      readEnv(envOf({ PORT: "abc", DATABASE_URL: "postgres://x" }));
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid environment: /);
    expect(message).toContain("PORT");
    expect(message).toContain("DATABASE_URL");
    expect(message).toContain("; ");
  });

  test("a valid DATABASE_URL does not appear in an error about another variable", () => {
    expect(() => readEnv(envOf({ PORT: "abc", DATABASE_URL: "file:./x.db" }))).toThrow(/^Invalid environment: PORT [^;]*$/);
  });
});
