// Reads a V8 CPU profile (node --cpu-prof) of the server and says where its busy time went:
// self time per part of the stack (Prisma, the SQLite driver, route matching, React, …) and
// the functions with the most self time. Idle time is left out; shares are of busy time.
import fs from "node:fs";

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; hitCount?: number };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

export type ProfileEntry = { name: string; share: number };
export type ProfileSummary = { busySeconds: number; parts: ProfileEntry[]; functions: ProfileEntry[] };

/** The first matching rule names the part of the stack a frame belongs to. */
const PARTS: [string, (frame: CallFrame) => boolean][] = [
  ["garbage collection", (frame) => frame.functionName === "(garbage collector)"],
  ["Prisma client and query compiler", (frame) => /@prisma\/client|generated\/prisma|query_compiler|prisma\/runtime/.test(frame.url)],
  ["SQLite driver (better-sqlite3 and Prisma's adapter)", (frame) => /better-sqlite3|adapter-better-sqlite3/.test(frame.url)],
  ["route matching (@remix-run/router)", (frame) => /@remix-run\/router/.test(frame.url)],
  ["React server rendering", (frame) => /react-dom|\/react\//.test(frame.url)],
  ["Remix request handling", (frame) => /@remix-run\/(server-runtime|node|express)/.test(frame.url)],
  [
    "Express, compression and headers",
    (frame) => /node_modules\/(express|compression|helmet|on-headers|body-parser|send|serve-static)/.test(frame.url),
  ],
  ["i18next", (frame) => /i18next|intl-messageformat|@formatjs/.test(frame.url)],
  ["Frontline's own code (the build)", (frame) => /\/build\/(index|server)\.js/.test(frame.url)],
  ["Node.js internals (streams, HTTP, timers)", (frame) => frame.url.startsWith("node:") || frame.url === ""],
];

function partOf(frame: CallFrame): string {
  return PARTS.find(([, matches]) => matches(frame))?.[0] ?? "other libraries";
}

function shortUrl(url: string): string {
  const packagePath = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (packagePath) return packagePath;
  return url.replace(/^.*\/(build|app|server)\//, "$1/") || "native";
}

export function summariseCpuProfile(file: string, top = 12): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, index) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));

  const parts = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const [id, micros] of selfMicros) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === "(idle)" || frame.functionName === "(program)" || frame.functionName === "(root)") continue;
    busy += micros;
    const part = partOf(frame);
    parts.set(part, (parts.get(part) ?? 0) + micros);
    const name = `${frame.functionName || "(anonymous)"} — ${shortUrl(frame.url)}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
  }
  const ranked = (totals: Map<string, number>) =>
    [...totals].sort((a, b) => b[1] - a[1]).map(([name, micros]) => ({ name, share: busy === 0 ? 0 : micros / busy }));
  return { busySeconds: busy / 1e6, parts: ranked(parts), functions: ranked(functions).slice(0, top) };
}
