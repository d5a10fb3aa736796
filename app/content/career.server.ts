import fs from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { LadderSchema, type Ladder } from "./career-schemas.ts";

const LADDER_FILE = path.resolve("content/career/ladder.yml");

async function readLadder(): Promise<Ladder> {
  // content:check (run by the build and the tests) has already reported any problem with the file.
  return LadderSchema.parse(parseYaml(await fs.readFile(LADDER_FILE, "utf8")));
}

let productionLadder: Promise<Ladder> | undefined;

/** The career ladder; read once in production, on every call elsewhere so edits show on reload. */
export function getLadder(): Promise<Ladder> {
  if (process.env.NODE_ENV === "production") return (productionLadder ??= readLadder());
  return readLadder();
}
