export type PrerequisiteNode = { slug: string; prerequisites: string[] };
export type PrerequisiteProblem = { slug: string; index: number; message: string };

/** Unknown or self-referencing prerequisites, and every cycle (reported once, on the module that closes it). */
export function findPrerequisiteProblems(modules: PrerequisiteNode[]): PrerequisiteProblem[] {
  const bySlug = new Map(modules.map((module) => [module.slug, module]));
  const problems: PrerequisiteProblem[] = [];
  for (const module of modules) {
    module.prerequisites.forEach((prerequisite, index) => {
      if (prerequisite === module.slug) problems.push({ slug: module.slug, index, message: "a module cannot require itself" });
      else if (!bySlug.has(prerequisite)) problems.push({ slug: module.slug, index, message: `unknown module "${prerequisite}"` });
    });
  }

  const state = new Map<string, "visiting" | "done">();
  const trail: string[] = [];
  const visit = (slug: string) => {
    state.set(slug, "visiting");
    trail.push(slug);
    const prerequisites = bySlug.get(slug)?.prerequisites ?? [];
    prerequisites.forEach((next, index) => {
      if (next === slug || !bySlug.has(next)) return;
      if (state.get(next) === "visiting") {
        const cycle = [...trail.slice(trail.indexOf(next)), next].join(" → ");
        problems.push({ slug, index, message: `prerequisites form a cycle: ${cycle}` });
      } else if (!state.has(next)) {
        visit(next);
      }
    });
    trail.pop();
    state.set(slug, "done");
  };
  for (const module of modules) if (!state.has(module.slug)) visit(module.slug);
  return problems;
}
