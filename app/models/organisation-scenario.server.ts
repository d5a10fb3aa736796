// Scenarios the organisation saves in Frontline, beside those in content/: stored as the same YAML a
// content file holds, checked by the same rules, versioned on every save. Practice reads the newest
// version of each through `getPracticeCatalog`.
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { ScenarioSchema, type Scenario } from "~/content/practice-schemas.ts";
import { getContentPracticeCatalog, type PracticeCatalog } from "~/content/practice.server.ts";
import { Prisma } from "~/generated/prisma/client.ts";
import { isLocale, type Locale } from "~/i18n/locales.ts";
import { message } from "~/i18n/message.ts";
import { othersWriteVersion, prisma } from "~/utils/db.server.ts";
import { recordAudit } from "./audit.server.ts";

type ScenarioFields = Omit<Scenario, "slug" | "locale" | "variants" | "organisation">;

/** The YAML of a scenario as content/scenarios/<slug>.yml holds it. */
export function scenarioYaml(scenario: ScenarioFields): string {
  return stringifyYaml(scenario, { lineWidth: 110 });
}

// Saved scenarios change only through `saveOrganisationScenario`, so the newest versions are kept and
// read again after a save here or a write by another process on the same database (several servers
// behind one address); a page's statements are those of its own data.
let newest: { othersWrites: number; scenarios: Promise<Scenario[]> } | undefined;

async function readNewest(): Promise<Scenario[]> {
  const rows = await prisma.organisationScenario.findMany({
    orderBy: [{ slug: "asc" }, { version: "desc" }],
    select: { slug: true, locale: true, yaml: true },
  });
  const seen = new Set<string>();
  return rows.flatMap((row) => {
    if (seen.has(row.slug)) return [];
    seen.add(row.slug);
    // Every stored version passed the schema when it was saved; one that no longer does (the schema
    // moved on) is left out rather than breaking practice for everyone.
    const parsed = ScenarioSchema.safeParse(parseYaml(row.yaml));
    if (!parsed.success) return [];
    const locale: Locale = isLocale(row.locale) ? row.locale : "en";
    return [{ ...parsed.data, slug: row.slug, locale, variants: {}, organisation: true as const }];
  });
}

function newestOrganisationScenarios(): Promise<Scenario[]> {
  const othersWrites = othersWriteVersion();
  if (newest?.othersWrites !== othersWrites) {
    const scenarios = readNewest().catch((error: unknown) => {
      if (newest?.scenarios === scenarios) newest = undefined;
      throw error;
    });
    newest = { othersWrites, scenarios };
  }
  return newest.scenarios;
}

/** Scenarios and rubrics: content/ and the scenarios the organisation saved. */
export async function getPracticeCatalog(): Promise<PracticeCatalog> {
  const [files, saved] = await Promise.all([getContentPracticeCatalog(), newestOrganisationScenarios()]);
  return saved.length === 0 ? files : { ...files, scenarios: [...files.scenarios, ...saved] };
}

/** The newest saved version of a scenario, for editing; null for a content file's or an unknown slug. */
export async function getOrganisationScenario(slug: string): Promise<Scenario | null> {
  return (await newestOrganisationScenarios()).find((scenario) => scenario.slug === slug) ?? null;
}

/**
 * The name a new draft is offered under: `base`, or `base-real` when a content file has it (saving would
 * be refused). `existing` says saving it adds a version to a scenario the organisation already saved.
 */
export function draftSlug(catalog: PracticeCatalog, base: string): { slug: string; existing: boolean } {
  const slug = catalog.scenarios.some((scenario) => !scenario.organisation && scenario.slug === base) ? `${base}-real` : base;
  return { slug, existing: catalog.scenarios.some((scenario) => scenario.organisation && scenario.slug === slug) };
}

export type SaveScenarioResult = { status: "saved"; slug: string; version: number } | { status: "taken-by-content" };

/** Two saves of one slug at once both read the same newest version; the second to commit tries again. */
async function nextVersionSaved(save: () => Promise<number>): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await save();
    } catch (error) {
      if (attempt >= 3 || !(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") throw error;
    }
  }
}

/**
 * Stores `scenario` as the next version of `slug` (version 1 for a new one). A slug a content file
 * already uses is refused: practice would not know which of the two is meant.
 */
export async function saveOrganisationScenario(
  authorId: string,
  input: { slug: string; locale: Locale; scenario: ScenarioFields; fromAttemptId: string | null },
): Promise<SaveScenarioResult> {
  const files = await getContentPracticeCatalog();
  if (files.scenarios.some((scenario) => scenario.slug === input.slug)) return { status: "taken-by-content" };
  const version = await nextVersionSaved(async () =>
    prisma.$transaction(async (tx) => {
      const previous = await tx.organisationScenario.findFirst({
        where: { slug: input.slug },
        orderBy: { version: "desc" },
        select: { version: true },
      });
      const next = (previous?.version ?? 0) + 1;
      await tx.organisationScenario.create({
        data: {
          slug: input.slug,
          version: next,
          locale: input.locale,
          yaml: scenarioYaml({ ...input.scenario, version: next }),
          title: input.scenario.title,
          fromAttemptId: input.fromAttemptId,
          createdById: authorId,
        },
      });
      await recordAudit(tx, {
        actorId: authorId,
        action: "scenario.saved",
        targetType: "scenario",
        targetId: input.slug,
        summary: message("admin:audit.summary.scenarioSaved", { title: input.scenario.title, version: next }),
        details: { slug: input.slug, version: next, fromAttemptId: input.fromAttemptId },
      });
      return next;
    }),
  );
  newest = undefined;
  return { status: "saved", slug: input.slug, version };
}
