import { describe, expect, test } from "vitest";
import { safeRedirect } from "./safe-redirect.ts";

describe("safeRedirect: local paths are kept", () => {
  test("root", () => {
    expect(safeRedirect("/")).toBe("/");
  });

  test("a simple path", () => {
    expect(safeRedirect("/dashboard")).toBe("/dashboard");
  });

  test("a nested path with a trailing slash", () => {
    expect(safeRedirect("/learn/courses/")).toBe("/learn/courses/");
  });

  test("query string is kept", () => {
    expect(safeRedirect("/people?team=a&page=2")).toBe("/people?team=a&page=2");
  });

  test("hash is kept", () => {
    expect(safeRedirect("/career#levels")).toBe("/career#levels");
  });

  test("query and hash together are kept", () => {
    expect(safeRedirect("/people?team=a#member-3")).toBe("/people?team=a#member-3");
  });

  test("a query carrying an absolute URL as a value stays a local path", () => {
    expect(safeRedirect("/login?next=https://evil.com")).toBe("/login?next=https://evil.com");
  });

  test("percent-encoded characters are preserved", () => {
    expect(safeRedirect("/search?q=a%20b")).toBe("/search?q=a%20b");
  });

  test("whitespace around a valid path is trimmed", () => {
    expect(safeRedirect("  /dashboard?x=1#h  ")).toBe("/dashboard?x=1#h");
    expect(safeRedirect("\t/dashboard\n")).toBe("/dashboard");
  });

  test("dot segments are normalised", () => {
    expect(safeRedirect("/a/../b")).toBe("/b");
    expect(safeRedirect("/a/./b")).toBe("/a/b");
    expect(safeRedirect("/../../etc")).toBe("/etc");
  });
});

describe("safeRedirect: anything else falls back", () => {
  test.each([
    ["null", null],
    ["undefined", undefined],
  ])("%s", (_name, value) => {
    expect(safeRedirect(value)).toBe("/");
  });

  test("a non-string form value such as a File", () => {
    const file = new File(["/dashboard"], "/dashboard", { type: "text/plain" });
    expect(safeRedirect(file)).toBe("/");
  });

  test("empty string", () => {
    expect(safeRedirect("")).toBe("/");
  });

  test("whitespace only", () => {
    expect(safeRedirect("   ")).toBe("/");
  });

  test("a relative path without a leading slash", () => {
    expect(safeRedirect("dashboard")).toBe("/");
  });

  test.each(["http://evil.com", "https://evil.com/dashboard", "HTTPS://evil.com", "ftp://evil.com"])("absolute URL %s", (value) => {
    expect(safeRedirect(value)).toBe("/");
  });

  test("protocol-relative //evil.com", () => {
    expect(safeRedirect("//evil.com")).toBe("/");
    expect(safeRedirect("//evil.com/path?x=1")).toBe("/");
  });

  test("protocol-relative after trimming", () => {
    expect(safeRedirect("  //evil.com")).toBe("/");
  });

  test("/\\evil.com (browsers read the backslash as a slash)", () => {
    expect(safeRedirect("/\\evil.com")).toBe("/");
  });

  test("\\\\evil.com", () => {
    expect(safeRedirect("\\\\evil.com")).toBe("/");
  });

  test("a backslash anywhere in the path", () => {
    expect(safeRedirect("/a\\b")).toBe("/");
  });

  test("javascript:alert(1)", () => {
    expect(safeRedirect("javascript:alert(1)")).toBe("/");
  });

  test("data: URL", () => {
    expect(safeRedirect("data:text/html,<script>alert(1)</script>")).toBe("/");
  });

  test.each([
    ["newline", "/\n/evil.com"],
    ["tab", "/\t/evil.com"],
    ["carriage return", "/\r/evil.com"],
    ["NUL", "/\u0000/evil.com"],
    ["newline mid-path", "/dashboard\nSet-Cookie: x=1"],
  ])("control character (%s) inside the path", (_name, value) => {
    expect(safeRedirect(value)).toBe("/");
  });

  // A dot segment can collapse to an empty first segment, turning a local path
  // into a protocol-relative URL once normalised. The result must never start
  // with "//" (or the browser leaves the site).
  test.each(["/.//evil.com", "/a/..//evil.com", "/..//evil.com", "/%2e//evil.com"])(
    "normalisation never yields a protocol-relative URL: %s",
    (value) => {
      const result = safeRedirect(value);
      expect(result.startsWith("//"), `open redirect: ${JSON.stringify(value)} -> ${JSON.stringify(result)}`).toBe(false);
      expect(new URL(result, "https://frontline.example").origin).toBe("https://frontline.example");
    },
  );
});

describe("safeRedirect: custom fallback", () => {
  test("used for unsafe input", () => {
    expect(safeRedirect("https://evil.com", "/home")).toBe("/home");
    expect(safeRedirect(null, "/home")).toBe("/home");
    expect(safeRedirect("", "/home")).toBe("/home");
    expect(safeRedirect("//evil.com", "/home")).toBe("/home");
  });

  test("ignored for safe input", () => {
    expect(safeRedirect("/career", "/home")).toBe("/career");
  });
});
