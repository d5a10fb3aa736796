// What the browser downloads: the language layer and its model stay on the server.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

test("no browser bundle carries the NLP library or its model, and none is larger than 300 KB", () => {
  const bundles = files("public/build").filter((file) => file.endsWith(".js"));
  expect(bundles.length).toBeGreaterThan(10);
  for (const bundle of bundles) {
    expect(fs.readFileSync(bundle, "utf8"), bundle).not.toMatch(/wink/i);
    expect(fs.statSync(bundle).size, bundle).toBeLessThan(300 * 1024);
  }
});
