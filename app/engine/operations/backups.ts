// Where backups go, what they are called and which ones a retention limit lets go:
// the decisions behind `npm run db:backup` and `npm run db:restore`, free of any I/O.
import path from "node:path";

const BACKUP_NAME = /^frontline-(\d{8}T\d{6}(?:\d{3})?Z)\.db$/;

/** `frontline-20261205T203000123Z.db`: names sort in the order the backups were taken. */
export function backupFileName(takenAt: Date): string {
  const stamp = takenAt.toISOString().replace(/[-:]/g, "").replace(".", "");
  return `frontline-${stamp}.db`;
}

export function isBackupFileName(name: string): boolean {
  return BACKUP_NAME.test(name);
}

/**
 * The backups a limit of `keep` removes, oldest first. Only files named as the
 * backup command names them are counted, so nothing else in the folder is ever touched.
 */
export function backupsBeyondRetention(names: string[], keep: number): string[] {
  const backups = names.filter(isBackupFileName).sort();
  return backups.slice(0, Math.max(0, backups.length - keep));
}

/** The live database and the files SQLite keeps beside it while it is open. */
export function databaseFiles(databaseFile: string): string[] {
  return ["", "-wal", "-shm", "-journal"].map((suffix) => `${databaseFile}${suffix}`);
}

export type BackupTarget = { ok: true; file: string } | { ok: false; reason: string };

/**
 * Where a backup may be written: inside the backup folder (a relative name is
 * taken from there), a new file, and never the live database or a file beside it.
 */
export function backupTarget({
  folder,
  requested,
  databaseFile,
  takenAt,
  exists,
}: {
  folder: string;
  requested: string | undefined;
  databaseFile: string;
  takenAt: Date;
  exists: (file: string) => boolean;
}): BackupTarget {
  const root = path.resolve(folder);
  const file = path.resolve(root, requested ?? backupFileName(takenAt));
  const relative = path.relative(root, file);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) {
    return { ok: false, reason: `${file} is outside the backup folder ${root}; choose a name inside it or set BACKUP_DIR.` };
  }
  if (databaseFiles(path.resolve(databaseFile)).includes(file)) {
    return { ok: false, reason: `${file} is the live database or one of its files; a backup must be a new file.` };
  }
  if (!file.endsWith(".db")) return { ok: false, reason: `${file} must end in .db.` };
  if (exists(file)) return { ok: false, reason: `${file} already exists; a backup never writes over another file.` };
  return { ok: true, file };
}

/**
 * Why a backup cannot be restored into this version of Frontline, or null when it
 * can: it must carry migrations, and none this version does not know (a backup
 * from a newer version would lose data on the way back).
 */
export function migrationMismatch(backupMigrations: string[], knownMigrations: string[]): string | null {
  if (backupMigrations.length === 0) return "it holds no Frontline migrations, so it is not a Frontline database.";
  const known = new Set(knownMigrations);
  const unknown = backupMigrations.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    return `it was written by a newer version of Frontline (migrations this version does not have: ${unknown.join(", ")}).`;
  }
  return null;
}
