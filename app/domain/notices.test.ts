import { describe, expect, test } from "vitest";
import { noticeMessage } from "./notices.ts";

describe("noticeMessage", () => {
  test("a listed key gives its message; anything else gives nothing", () => {
    expect(noticeMessage("person-saved")).toBe("Changes saved.");
    expect(noticeMessage("<script>")).toBeNull();
    expect(noticeMessage("toString")).toBeNull();
    expect(noticeMessage(null)).toBeNull();
  });

  test("a counted notice says how many, and needs a sensible count", () => {
    expect(noticeMessage("notifications-read", "1")).toBe("Marked 1 notification as read.");
    expect(noticeMessage("pool-published", "3")).toMatch(/^Published 3 pairs\. /);
    for (const count of [null, "", "-1", "2.5", "lots", "99999999"]) expect(noticeMessage("pool-published", count)).toBeNull();
  });
});
