import { describe, expect, test } from "vitest";
import { isAllowedOrigin } from "./http.server.ts";

const HOST = "frontline.example:3000";
const ORIGIN = "https://frontline.example:3000";

describe("isAllowedOrigin: safe methods", () => {
  test.each(["GET", "HEAD", "OPTIONS", "get", "head", "options", "Get", "hEaD", "Options"])(
    "%s is always allowed, even with no origin or host",
    (method) => {
      expect(isAllowedOrigin({ method, origin: undefined, host: undefined, protocol: "https" })).toBe(true);
    },
  );

  test("GET is allowed with a foreign origin", () => {
    expect(isAllowedOrigin({ method: "GET", origin: "https://evil.com", host: HOST, protocol: "https" })).toBe(true);
  });
});

describe("isAllowedOrigin: state-changing methods", () => {
  const unsafe = ["POST", "PUT", "PATCH", "DELETE", "post", "Put", "patch", "delete"];

  test.each(unsafe)("%s with an origin naming this host is allowed", (method) => {
    expect(isAllowedOrigin({ method, origin: ORIGIN, host: HOST, protocol: "https" })).toBe(true);
  });

  test.each(unsafe)("%s with no Origin header is refused", (method) => {
    expect(isAllowedOrigin({ method, origin: undefined, host: HOST, protocol: "https" })).toBe(false);
  });

  test.each(unsafe)("%s with a foreign origin is refused", (method) => {
    expect(isAllowedOrigin({ method, origin: "https://evil.com", host: HOST, protocol: "https" })).toBe(false);
  });

  test("an unknown method is treated as state-changing", () => {
    expect(isAllowedOrigin({ method: "PROPFIND", origin: undefined, host: HOST, protocol: "https" })).toBe(false);
    expect(isAllowedOrigin({ method: "PROPFIND", origin: ORIGIN, host: HOST, protocol: "https" })).toBe(true);
  });

  test("an empty Origin header is refused", () => {
    expect(isAllowedOrigin({ method: "POST", origin: "", host: HOST, protocol: "https" })).toBe(false);
  });

  test('the opaque "null" origin is refused', () => {
    expect(isAllowedOrigin({ method: "POST", origin: "null", host: HOST, protocol: "https" })).toBe(false);
  });

  test("a different port on the same hostname is refused", () => {
    expect(isAllowedOrigin({ method: "POST", origin: "https://frontline.example:4000", host: HOST, protocol: "https" })).toBe(false);
  });

  test("an origin without the port the Host header carries is refused", () => {
    expect(isAllowedOrigin({ method: "POST", origin: "https://frontline.example", host: HOST, protocol: "https" })).toBe(false);
  });

  test("an origin with a port the Host header lacks is refused", () => {
    expect(isAllowedOrigin({ method: "POST", origin: ORIGIN, host: "frontline.example", protocol: "https" })).toBe(false);
  });

  test("a plain hostname without port matches when both omit it", () => {
    expect(isAllowedOrigin({ method: "POST", origin: "https://frontline.example", host: "frontline.example", protocol: "https" })).toBe(
      true,
    );
  });

  test("a subdomain or suffix look-alike is refused", () => {
    expect(isAllowedOrigin({ method: "POST", origin: "https://evil.frontline.example:3000", host: HOST, protocol: "https" })).toBe(false);
    expect(isAllowedOrigin({ method: "POST", origin: "https://frontline.example:3000.evil.com", host: HOST, protocol: "https" })).toBe(
      false,
    );
  });

  test("the scheme must match too: an http page can't post to the https site, nor the reverse", () => {
    expect(isAllowedOrigin({ method: "POST", origin: "http://frontline.example:3000", host: HOST, protocol: "https" })).toBe(false);
    expect(isAllowedOrigin({ method: "POST", origin: "https://frontline.example:3000", host: HOST, protocol: "http" })).toBe(false);
    expect(isAllowedOrigin({ method: "POST", origin: "https://frontline.example:3000", host: HOST, protocol: "https" })).toBe(true);
  });

  test("a default port written out in the Host header matches an origin without it", () => {
    expect(isAllowedOrigin({ method: "POST", origin: "https://frontline.example", host: "frontline.example:443", protocol: "https" })).toBe(
      true,
    );
  });

  test("a Host header carrying a path or credentials is refused", () => {
    expect(
      isAllowedOrigin({ method: "POST", origin: "https://frontline.example", host: "frontline.example/evil", protocol: "https" }),
    ).toBe(false);
    expect(
      isAllowedOrigin({ method: "POST", origin: "https://frontline.example", host: "user@frontline.example", protocol: "https" }),
    ).toBe(false);
  });

  test("localhost during development", () => {
    expect(isAllowedOrigin({ method: "POST", origin: "http://localhost:3000", host: "localhost:3000", protocol: "http" })).toBe(true);
    expect(isAllowedOrigin({ method: "POST", origin: "http://127.0.0.1:3000", host: "localhost:3000", protocol: "http" })).toBe(false);
  });

  test.each(["not a url", "frontline.example:3000", "https://", "://frontline.example:3000", "http//frontline.example:3000"])(
    "a malformed origin (%s) is refused without throwing",
    (origin) => {
      expect(() => isAllowedOrigin({ method: "POST", origin, host: HOST, protocol: "https" })).not.toThrow();
      expect(isAllowedOrigin({ method: "POST", origin, host: HOST, protocol: "https" })).toBe(false);
    },
  );

  test("a missing Host header is refused", () => {
    expect(isAllowedOrigin({ method: "POST", origin: ORIGIN, host: undefined, protocol: "https" })).toBe(false);
  });

  test("an empty Host header is refused", () => {
    expect(isAllowedOrigin({ method: "POST", origin: ORIGIN, host: "", protocol: "https" })).toBe(false);
  });

  test("missing both origin and host is refused", () => {
    expect(isAllowedOrigin({ method: "DELETE", origin: undefined, host: undefined, protocol: "https" })).toBe(false);
  });

  test("host names compare without regard to letter case", () => {
    expect(
      isAllowedOrigin({ method: "POST", origin: "http://frontline.example:3000", host: "Frontline.Example:3000", protocol: "http" }),
    ).toBe(true);
  });
});
