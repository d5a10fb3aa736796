import { describe, expect, it } from "vitest";
import { avatarColourOf, initialsOf } from "./avatar.tsx";

describe("initialsOf", () => {
  it.each([
    ["Alex Moreno", "AM"],
    ["Marcus de la Cruz Oyelaran", "MO"],
    ["Priya", "PR"],
    ["  jamie   chen ", "JC"],
    ["陳嘉欣", "陳"],
    ["", "?"],
  ])("%s → %s", (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});

describe("avatarColourOf", () => {
  it("gives a name the same colour every time, within the palette", () => {
    expect(avatarColourOf("Alex Moreno")).toBe(avatarColourOf("Alex Moreno"));
    for (const name of ["Alex Moreno", "Priya Raman", "Jamie Chen", "Marcus Oyelaran"]) {
      expect(avatarColourOf(name)).toBeGreaterThanOrEqual(0);
      expect(avatarColourOf(name)).toBeLessThan(8);
    }
  });

  it("spreads different names over the palette", () => {
    const colours = new Set(
      ["Alex Moreno", "Priya Raman", "Jamie Chen", "Marcus Oyelaran", "Leah Morgan", "Sam Ortiz"].map(avatarColourOf),
    );
    expect(colours.size).toBeGreaterThan(2);
  });
});
