// How a readiness percentage reads on the career team table: ready, close, or not worth a badge yet.

/** A person counts as close to a level from this percent ready. */
export const CLOSE_TO_READY_PERCENT = 75;

export type Readiness = "ready" | "close" | null;

/** Ready at 100%, close from CLOSE_TO_READY_PERCENT; anything less is not worth a badge. */
export function readinessOf(percentReady: number): Readiness {
  if (percentReady >= 100) return "ready";
  return percentReady >= CLOSE_TO_READY_PERCENT ? "close" : null;
}
