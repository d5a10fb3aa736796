import { describe, expect, it } from "vitest";
import { drawSample } from "./sample.ts";

describe("drawSample", () => {
  const candidates = Array.from({ length: 40 }, (_, i) => `c${i}`);

  it("draws the requested number of distinct candidates", () => {
    const sample = drawSample(candidates, 10, 7);
    expect(sample).toHaveLength(10);
    expect(new Set(sample).size).toBe(10);
    for (const id of sample) expect(candidates).toContain(id);
  });

  it("is reproducible from its seed and differs between seeds", () => {
    expect(drawSample(candidates, 10, 7)).toEqual(drawSample(candidates, 10, 7));
    expect(drawSample(candidates, 10, 7)).not.toEqual(drawSample(candidates, 10, 8));
  });

  it("returns every candidate when asked for more than there are", () => {
    expect([...drawSample(candidates.slice(0, 3), 10, 1)].sort()).toEqual(["c0", "c1", "c2"]);
  });

  it("gives each candidate a fair chance over many draws", () => {
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 2000; seed++)
      for (const id of drawSample(candidates.slice(0, 4), 1, seed)) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const id of candidates.slice(0, 4)) expect(counts.get(id)).toBeGreaterThan(400);
  });
});
