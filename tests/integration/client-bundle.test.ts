// What the browser downloads: the language layer, its model and the empathy weights stay on the server.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

test("no browser bundle carries the NLP library, its model or the empathy weights, and none is larger than 300 KB", () => {
  const bundles = files("public/build").filter((file) => file.endsWith(".js"));
  expect(bundles.length).toBeGreaterThan(10);
  for (const bundle of bundles) {
    const text = fs.readFileSync(bundle, "utf8");
    expect(text, bundle).not.toMatch(/wink/i);
    expect(text, bundle).not.toMatch(/empathy-lr-|rule:interpretation:strong/);
    expect(fs.statSync(bundle).size, bundle).toBeLessThan(300 * 1024);
  }
});
