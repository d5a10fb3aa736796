// What `npm run i18n:check` proves about the message catalogs and the code
// that uses them: every language has every key, each message parses as ICU
// with the same placeholders and tags as the English, nothing is left in
// English by mistake, and every key the code names exists.
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import type { Catalog, Messages } from "./catalog.server.ts";
import { DEFAULT_LOCALE, type Locale } from "./locales.ts";

export type CatalogProblem = { where: string; message: string };

// Trans reads a message's tags as HTML, where these elements take no children: "<link>words</link>"
// would render an empty link followed by the words.
const VOID_ELEMENTS = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

/** Words that stay as they are in every language. */
const SAME_IN_EVERY_LANGUAGE = /^(Frontline|Zendesk|Intercom|CSV|JSON|JSONL|ID|URL|IANA|N\/A|OK|1:1|ER|IP|EX|[A-Z]{2,5})$/;

export function flatten(messages: Messages, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

function collect(elements: MessageFormatElement[], args: Set<string>, tags: Set<string>) {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time)
      args.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      args.add(element.value);
      for (const option of Object.values(element.options)) collect(option.value, args, tags);
    }
    if (element.type === TYPE.tag) {
      tags.add(element.value);
      collect(element.children, args, tags);
    }
  }
}

/** The placeholders and rich-text tags of one ICU message; throws on a syntax error. */
export function shapeOf(text: string): { args: Set<string>; tags: Set<string> } {
  const args = new Set<string>();
  const tags = new Set<string>();
  collect(parse(text), args, tags);
  return { args, tags };
}

const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((item) => b.has(item));
const list = (items: Set<string>) => [...items].sort().join(", ") || "none";

function looksEnglish(text: string): boolean {
  const words = text.replace(/\{[^{}]*\}/g, " ").match(/[A-Za-z][A-Za-z'’-]+/g) ?? [];
  return words.some((word) => word.length >= 3 && !SAME_IN_EVERY_LANGUAGE.test(word));
}

export function checkCatalogs(catalogs: Record<Locale, Catalog>): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const source = catalogs[DEFAULT_LOCALE];
  for (const [locale, catalog] of Object.entries(catalogs) as [Locale, Catalog][]) {
    for (const namespace of new Set([...Object.keys(source), ...Object.keys(catalog)])) {
      const where = (key?: string) => `locales/${locale}/${namespace}.json${key ? `: ${key}` : ""}`;
      if (!source[namespace]) {
        problems.push({ where: where(), message: `has no English file locales/${DEFAULT_LOCALE}/${namespace}.json` });
        continue;
      }
      if (!catalog[namespace]) {
        problems.push({ where: where(), message: "is missing" });
        continue;
      }
      const english = flatten(source[namespace]);
      const translated = flatten(catalog[namespace]);
      for (const [key, text] of translated) {
        if (!english.has(key)) problems.push({ where: where(key), message: "is not in the English catalog" });
        if (text.trim() === "") problems.push({ where: where(key), message: "is empty" });
      }
      for (const [key, englishText] of english) {
        const text = translated.get(key);
        if (text === undefined) {
          problems.push({ where: where(key), message: "is missing" });
          continue;
        }
        let shape;
        try {
          shape = shapeOf(text);
        } catch (error) {
          problems.push({ where: where(key), message: `is not valid ICU: ${(error as Error).message}` });
          continue;
        }
        for (const tag of shape.tags)
          if (VOID_ELEMENTS.has(tag))
            problems.push({ where: where(key), message: `uses <${tag}>, an HTML element that cannot hold words` });
        if (locale === DEFAULT_LOCALE) continue;
        let englishShape;
        try {
          englishShape = shapeOf(englishText);
        } catch {
          continue; // reported for the English file
        }
        if (!same(shape.args, englishShape.args))
          problems.push({ where: where(key), message: `has placeholders {${list(shape.args)}}, English has {${list(englishShape.args)}}` });
        if (!same(shape.tags, englishShape.tags))
          problems.push({ where: where(key), message: `has tags <${list(shape.tags)}>, English has <${list(englishShape.tags)}>` });
        if (text === englishText && looksEnglish(text)) problems.push({ where: where(key), message: "is still the English text" });
      }
    }
  }
  return problems;
}

const isComment = (line: string) => /^\s*(\/\/|\/\*|\*)/.test(line);

const KEY_LITERAL = /["'`]([a-z][a-zA-Z-]*):([A-Za-z0-9_.-]+)(\$\{)?/g;

/**
 * Every catalog key a source file names as a literal ("practice:report.title",
 * or a prefix like `common:role.${role}`) must exist in English.
 */
export function checkKeyUses(file: string, source: string, english: Catalog): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const namespaces = new Set(Object.keys(english));
  const lines = source.split("\n");
  lines.forEach((line, index) => {
    if (isComment(line)) return;
    for (const match of line.matchAll(KEY_LITERAL)) {
      const [, namespace, key, dynamic] = match;
      if (!namespaces.has(namespace)) continue;
      const path = dynamic ? key.replace(/\.$/, "") : key;
      let node: string | Messages | undefined = english[namespace];
      for (const part of path.split(".")) node = typeof node === "object" ? node[part] : undefined;
      const ok = dynamic ? typeof node === "object" : typeof node === "string";
      if (!ok)
        problems.push({
          where: `${file}:${index + 1}`,
          message: `${dynamic ? "key prefix" : "key"} "${namespace}:${path}" is not in locales/en`,
        });
    }
  });
  return problems;
}

const UNTRANSLATED_SCHEMA_MESSAGE =
  /(?:required_error|invalid_type_error|message)\s*:\s*["'`][A-Z]|\.(?:min|max|email|url|regex|length|nonempty|int|positive|gte|lte|refine|superRefine)\([^()]*,\s*["'`][A-Z]/;

/** Validation messages written as English text instead of `message("ns:key")`. */
export function checkSchemaMessages(file: string, source: string): CatalogProblem[] {
  return source
    .split("\n")
    .flatMap((line, index) =>
      !isComment(line) && UNTRANSLATED_SCHEMA_MESSAGE.test(line)
        ? [{ where: `${file}:${index + 1}`, message: 'a validation message is English text; use message("ns:key")' }]
        : [],
    );
}
