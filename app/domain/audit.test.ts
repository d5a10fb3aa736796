import { describe, expect, test } from "vitest";
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, auditActionLabel } from "./audit.ts";

describe("audit action labels", () => {
  test("every action reads as words, never as its code", () => {
    for (const action of AUDIT_ACTIONS) {
      expect(AUDIT_ACTION_LABELS[action]).toMatch(/^[A-Z][a-z]/);
      expect(AUDIT_ACTION_LABELS[action]).not.toMatch(/[.:]/);
    }
    expect(auditActionLabel("user.level-changed")).toBe("Level changed");
  });

  test("an action no longer in the list reads as a generic change, not as its code", () => {
    expect(auditActionLabel("user.retired-action")).toBe("Other change");
    expect(auditActionLabel("constructor")).toBe("Other change");
  });
});
