import { describe, expect, test } from "vitest";
import { navigationFor } from "./navigation.ts";

describe("navigationFor", () => {
  const labels = (role: Parameters<typeof navigationFor>[0]) => navigationFor(role).map((item) => item.label);

  test("agents (including new hires) see Learn, Practice, Career, Mentoring in that order", () => {
    expect(navigationFor("agent")).toEqual([
      { to: "/learn", label: "Learn" },
      { to: "/practice", label: "Practice" },
      { to: "/career", label: "Career" },
      { to: "/mentoring", label: "Mentoring" },
    ]);
  });

  test("agents do not see Coaching or Admin", () => {
    expect(labels("agent")).not.toContain("Coaching");
    expect(labels("agent")).not.toContain("Admin");
    const paths = navigationFor("agent").map((item) => item.to);
    expect(paths).not.toContain("/coaching");
    expect(paths).not.toContain("/admin");
  });

  test("leads also see Coaching, placed after Practice and before Career", () => {
    expect(navigationFor("lead")).toEqual([
      { to: "/learn", label: "Learn" },
      { to: "/practice", label: "Practice" },
      { to: "/coaching", label: "Coaching" },
      { to: "/career", label: "Career" },
      { to: "/mentoring", label: "Mentoring" },
    ]);
  });

  test("leads do not see Admin", () => {
    expect(labels("lead")).not.toContain("Admin");
  });

  test("admins see Coaching and Admin, with Admin last", () => {
    expect(navigationFor("admin")).toEqual([
      { to: "/learn", label: "Learn" },
      { to: "/practice", label: "Practice" },
      { to: "/coaching", label: "Coaching" },
      { to: "/career", label: "Career" },
      { to: "/mentoring", label: "Mentoring" },
      { to: "/admin", label: "Admin" },
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
    first.push({ to: "/admin", label: "Admin" });
    expect(labels("agent")).not.toContain("Admin");
  });
});
