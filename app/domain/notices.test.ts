import { describe, expect, test } from "vitest";
import { inEnglish } from "../../tests/support/english.ts";
import { noticeMessage } from "./notices.ts";

describe("noticeMessage", () => {
  test("a listed key gives its message; anything else gives nothing", () => {
    expect(noticeMessage("person-saved")).toBe("common:notice.person-saved");
    expect(inEnglish(noticeMessage("person-saved"))).toBe("Changes saved.");
    expect(noticeMessage("<script>")).toBeNull();
    expect(noticeMessage("toString")).toBeNull();
    expect(noticeMessage(null)).toBeNull();
  });

  test("a counted notice says how many, and needs a sensible count", () => {
    expect(inEnglish(noticeMessage("notifications-read", "1"))).toBe("Marked 1 notification as read.");
    expect(inEnglish(noticeMessage("pool-published", "3"))).toMatch(/^Published 3 pairs\. /);
    for (const count of [null, "", "-1", "2.5", "lots", "99999999"]) expect(noticeMessage("pool-published", count)).toBeNull();
  });
});
