import { describe, expect, test } from "vitest";
import { message } from "~/i18n/message.ts";
import { formerIdentities, replaceQuoted } from "./erasure.ts";

const current = { name: "Dana Reyes", email: "dana.reyes@example.com" };

describe("formerIdentities", () => {
  test("collects the names and emails recorded when the person was added and each time their profile changed", () => {
    const created = JSON.stringify({ name: "Dana Ortiz", email: "dana@example.com", role: "agent" });
    const renamed = JSON.stringify({
      name: { from: "Dana Ortiz", to: "Dana Reyes" },
      email: { from: "dana@example.com", to: "dana.reyes@example.com" },
    });
    expect(formerIdentities(current, [created, renamed])).toEqual({
      names: ["Dana Reyes", "Dana Ortiz"],
      emails: ["dana.reyes@example.com", "dana@example.com"],
    });
  });

  test("ignores details that hold no identity, are not JSON or hold other kinds of value", () => {
    const details = [
      "{}",
      "not json",
      "null",
      JSON.stringify({ name: 42, email: { from: null, to: "" } }),
      JSON.stringify({ teamId: "t1" }),
    ];
    expect(formerIdentities(current, details)).toEqual({ names: ["Dana Reyes"], emails: ["dana.reyes@example.com"] });
  });
});

describe("replaceQuoted", () => {
  test("replaces a name given as a summary's parameter and as a value in the details", () => {
    const summary = message("admin:audit.summary.userDeactivated", { name: "Dana Reyes" });
    expect(replaceQuoted(summary, "Dana Reyes", "Former member 1A2B3C")).toBe(
      message("admin:audit.summary.userDeactivated", { name: "Former member 1A2B3C" }),
    );
    expect(replaceQuoted(JSON.stringify({ name: { from: "Dana Reyes", to: "D. Reyes" } }), "Dana Reyes", "X")).toBe(
      JSON.stringify({ name: { from: "X", to: "D. Reyes" } }),
    );
  });

  test("replaces a name inside a message nested in another message", () => {
    const nested = message("admin:audit.summary.fieldList", {
      list: message("admin:audit.summary.userCreated", { name: "Dana Reyes" }),
      field: "x",
    });
    const expected = message("admin:audit.summary.fieldList", {
      list: message("admin:audit.summary.userCreated", { name: "Lee" }),
      field: "x",
    });
    expect(replaceQuoted(nested, "Dana Reyes", "Lee")).toBe(expected);
  });

  test("leaves a value that only contains the name, and names with quotes survive the round trip", () => {
    expect(replaceQuoted(JSON.stringify({ team: "Dana Reyes's team" }), "Dana Reyes", "X")).toBe(
      JSON.stringify({ team: "Dana Reyes's team" }),
    );
    expect(replaceQuoted(JSON.stringify({ name: 'Dana "DJ" Reyes' }), 'Dana "DJ" Reyes', "X")).toBe(JSON.stringify({ name: "X" }));
  });
});
