import { describe, expect, test } from "vitest";
import { languageModelConfig, readEnv } from "./env.server.ts";

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
      LOG_LEVEL: "info",
      SHUTDOWN_TIMEOUT_SECONDS: 10,
      LANGUAGE_MODEL_TIMEOUT_MS: 8000,
    });
  });

  test("keeps given values", () => {
    expect(readEnv(envOf({ NODE_ENV: "production", DATABASE_URL: "file:/var/data/app.db", PORT: "8080" }))).toEqual({
      NODE_ENV: "production",
      DATABASE_URL: "file:/var/data/app.db",
      PORT: 8080,
      TRUST_PROXY: false,
      LOG_LEVEL: "info",
      SHUTDOWN_TIMEOUT_SECONDS: 10,
      LANGUAGE_MODEL_TIMEOUT_MS: 8000,
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

  test("reads LOG_LEVEL and SHUTDOWN_TIMEOUT_SECONDS, refusing values they can't take", () => {
    expect(readEnv(envOf({ LOG_LEVEL: "warn", SHUTDOWN_TIMEOUT_SECONDS: "30" }))).toMatchObject({
      LOG_LEVEL: "warn",
      SHUTDOWN_TIMEOUT_SECONDS: 30,
    });
    expect(() => readEnv(envOf({ LOG_LEVEL: "loud" }))).toThrow(/LOG_LEVEL/);
    expect(() => readEnv(envOf({ SHUTDOWN_TIMEOUT_SECONDS: "0" }))).toThrow(/SHUTDOWN_TIMEOUT_SECONDS/);
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
      LOG_LEVEL: "info",
      SHUTDOWN_TIMEOUT_SECONDS: 10,
      LANGUAGE_MODEL_TIMEOUT_MS: 8000,
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

describe("the language model settings", () => {
  const full = {
    LANGUAGE_MODEL_URL: "http://localhost:8080/v1/",
    LANGUAGE_MODEL_API_KEY: "sk-local",
    LANGUAGE_MODEL_NAME: "house-model-7b",
  };

  test("is off when none of them is set, or all are blank", () => {
    expect(languageModelConfig(envOf({}))).toBeNull();
    const blank = { LANGUAGE_MODEL_URL: " ", LANGUAGE_MODEL_API_KEY: "", LANGUAGE_MODEL_NAME: "" };
    expect(() => readEnv(envOf(blank))).not.toThrow();
    expect(languageModelConfig(envOf(blank))).toBeNull();
  });

  test("reads a full set, without the URL's trailing slash and with the default timeout", () => {
    expect(readEnv(envOf(full))).toMatchObject({ LANGUAGE_MODEL_URL: "http://localhost:8080/v1", LANGUAGE_MODEL_TIMEOUT_MS: 8000 });
    expect(languageModelConfig(envOf(full))).toEqual({
      url: "http://localhost:8080/v1",
      apiKey: "sk-local",
      model: "house-model-7b",
      timeoutMs: 8000,
    });
    expect(languageModelConfig(envOf({ ...full, LANGUAGE_MODEL_TIMEOUT_MS: "2500" }))?.timeoutMs).toBe(2500);
  });

  test.each([
    [{ LANGUAGE_MODEL_URL: full.LANGUAGE_MODEL_URL }, /LANGUAGE_MODEL_API_KEY is missing \(so is LANGUAGE_MODEL_NAME\)/],
    [{ LANGUAGE_MODEL_URL: full.LANGUAGE_MODEL_URL, LANGUAGE_MODEL_API_KEY: "sk" }, /LANGUAGE_MODEL_NAME is missing: /],
    [{ LANGUAGE_MODEL_API_KEY: "sk", LANGUAGE_MODEL_NAME: "m" }, /LANGUAGE_MODEL_URL is missing: /],
    [{ ...full, LANGUAGE_MODEL_NAME: "  " }, /LANGUAGE_MODEL_NAME is missing: .*together, or none of them/],
  ])("refuses a partial set %j naming what is missing", (vars, message) => {
    expect(() => readEnv(envOf(vars))).toThrow(message);
    expect(languageModelConfig(envOf(vars))).toBeNull();
  });

  test.each(["localhost:8080/v1", "ftp://models.example.com/v1", "not a url"])("refuses LANGUAGE_MODEL_URL=%j", (url) => {
    expect(() => readEnv(envOf({ ...full, LANGUAGE_MODEL_URL: url }))).toThrow(/^Invalid environment: LANGUAGE_MODEL_URL must be/);
  });

  test.each(["fast", "0", "499", "120001", "1.5"])("refuses LANGUAGE_MODEL_TIMEOUT_MS=%j", (timeout) => {
    expect(() => readEnv(envOf({ ...full, LANGUAGE_MODEL_TIMEOUT_MS: timeout }))).toThrow(/LANGUAGE_MODEL_TIMEOUT_MS/);
  });
});
