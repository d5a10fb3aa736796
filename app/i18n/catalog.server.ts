// The message catalogs: locales/<language>/<namespace>.json, one namespace per
// area of the app. Read once per process; the version is a hash of every file,
// so browsers can cache a catalog until it changes.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { LOCALES, type Locale } from "./locales.ts";

export type Messages = { [key: string]: string | Messages };
export type Catalog = Record<string, Messages>;

const CATALOG_DIR = path.resolve("locales");

function readCatalog(locale: Locale, dir: string): Catalog {
  const folder = path.join(dir, locale);
  const catalog: Catalog = {};
  for (const name of fs
    .readdirSync(folder)
    .filter((entry) => entry.endsWith(".json"))
    .sort()) {
    catalog[name.replace(/\.json$/, "")] = JSON.parse(fs.readFileSync(path.join(folder, name), "utf8")) as Messages;
  }
  return catalog;
}

export function loadCatalogs(dir = CATALOG_DIR): { catalogs: Record<Locale, Catalog>; version: string } {
  const catalogs = Object.fromEntries(LOCALES.map((locale) => [locale, readCatalog(locale, dir)])) as Record<Locale, Catalog>;
  const version = createHash("sha256").update(JSON.stringify(catalogs)).digest("hex").slice(0, 12);
  return { catalogs, version };
}

let loaded: ReturnType<typeof loadCatalogs> | undefined;

/** The catalogs; outside production they are re-read when a file changed, so an edit shows on reload. */
export function catalogs(): ReturnType<typeof loadCatalogs> {
  if (process.env.NODE_ENV === "production") return (loaded ??= loadCatalogs());
  const stamp = LOCALES.flatMap((locale) => {
    const folder = path.join(CATALOG_DIR, locale);
    return fs.readdirSync(folder).map((name) => `${name}:${fs.statSync(path.join(folder, name)).mtimeMs}`);
  }).join();
  if (!loaded || stampOf.get(loaded) !== stamp) {
    loaded = loadCatalogs();
    stampOf.set(loaded, stamp);
  }
  return loaded;
}
const stampOf = new WeakMap<object, string>();
