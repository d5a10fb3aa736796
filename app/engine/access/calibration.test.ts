import { describe, expect, it } from "vitest";
import { canManageCalibration, canSeeCalibrationItem, isCalibrationOpen } from "./calibration.ts";

describe("calibration access", () => {
  const item = { agentId: "ana" };

  it("shows the whole sample to leads and admins, and to agents only when it is shared", () => {
    expect(canSeeCalibrationItem({ role: "lead", userId: "lee" }, { sharedWithAgents: false }, item)).toBe(true);
    expect(canSeeCalibrationItem({ role: "admin", userId: "ada" }, { sharedWithAgents: false }, item)).toBe(true);
    expect(canSeeCalibrationItem({ role: "agent", userId: "bo" }, { sharedWithAgents: false }, item)).toBe(false);
    expect(canSeeCalibrationItem({ role: "agent", userId: "bo" }, { sharedWithAgents: true }, item)).toBe(true);
  });

  it("always shows an agent their own conversation", () => {
    expect(canSeeCalibrationItem({ role: "agent", userId: "ana" }, { sharedWithAgents: false }, item)).toBe(true);
  });

  it("lets the organiser and admins manage, not other leads", () => {
    const session = { organiserId: "lee" };
    expect(canManageCalibration({ id: "lee", role: "lead" }, session)).toBe(true);
    expect(canManageCalibration({ id: "ada", role: "admin" }, session)).toBe(true);
    expect(canManageCalibration({ id: "kim", role: "lead" }, session)).toBe(false);
  });

  it("stays open through its due day and closes after it or when closed early", () => {
    const session = { dueAt: new Date("2026-12-10T00:00:00Z"), closedAt: null };
    expect(isCalibrationOpen(session, new Date("2026-12-10T23:59:00Z"))).toBe(true);
    expect(isCalibrationOpen(session, new Date("2026-12-11T00:00:00Z"))).toBe(false);
    expect(isCalibrationOpen({ ...session, closedAt: new Date("2026-12-05T09:00:00Z") }, new Date("2026-12-06T00:00:00Z"))).toBe(false);
  });
});
