// Drawing a calibration sample: every candidate equally likely, reproducible from its seed.
import { seededRandom } from "../simulation/customer.ts";

/** `size` distinct candidates in random order (all of them when there are fewer). */
export function drawSample<T>(candidates: readonly T[], size: number, seed: number): T[] {
  const pool = [...candidates];
  const random = seededRandom(seed);
  const count = Math.min(size, pool.length);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count);
}
