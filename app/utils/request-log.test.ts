import { expect, test } from "vitest";
import { loggablePath, requestIdFrom } from "./request-log.ts";

test("a logged path keeps the route and drops the set-password token", () => {
  expect(loggablePath("/set-password/3f9a1c0d8e")).toBe("/set-password/…");
  expect(loggablePath("/set-password/3f9a1c0d8e/")).toBe("/set-password/…/");
  expect(loggablePath("/practice/cm12345")).toBe("/practice/cm12345");
});

test("a proxy's request id is kept only when it looks like one", () => {
  const fresh = () => "generated-id";
  expect(requestIdFrom("edge-7f3a9b2c", fresh)).toBe("edge-7f3a9b2c");
  expect(requestIdFrom(undefined, fresh)).toBe("generated-id");
  expect(requestIdFrom("short", fresh)).toBe("generated-id");
  expect(requestIdFrom('id"with\nnewline', fresh)).toBe("generated-id");
  expect(requestIdFrom("x".repeat(65), fresh)).toBe("generated-id");
});
