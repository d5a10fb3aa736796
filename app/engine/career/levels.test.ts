import { expect, test } from "vitest";
import { nextLevelUp } from "./levels.ts";

test("the next level up follows the ladder's order", () => {
  expect(nextLevelUp("agent-1")).toBe("agent-2");
  expect(nextLevelUp("agent-2")).toBe("senior-agent");
  expect(nextLevelUp("senior-agent")).toBe("team-lead");
  expect(nextLevelUp("team-lead")).toBe("support-manager");
});

test("there is none above the top of the ladder", () => {
  expect(nextLevelUp("support-manager")).toBeNull();
});
