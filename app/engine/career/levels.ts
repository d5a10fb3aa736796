import { LEVELS, type Level } from "~/domain/people.ts";

/** The level above `level` on the ladder, or null at the top. */
export function nextLevelUp(level: Level): Level | null {
  return LEVELS[LEVELS.indexOf(level) + 1] ?? null;
}
