// Loads, validates and compiles content/. In development and tests modules are
// compiled on demand and cached by content hash; a production build writes the
// compiled catalog to build/content/catalog.json, which the server only reads.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { ModuleRef } from "~/engine/learning/progress.ts";
import { contentVariantOf, TRANSLATED_LOCALES, type Locale } from "~/i18n/locales.ts";
import type { ModuleVersionRef } from "~/models/learning.server.ts";
import { createModulePartsPlugin, type ModuleParts } from "./module-parts.ts";
import { moduleScriptSource, moduleScriptUrl } from "./module-script.ts";
import { findPrerequisiteProblems } from "./prerequisites.ts";
import {
  CompetenciesFileSchema,
  ModuleFrontmatterSchema,
  TRACKS,
  zodProblems,
  type Competency,
  type ContentProblem,
  type ModuleFrontmatter,
} from "./schemas.ts";
import { compareModuleStructure } from "./variants.ts";

type CompiledText = Omit<ModuleParts, "problems"> & {
  file: string;
  hash: string;
  frontmatter: ModuleFrontmatter;
  /** Compiled MDX: safe to send to browsers (no answer keys or explanations). */
  code: string;
};

export type TranslatedLocale = Exclude<Locale, "en">;

export type CompiledModule = CompiledText & {
  slug: string;
  /** The module in other languages (content/modules/<track>/<slug>.<locale>.mdx), same structure. */
  variants: Partial<Record<TranslatedLocale, CompiledText>>;
};

/** The module in the reader's language, or in English (`fallback`) when it has no translation for it. */
export type LocalizedModule = CompiledModule & { locale: Locale; fallback: boolean };

export function localizeModule(module: CompiledModule, locale: Locale): LocalizedModule {
  const variant = locale === "en" ? undefined : module.variants[locale];
  if (!variant) return { ...module, locale: "en", fallback: locale !== "en" };
  return { ...module, ...variant, locale, fallback: false };
}

export type Catalog = {
  competencies: Competency[];
  /** The competencies' names and descriptions in other languages (content/competencies.<locale>.yml). */
  competencyVariants: Partial<Record<TranslatedLocale, Competency[]>>;
  modules: CompiledModule[];
};

/** The catalog as a reader of `locale` sees it: every module and competency in their language where translated. */
export function localizedCatalog(catalog: Catalog, locale: Locale): Catalog & { modules: LocalizedModule[] } {
  if (locale === "en") return { ...catalog, modules: catalog.modules.map((module) => localizeModule(module, locale)) };
  return { ...catalog, competencies: localizedCompetencies(catalog, locale), modules: catalog.modules.map((module) => localizeModule(module, locale)) };
}

/** The competencies in the reader's language, where translated. */
export function localizedCompetencies(catalog: Catalog, locale: Locale): Competency[] {
  return (locale === "en" ? undefined : catalog.competencyVariants[locale]) ?? catalog.competencies;
}

/** The module as the learning rules see it. */
export function moduleRef(module: CompiledModule): ModuleRef {
  const { track, order, version, prerequisites } = module.frontmatter;
  return { slug: module.slug, track, order, version, prerequisites };
}

/** The module version as progress records store it. */
export function versionRef(module: CompiledModule): ModuleVersionRef {
  return { slug: module.slug, version: module.frontmatter.version, quizIds: module.quizzes.map((quiz) => quiz.id) };
}

const MIN_QUESTIONS = 4;
const CATALOG_FILE = path.resolve("build/content/catalog.json");

let compiles = 0;
/** How many MDX compiles this process has run (a production server runs none). */
export function contentCompileCount(): number {
  return compiles;
}

const compileCache = new Map<string, { hash: string; result: Compiled }>();

/** A path as authors see it, e.g. content/modules/onboarding/how-support-works.mdx */
function contentPath(root: string, file: string): string {
  return path.join(path.basename(root), path.relative(root, file));
}

/**
 * esbuild reports MDX syntax errors at line 0 with the real position inside the
 * text ("… Expected a closing tag for `<Callout>` (15:1-15:10)"): keep one line and that position.
 */
function compileErrorProblem(file: string, error: unknown): ContentProblem {
  const first = (error as { errors?: { text: string; location?: { line: number } | null }[] }).errors?.[0];
  const text = first?.text ?? (error as Error).message;
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const detail = (lines.length > 1 ? lines[lines.length - 1] : (lines[0] ?? "could not be compiled")).replace(/^\d+:\d+:\s*/, "");
  const position = /\((\d+):\d+(?:-\d+:\d+)?\)\s*$/.exec(detail);
  const line = position ? Number(position[1]) : first?.location?.line || null;
  return { file, where: line ? `line ${line}` : "(mdx)", message: detail.replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)\s*$/, "") };
}

type Compiled = { module?: Omit<CompiledModule, "variants">; problems: ContentProblem[] };

async function compileModule(root: string, file: string, source: string, sectionIds?: string[]): Promise<Compiled> {
  const hash = createHash("sha256")
    .update(source)
    .update(sectionIds?.join() ?? "")
    .digest("hex");
  const cached = compileCache.get(file);
  if (cached?.hash === hash) return cached.result;

  compiles += 1;
  const relative = contentPath(root, file);
  const { plugin, parts } = createModulePartsPlugin({ sectionIds });
  let result: Compiled;
  try {
    const { bundleMDX } = await import("mdx-bundler");
    const { code, frontmatter } = await bundleMDX({
      source,
      cwd: path.dirname(file),
      // Errors come back as content problems; esbuild need not print them too.
      esbuildOptions(options) {
        options.logLevel = "silent";
        return options;
      },
      mdxOptions(options) {
        // Ours runs first, before mdx-bundler turns the frontmatter into an export.
        options.remarkPlugins = [plugin, ...(options.remarkPlugins ?? [])];
        return options;
      },
    });
    const problems = parts.problems.map((problem) => ({ file: relative, ...problem }));
    const parsed = ModuleFrontmatterSchema.safeParse(frontmatter);
    if (!parsed.success) problems.push(...zodProblems(relative, parsed.error));
    const { problems: _, ...found } = parts;
    result = {
      problems,
      module: parsed.success
        ? { ...found, slug: path.basename(file, ".mdx").replace(/\.[^.]+$/, ""), file: relative, hash, frontmatter: parsed.data, code }
        : undefined,
    };
  } catch (error) {
    result = { problems: [compileErrorProblem(relative, error)] };
  }
  compileCache.set(file, { hash, result });
  return result;
}

async function readCompetencyVariants(root: string, competencies: Competency[]) {
  const variants: Catalog["competencyVariants"] = {};
  const problems: ContentProblem[] = [];
  const keys = competencies.map((competency) => competency.key).join(", ");
  for (const locale of TRANSLATED_LOCALES) {
    const file = path.join(root, `competencies.${locale}.yml`);
    const exists = await fs.stat(file).then(
      () => true,
      () => false,
    );
    if (!exists) continue;
    const read = await readCompetencies(root, file);
    problems.push(...read.problems);
    const translatedKeys = read.competencies.map((competency) => competency.key).join(", ");
    if (read.problems.length === 0 && translatedKeys !== keys)
      problems.push({ file: contentPath(root, file), where: "(file)", message: `must list the English file's keys in its order (${keys})` });
    else if (read.problems.length === 0) variants[locale] = read.competencies;
  }
  return { variants, problems };
}

async function readCompetencies(root: string, file = path.join(root, "competencies.yml")): Promise<{ competencies: Competency[]; problems: ContentProblem[] }> {
  const relative = contentPath(root, file);
  let raw: unknown;
  try {
    raw = parseYaml(await fs.readFile(file, "utf8"));
  } catch (error) {
    return { competencies: [], problems: [{ file: relative, where: "(file)", message: (error as Error).message.split("\n")[0] }] };
  }
  const parsed = CompetenciesFileSchema.safeParse(raw);
  return parsed.success ? { competencies: parsed.data, problems: [] } : { competencies: [], problems: zodProblems(relative, parsed.error) };
}

type ModuleFile = { track: string; file: string; variants: { locale: TranslatedLocale; file: string }[] };

/** Each English module with its translations; a translation without an English file is a problem. */
async function listModuleFiles(root: string): Promise<{ files: ModuleFile[]; problems: ContentProblem[] }> {
  const modulesDir = path.join(root, "modules");
  const folders = await fs.readdir(modulesDir, { withFileTypes: true });
  const files: ModuleFile[] = [];
  const problems: ContentProblem[] = [];
  for (const folder of folders.filter((entry) => entry.isDirectory())) {
    const entries = (await fs.readdir(path.join(modulesDir, folder.name))).filter((entry) => entry.endsWith(".mdx")).sort();
    const at = (name: string) => path.join(modulesDir, folder.name, name);
    const sources = new Map<string, ModuleFile>();
    for (const name of entries.filter((entry) => !contentVariantOf(entry))) {
      const entry: ModuleFile = { track: folder.name, file: at(name), variants: [] };
      sources.set(name, entry);
      files.push(entry);
    }
    for (const name of entries) {
      const variant = contentVariantOf(name);
      if (!variant) continue;
      const source = sources.get(variant.base);
      if (source) source.variants.push({ locale: variant.locale, file: at(name) });
      else problems.push({ file: contentPath(root, at(name)), where: "(file)", message: `is a translation of ${variant.base}, which does not exist` });
    }
  }
  return { files, problems };
}

async function compileVariants(root: string, entry: ModuleFile, english: Omit<CompiledModule, "variants">) {
  const variants: CompiledModule["variants"] = {};
  const problems: ContentProblem[] = [];
  const sectionIds = english.sections.map((section) => section.id);
  for (const { locale, file } of entry.variants) {
    const result = await compileModule(root, file, await fs.readFile(file, "utf8"), sectionIds);
    problems.push(...result.problems);
    if (!result.module) continue;
    const relative = contentPath(root, file);
    const drift = compareModuleStructure(english, result.module);
    problems.push(...drift.map((problem) => ({ file: relative, ...problem })));
    if (drift.length === 0) {
      const { slug: _, ...text } = result.module;
      variants[locale] = text;
    }
  }
  return { variants, problems };
}

/** Which modules have no translation yet, per language: reported by content:check, not a failure. */
export function untranslatedModules(catalog: Catalog): Record<TranslatedLocale, string[]> {
  return Object.fromEntries(
    TRANSLATED_LOCALES.map((locale) => [locale, catalog.modules.filter((module) => !module.variants[locale]).map((module) => module.slug)]),
  ) as Record<TranslatedLocale, string[]>;
}

/** Checks that need the whole catalog: references between files and the rules every module follows. */
function crossCheck(competencies: Competency[], entries: { track: string; module: CompiledModule }[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const competencyKeys = new Set(competencies.map((competency) => competency.key));
  const seenSlugs = new Map<string, string>();
  const seenOrders = new Map<string, string>();
  const bySlug = new Map(entries.map(({ module }) => [module.slug, module]));

  for (const { track, module } of entries) {
    const at = (where: string, message: string) => problems.push({ file: module.file, where, message });
    const { frontmatter } = module;
    if (!(TRACKS as readonly string[]).includes(track))
      at("(file)", `modules live in content/modules/{${TRACKS.join(",")}}/, not "${track}"`);
    else if (frontmatter.track !== track) at("track", `is "${frontmatter.track}" but the file is in modules/${track}/`);
    if (seenSlugs.has(module.slug)) at("(file)", `slug "${module.slug}" is also used by ${seenSlugs.get(module.slug)}`);
    seenSlugs.set(module.slug, module.file);
    const orderKey = `${frontmatter.track}:${frontmatter.order}`;
    if (seenOrders.has(orderKey)) at("order", `${frontmatter.order} is also used by ${seenOrders.get(orderKey)}`);
    seenOrders.set(orderKey, module.file);
    frontmatter.competencies.forEach((key, index) => {
      if (!competencyKeys.has(key)) at(`competencies[${index}]`, `unknown competency "${key}" (see content/competencies.yml)`);
    });
    const linked = new Set(module.scenarioLinks);
    frontmatter.scenarios.forEach((slug, index) => {
      if (!linked.has(slug)) at(`scenarios[${index}]`, `"${slug}" is listed but no <ScenarioLink> uses it`);
    });
    for (const slug of linked)
      if (!frontmatter.scenarios.includes(slug)) at("scenarios", `<ScenarioLink scenario="${slug}"> is not listed here`);
    const questionCount = module.quizzes.reduce((sum, quiz) => sum + quiz.questions.length, 0);
    if (questionCount < MIN_QUESTIONS)
      at("(body)", `needs a knowledge check with at least ${MIN_QUESTIONS} questions, found ${questionCount}`);
    if (!module.hasKeyTakeaways) at("(body)", "needs a <KeyTakeaways> block");
    if (module.sections.length === 0) at("(body)", "needs at least one ## section");
  }
  for (const problem of findPrerequisiteProblems(
    [...bySlug.values()].map((m) => ({ slug: m.slug, prerequisites: m.frontmatter.prerequisites })),
  )) {
    problems.push({ file: bySlug.get(problem.slug)!.file, where: `prerequisites[${problem.index}]`, message: problem.message });
  }
  return problems;
}

/** Reads and compiles everything under `root`, returning the catalog and every problem found. */
export async function loadCatalogFromSource(root = path.resolve("content")): Promise<{ catalog: Catalog; problems: ContentProblem[] }> {
  const { competencies, problems } = await readCompetencies(root);
  const competencyVariants = await readCompetencyVariants(root, competencies);
  problems.push(...competencyVariants.problems);
  const entries: { track: string; module: CompiledModule }[] = [];
  const listed = await listModuleFiles(root);
  problems.push(...listed.problems);
  for (const entry of listed.files) {
    // One at a time: esbuild is memory-hungry and the machine has two cores.
    const result = await compileModule(root, entry.file, await fs.readFile(entry.file, "utf8"));
    problems.push(...result.problems);
    if (!result.module) continue;
    const { variants, problems: variantProblems } = await compileVariants(root, entry, result.module);
    problems.push(...variantProblems);
    entries.push({ track: entry.track, module: { ...result.module, variants } });
  }
  problems.push(...crossCheck(competencies, entries));
  const modules = entries
    .map(({ module }) => module)
    .sort((a, b) => a.frontmatter.track.localeCompare(b.frontmatter.track) || a.frontmatter.order - b.frontmatter.order);
  return { catalog: { competencies, competencyVariants: competencyVariants.variants, modules }, problems };
}

const PUBLIC_DIR = path.resolve("public");

/** Writes each module's browser script (see module-script.ts) unless it is already there. */
async function writeModuleScripts(modules: CompiledModule[]): Promise<void> {
  for (const module of modules.flatMap((english) => [english, ...Object.values(english.variants)])) {
    const file = path.join(PUBLIC_DIR, moduleScriptUrl(module.hash));
    const exists = await fs.stat(file).then(
      () => true,
      () => false,
    );
    if (exists) continue;
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, moduleScriptSource(module.hash, module.code));
  }
}

export async function writeCatalog(catalog: Catalog, file = CATALOG_FILE): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, JSON.stringify(catalog));
  await writeModuleScripts(catalog.modules);
}

let productionCatalog: Promise<Catalog> | undefined;

async function readBuiltCatalog(): Promise<Catalog> {
  try {
    return JSON.parse(await fs.readFile(CATALOG_FILE, "utf8")) as Catalog;
  } catch {
    throw new Error(`No compiled content at ${path.relative(process.cwd(), CATALOG_FILE)}: run npm run build.`);
  }
}

/**
 * The content catalog. Production reads what the build compiled; elsewhere the
 * files are read on every call and only changed ones are recompiled, so an
 * edited module shows on the next page load.
 */
export async function getCatalog(): Promise<Catalog> {
  if (process.env.NODE_ENV === "production") return (productionCatalog ??= readBuiltCatalog());
  const { catalog, problems } = await loadCatalogFromSource();
  if (problems.length > 0) {
    throw new Error(
      `Content has ${problems.length} problem(s); run npm run content:check. First: ${problems[0].file}: ${problems[0].where}: ${problems[0].message}`,
    );
  }
  await writeModuleScripts(catalog.modules);
  return catalog;
}
