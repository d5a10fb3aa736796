import { describe, expect, test } from "vitest";
import { backupFileName, backupsBeyondRetention, backupTarget, isBackupFileName, migrationMismatch } from "./backups.ts";

const takenAt = new Date("2026-12-05T20:30:00.123Z");
const base = { folder: "/srv/backups", databaseFile: "/srv/data/frontline.db", takenAt, exists: () => false };

describe("backup names", () => {
  test("carry the moment to the millisecond and sort in the order they were taken", () => {
    expect(backupFileName(takenAt)).toBe("frontline-20261205T203000123Z.db");
    const later = backupFileName(new Date("2026-12-05T20:30:01.000Z"));
    expect([later, backupFileName(takenAt)].sort()).toEqual([backupFileName(takenAt), later]);
    expect(isBackupFileName(later)).toBe(true);
    expect(isBackupFileName("frontline-latest.db")).toBe(false);
  });
});

describe("retention", () => {
  const names = ["frontline-20261203T010000000Z.db", "notes.txt", "frontline-20261205T010000000Z.db", "frontline-20261204T010000000Z.db"];

  test("lets the oldest backups go beyond the limit and never touches other files", () => {
    expect(backupsBeyondRetention(names, 2)).toEqual(["frontline-20261203T010000000Z.db"]);
    expect(backupsBeyondRetention(names, 1)).toEqual(["frontline-20261203T010000000Z.db", "frontline-20261204T010000000Z.db"]);
    expect(backupsBeyondRetention(names, 5)).toEqual([]);
  });
});

describe("where a backup may be written", () => {
  test("a dated name in the backup folder by default, and a relative name inside it", () => {
    expect(backupTarget({ ...base, requested: undefined })).toEqual({ ok: true, file: "/srv/backups/frontline-20261205T203000123Z.db" });
    expect(backupTarget({ ...base, requested: "before-upgrade.db" })).toEqual({ ok: true, file: "/srv/backups/before-upgrade.db" });
    expect(backupTarget({ ...base, requested: "/srv/backups/weekly/one.db" })).toEqual({ ok: true, file: "/srv/backups/weekly/one.db" });
  });

  test("refuses paths that leave the folder", () => {
    for (const requested of ["../escape.db", "/tmp/elsewhere.db", "weekly/../../escape.db", "."]) {
      const target = backupTarget({ ...base, requested });
      expect(target.ok, requested).toBe(false);
    }
  });

  test("refuses the live database and the files beside it, even when the folder holds them", () => {
    const sameFolder = { ...base, folder: "/srv/data" };
    for (const requested of ["frontline.db", "frontline.db-wal", "/srv/data/frontline.db-shm"]) {
      expect(backupTarget({ ...sameFolder, requested }).ok, requested).toBe(false);
    }
  });

  test("refuses an existing file and a name that is not a .db file", () => {
    expect(backupTarget({ ...base, requested: "old.db", exists: () => true })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("already exists"),
    });
    expect(backupTarget({ ...base, requested: "backup.txt" })).toMatchObject({ ok: false, reason: expect.stringContaining(".db") });
  });
});

describe("whether a backup fits this version", () => {
  test("needs migrations, all of them known here", () => {
    expect(migrationMismatch(["20261101_init", "20261102_more"], ["20261101_init", "20261102_more", "20261103_new"])).toBeNull();
    expect(migrationMismatch([], ["20261101_init"])).toContain("not a Frontline database");
    expect(migrationMismatch(["20261101_init", "20270101_future"], ["20261101_init"])).toContain("20270101_future");
  });
});
