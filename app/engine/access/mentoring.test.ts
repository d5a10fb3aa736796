import { describe, expect, test } from "vitest";
import { inEnglish } from "../../../tests/support/english.ts";
import {
  decidePairingAction as decide,
  mentorIneligibility as ineligibility,
  pairingAccess,
  pairingActions,
  pairingSide,
  readOnlyReason as readOnly,
  type PairingAccess,
  type PairingAction,
  type PairingState,
} from "./mentoring.ts";

// Reasons are messages; these read them as the English interface words them.
const mentorIneligibility = (...args: Parameters<typeof ineligibility>) => inEnglish(ineligibility(...args));
const readOnlyReason = (access: PairingAccess) => inEnglish(readOnly(access));
function decidePairingAction(access: PairingAccess | null, pairing: PairingState, action: PairingAction) {
  const verdict = decide(access, pairing, action);
  return verdict.status === "not-now" ? { ...verdict, reason: inEnglish(verdict.reason) } : verdict;
}

const NOW = new Date("2026-06-15T10:00:00Z");
const DAY = 86_400_000;

describe("mentorIneligibility", () => {
  test("new hires and deactivated people can't mentor; everyone else can", () => {
    expect(mentorIneligibility({ hireDate: new Date(NOW.getTime() - 30 * DAY), deactivatedAt: null }, NOW)).toMatch(/first 90 days/);
    expect(mentorIneligibility({ hireDate: new Date(NOW.getTime() - 400 * DAY), deactivatedAt: NOW }, NOW)).toMatch(/Deactivated/);
    expect(mentorIneligibility({ hireDate: new Date(NOW.getTime() - 90 * DAY), deactivatedAt: null }, NOW)).toBeNull();
  });
});

describe("pairingSide", () => {
  test("names the side a person is on, or none", () => {
    const pairing = { mentorId: "mentor", menteeId: "mentee" };
    expect(pairingSide("mentor", pairing)).toBe("mentor");
    expect(pairingSide("mentee", pairing)).toBe("mentee");
    expect(pairingSide("someone", pairing)).toBeNull();
  });
});

describe("pairingAccess", () => {
  const pairing = { mentor: { id: "mentor", teamId: "team-m" }, mentee: { id: "mentee", teamId: "team-e" } };
  const viewer = (id: string, role: "agent" | "lead" | "admin", ledTeamIds: string[] = []) => ({ id, role, ledTeamIds });

  test.each([
    ["the mentor", viewer("mentor", "agent"), "mentor"],
    ["the mentee", viewer("mentee", "agent"), "mentee"],
    ["a mentor who is also an admin", viewer("mentor", "admin"), "mentor"],
    ["an admin", viewer("boss", "admin"), "observer"],
    ["the mentee's lead", viewer("lead-e", "lead", ["team-e"]), "observer"],
    ["the mentor's lead", viewer("lead-m", "lead", ["team-m"]), "observer"],
    ["another team's lead", viewer("lead-x", "lead", ["team-x"]), null],
    ["an agent carrying a led team", viewer("peer-e", "agent", ["team-e"]), null],
    ["a teammate", viewer("peer", "agent"), null],
  ] as const)("%s", (_who, who, expected) => {
    expect(pairingAccess(who, pairing)).toBe(expected);
  });
});

describe("readOnlyReason", () => {
  test("observers read a pairing and are told why they can't change it; the pair can", () => {
    expect(readOnlyReason("observer")).toMatch(/only the mentor and the mentee/i);
    expect(readOnlyReason("mentor")).toBeNull();
    expect(readOnlyReason("mentee")).toBeNull();
  });
});

describe("the pairing lifecycle", () => {
  const proposed: PairingState = { status: "proposed", meetingCount: 0, fitCheck: null };
  const justStarted: PairingState = { status: "active", meetingCount: 0, fitCheck: null };
  const met: PairingState = { status: "active", meetingCount: 2, fitCheck: null };
  const notAFit: PairingState = { status: "active", meetingCount: 2, fitCheck: "not-a-fit" };
  const declined: PairingState = { status: "declined", meetingCount: 0, fitCheck: null };
  const ended: PairingState = { status: "ended", meetingCount: 3, fitCheck: "good" };

  test("a proposal is the mentor's to answer; the mentee only waits, and nobody ends it from the pairing", () => {
    expect(pairingActions("mentor", proposed)).toEqual(["respond"]);
    expect(pairingActions("mentee", proposed)).toEqual([]);
    expect(decidePairingAction("mentee", proposed, "end")).toEqual({
      status: "not-now",
      reason: expect.stringMatching(/hasn't started yet.*withdraw their request/),
    });
    expect(decidePairingAction("mentor", proposed, "end")).toMatchObject({ status: "not-now" });
  });

  test("an active pairing: both log meetings and may end it; the fit check waits for the first meeting", () => {
    expect(pairingActions("mentor", justStarted)).toEqual(["log-meeting", "end"]);
    expect(pairingActions("mentee", justStarted)).toEqual(["log-meeting", "end"]);
    expect(decidePairingAction("mentee", justStarted, "answer-fit-check")).toEqual({
      status: "not-now",
      reason: "Log your first meeting before the fit check.",
    });
    expect(pairingActions("mentee", met)).toEqual(["log-meeting", "answer-fit-check", "end"]);
    expect(pairingActions("mentor", met)).toEqual(["log-meeting", "end"]);
  });

  test("after a 'not a fit' the mentee may also end it to find another mentor", () => {
    expect(pairingActions("mentee", notAFit)).toEqual(["log-meeting", "answer-fit-check", "end", "find-another"]);
    expect(pairingActions("mentor", notAFit)).toEqual(["log-meeting", "end"]);
    expect(decidePairingAction("mentee", met, "find-another")).toMatchObject({
      status: "not-now",
      reason: expect.stringMatching(/not a fit/),
    });
  });

  test("declined and ended pairings are history: nothing more to do, each refusal says why", () => {
    for (const access of ["mentor", "mentee"] as const) {
      expect(pairingActions(access, declined)).toEqual([]);
      expect(pairingActions(access, ended)).toEqual([]);
    }
    expect(decidePairingAction("mentor", declined, "respond")).toEqual({
      status: "not-now",
      reason: "This pairing has already been answered.",
    });
    expect(decidePairingAction("mentee", ended, "log-meeting")).toEqual({
      status: "not-now",
      reason: "Meetings can be logged only while the pairing is active.",
    });
    expect(decidePairingAction("mentee", ended, "answer-fit-check")).toEqual({
      status: "not-now",
      reason: "The fit check is for active pairings.",
    });
    expect(decidePairingAction("mentor", ended, "end")).toEqual({ status: "not-now", reason: "This pairing has already ended." });
    expect(decidePairingAction("mentee", declined, "end")).toEqual({ status: "not-now", reason: "This pairing has already ended." });
  });

  test("the other side's move is not theirs, whatever the state", () => {
    expect(decidePairingAction("mentee", proposed, "respond")).toEqual({ status: "not-yours" });
    expect(decidePairingAction("mentor", met, "answer-fit-check")).toEqual({ status: "not-yours" });
    expect(decidePairingAction("mentor", notAFit, "find-another")).toEqual({ status: "not-yours" });
  });

  test("observers and outsiders act on nothing", () => {
    for (const state of [proposed, met, notAFit]) {
      expect(pairingActions("observer", state)).toEqual([]);
      expect(pairingActions(null, state)).toEqual([]);
      expect(decidePairingAction("observer", state, "end")).toEqual({ status: "not-yours" });
      expect(decidePairingAction(null, state, "log-meeting")).toEqual({ status: "not-yours" });
    }
  });
});
