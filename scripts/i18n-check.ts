// `npm run i18n:check` (part of `npm test`): the message catalogs agree with
// each other and with the code. Prints one line per problem and fails on any.
import fs from "node:fs";
import path from "node:path";
import { checkCatalogs, checkKeyUses, checkSchemaMessages, type CatalogProblem } from "../app/i18n/catalog-check.ts";
import { loadCatalogs } from "../app/i18n/catalog.server.ts";

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

// Source files whose text is not in the catalogs yet (the interface's remaining English): listed
// so the check stays strict everywhere else, and shrinking as they are translated.
const UNTRANSLATED_FILE = "locales/untranslated.json";
const untranslated = new Set((JSON.parse(fs.readFileSync(UNTRANSLATED_FILE, "utf8")) as { files: string[] }).files);

let problems: CatalogProblem[];
let keyCount = 0;
try {
  const { catalogs } = loadCatalogs();
  problems = checkCatalogs(catalogs);
  for (const file of sourceFiles("app")) {
    const source = fs.readFileSync(file, "utf8");
    problems.push(...checkKeyUses(file, source, catalogs.en));
    const english = checkSchemaMessages(file, source);
    if (!untranslated.has(file)) problems.push(...english);
  }
  for (const file of untranslated) {
    if (!fs.existsSync(file)) problems.push({ where: UNTRANSLATED_FILE, message: `lists ${file}, which does not exist` });
  }
  keyCount = Object.values(catalogs.en).reduce((sum, messages) => sum + JSON.stringify(messages).split('":"').length - 1, 0);
} catch (error) {
  problems = [{ where: "locales/", message: (error as Error).message }];
}

if (problems.length > 0) {
  for (const problem of problems) console.error(`${problem.where}: ${problem.message}`);
  console.error(`\n✖ ${problems.length} catalog problem${problems.length === 1 ? "" : "s"}`);
  process.exit(1);
}
console.log(`✓ catalogs: ${keyCount} messages in each of en, zh-Hant, zh-Hans; every key the code names exists`);
