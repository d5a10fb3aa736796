import { describe, expect, test } from "vitest";
import { navigationFor } from "./navigation.ts";

describe("navigationFor", () => {
  const labels = (role: Parameters<typeof navigationFor>[0]) => navigationFor(role).map((item) => item.label);

  test("agents (including new hires) see Learn, Practice, Career, Mentoring in that order", () => {
    expect(navigationFor("agent")).toEqual([
      { to: "/learn", label: "common:nav.learn" },
      { to: "/practice", label: "common:nav.practice" },
      { to: "/career", label: "common:nav.career" },
      { to: "/mentoring", label: "common:nav.mentoring" },
    ]);
  });

  test("agents do not see Coaching or Admin", () => {
    expect(labels("agent")).not.toContain("common:nav.coaching");
    expect(labels("agent")).not.toContain("common:nav.admin");
    const paths = navigationFor("agent").map((item) => item.to);
    expect(paths).not.toContain("/coaching");
    expect(paths).not.toContain("/admin");
  });

  test("leads also see Coaching, placed after Practice and before Career", () => {
    expect(navigationFor("lead")).toEqual([
      { to: "/learn", label: "common:nav.learn" },
      { to: "/practice", label: "common:nav.practice" },
      { to: "/coaching", label: "common:nav.coaching" },
      { to: "/career", label: "common:nav.career" },
      { to: "/mentoring", label: "common:nav.mentoring" },
    ]);
  });

  test("leads do not see Admin", () => {
    expect(labels("lead")).not.toContain("common:nav.admin");
  });

  test("admins see Coaching and Admin, with Admin last", () => {
    expect(navigationFor("admin")).toEqual([
      { to: "/learn", label: "common:nav.learn" },
      { to: "/practice", label: "common:nav.practice" },
      { to: "/coaching", label: "common:nav.coaching" },
      { to: "/career", label: "common:nav.career" },
      { to: "/mentoring", label: "common:nav.mentoring" },
      { to: "/admin", label: "common:nav.admin" },
    ]);
  });

  test("every item links to a distinct local path", () => {
    for (const role of ["agent", "lead", "admin"] as const) {
      const paths = navigationFor(role).map((item) => item.to);
      expect(new Set(paths).size).toBe(paths.length);
      for (const to of paths) expect(to).toMatch(/^\/[a-z]+$/);
    }
  });

  test("returns a fresh array each call, so callers cannot corrupt later menus", () => {
    const first = navigationFor("agent");
    first.push({ to: "/admin", label: "common:nav.admin" });
    expect(labels("agent")).not.toContain("common:nav.admin");
  });
});
