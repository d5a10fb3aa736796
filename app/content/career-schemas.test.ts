import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import { checkLadder, keyedLevel, LadderSchema, type Ladder } from "./career-schemas.ts";
import { formatProblem, zodProblems } from "./schemas.ts";

const ROOT = path.resolve(__dirname, "../..");

const level = (title: string, track: "ic" | "management", from: string[], requirements: unknown[] = []) => ({
  title,
  track,
  summary: `What ${title} does on a real support team.`,
  from,
  requirements,
});

function validLadder() {
  return {
    levels: {
      "agent-1": level("Agent I", "ic", []),
      "agent-2": level(
        "Agent II",
        "ic",
        ["agent-1"],
        [
          { kind: "modules", slugs: ["how-support-works"], description: "Finish the onboarding track." },
          { kind: "competency", competency: "empathy", minimumAverage: 1, overLast: 5, description: "Empathy of at least 1.0." },
          { kind: "scenarios", difficulty: "starter", count: 2, description: "Pass 2 starter scenarios." },
          { kind: "months-in-role", months: 3, description: "Three months as Agent I." },
        ],
      ),
      "senior-agent": level("Senior Agent", "ic", ["agent-2"], [{ kind: "lead-sign-off", description: "Your lead signs off." }]),
      "team-lead": level(
        "Team Lead",
        "management",
        ["senior-agent"],
        [
          { kind: "coaching-sessions", count: 4, description: "Attend four coaching sessions." },
          { kind: "mentoring-given", mentees: 1, description: "Mentor one colleague." },
        ],
      ),
      "support-manager": level("Support Manager", "management", ["team-lead"]),
    },
  };
}

function problems(input: unknown): string[] {
  const parsed = LadderSchema.safeParse(input);
  return parsed.success ? [] : zodProblems("ladder.yml", parsed.error).map(formatProblem);
}

const CONTEXT = { moduleSlugs: ["how-support-works"], competencyKeys: ["empathy", "resolution"] };

describe("LadderSchema", () => {
  test("a valid ladder parses", () => {
    expect(problems(validLadder())).toEqual([]);
  });

  test("rejects a missing level", () => {
    const ladder = validLadder();
    delete (ladder.levels as Record<string, unknown>)["support-manager"];
    expect(problems(ladder).join("\n")).toContain("levels.support-manager");
  });

  test("rejects an extra level key", () => {
    const ladder = validLadder();
    (ladder.levels as Record<string, unknown>)["director"] = level("Director", "management", ["support-manager"]);
    expect(problems(ladder).join("\n")).toMatch(/Unrecognized key.*director/);
  });

  test("rejects unknown fields on a level and on a requirement", () => {
    const ladder = validLadder();
    (ladder.levels["agent-1"] as Record<string, unknown>).salary = 1;
    (ladder.levels["agent-2"].requirements[0] as Record<string, unknown>).weight = 2;
    const found = problems(ladder).join("\n");
    expect(found).toContain("salary");
    expect(found).toContain("weight");
  });

  test("rejects an unknown requirement kind", () => {
    const ladder = validLadder();
    ladder.levels["agent-2"].requirements.push({ kind: "certificate", description: "Hold a certificate." } as never);
    expect(problems(ladder).join("\n")).toMatch(/levels\.agent-2\.requirements\[4\]\.kind/);
  });

  test("rejects an invalid track and a wrong difficulty", () => {
    const ladder = validLadder();
    (ladder.levels["team-lead"] as Record<string, unknown>).track = "executive";
    (ladder.levels["agent-2"].requirements[2] as Record<string, unknown>).difficulty = "expert";
    const found = problems(ladder).join("\n");
    expect(found).toContain("levels.team-lead.track");
    expect(found).toContain("levels.agent-2.requirements[2].difficulty");
  });

  test("rejects a minimum average outside the 0–2 scale and a fractional overLast", () => {
    const ladder = validLadder();
    Object.assign(ladder.levels["agent-2"].requirements[1] as object, { minimumAverage: 2.5, overLast: 2.5 });
    const found = problems(ladder).join("\n");
    expect(found).toContain("requirements[1].minimumAverage: must be at most 2");
    expect(found).toContain("requirements[1].overLast");
  });

  test("`from` must name existing level keys", () => {
    const ladder = validLadder();
    ladder.levels["senior-agent"].from = ["agent-3"];
    expect(problems(ladder).join("\n")).toContain("levels.senior-agent.from[0]: must be one of agent-1");
  });

  test("rejects a level following itself, cycles, duplicate from and no single entry level", () => {
    const self = validLadder();
    self.levels["agent-2"].from = ["agent-1", "agent-2"];
    expect(problems(self).join("\n")).toContain("a level cannot follow itself");

    const cycle = validLadder();
    cycle.levels["agent-2"].from = ["support-manager"];
    const found = problems(cycle).join("\n");
    expect(found).toContain("must not form a cycle");

    const dup = validLadder();
    dup.levels["agent-2"].from = ["agent-1", "agent-1"];
    expect(problems(dup).join("\n")).toContain('duplicate level "agent-1"');

    const twoRoots = validLadder();
    twoRoots.levels["team-lead"].from = [];
    expect(problems(twoRoots).join("\n")).toContain("exactly one level must be the entry level");
  });

  test("rejects duplicate module slugs within a requirement", () => {
    const ladder = validLadder();
    (ladder.levels["agent-2"].requirements[0] as { slugs: string[] }).slugs = ["how-support-works", "how-support-works"];
    expect(problems(ladder).join("\n")).toContain('duplicate module "how-support-works"');
  });
});

describe("checkLadder", () => {
  const parsed = () => LadderSchema.parse(validLadder());

  test("no problems when every reference exists", () => {
    expect(checkLadder(parsed(), CONTEXT)).toEqual([]);
  });

  test("reports unknown module slugs and competency keys with where", () => {
    const ladder = validLadder();
    (ladder.levels["agent-2"].requirements[0] as { slugs: string[] }).slugs = ["how-support-works", "how-to-juggle"];
    (ladder.levels["agent-2"].requirements[1] as { competency: string }).competency = "telepathy";
    expect(checkLadder(LadderSchema.parse(ladder), CONTEXT)).toEqual([
      { where: "levels.agent-2.requirements[0].slugs[1]", message: 'unknown module "how-to-juggle"' },
      { where: "levels.agent-2.requirements[1].competency", message: 'unknown competency "telepathy"' },
    ]);
  });

  test("reports unknown and missing levels in an unchecked ladder", () => {
    const ladder = parsed() as unknown as { levels: Record<string, { from: string[] }> };
    ladder.levels["director"] = ladder.levels["support-manager"];
    ladder.levels["senior-agent"] = { ...ladder.levels["senior-agent"], from: ["agent-3"] };
    delete ladder.levels["support-manager"];
    expect(checkLadder(ladder as unknown as Ladder, CONTEXT)).toEqual([
      { where: "levels.director", message: 'unknown level "director"' },
      { where: "levels.senior-agent.from[0]", message: 'unknown level "agent-3"' },
      { where: "levels.support-manager", message: 'missing level "support-manager"' },
    ]);
  });

  test("optionally reports competencies no rubric grades and unachievable scenario counts", () => {
    const found = checkLadder(parsed(), { ...CONTEXT, gradedCompetencies: ["resolution"], scenarioDifficulties: ["starter", "advanced"] });
    expect(found).toEqual([
      { where: "levels.agent-2.requirements[1].competency", message: 'no rubric criterion grades "empathy", so it can never be measured' },
      { where: "levels.agent-2.requirements[2].count", message: "asks for 2 starter scenarios but only 1 exist" },
    ]);
  });

  test("keyedLevel adds the key", () => {
    expect(keyedLevel(parsed(), "team-lead")).toMatchObject({ key: "team-lead", title: "Team Lead", track: "management" });
  });
});

describe("content/career/ladder.yml", () => {
  const raw = parseYaml(fs.readFileSync(path.join(ROOT, "content/career/ladder.yml"), "utf8"));
  const moduleSlugs = ["onboarding", "ongoing"].flatMap((track) =>
    fs
      .readdirSync(path.join(ROOT, "content/modules", track))
      .filter((name) => name.endsWith(".mdx"))
      .map((name) => name.replace(/\.mdx$/, "")),
  );
  const competencyKeys = (parseYaml(fs.readFileSync(path.join(ROOT, "content/competencies.yml"), "utf8")) as { key: string }[]).map(
    (c) => c.key,
  );
  const rubricsDir = path.join(ROOT, "content/rubrics");
  const gradedCompetencies = fs
    .readdirSync(rubricsDir)
    .flatMap((name) =>
      (parseYaml(fs.readFileSync(path.join(rubricsDir, name), "utf8")) as { criteria: { competency: string }[] }).criteria.map(
        (c) => c.competency,
      ),
    );
  const scenariosDir = path.join(ROOT, "content/scenarios");
  const scenarioDifficulties = fs
    .readdirSync(scenariosDir)
    .map(
      (name) =>
        (parseYaml(fs.readFileSync(path.join(scenariosDir, name), "utf8")) as { difficulty: "starter" | "intermediate" | "advanced" })
          .difficulty,
    );

  test("parses and every reference exists, is graded and achievable", () => {
    expect(problems(raw)).toEqual([]);
    const ladder = LadderSchema.parse(raw);
    expect(checkLadder(ladder, { moduleSlugs, competencyKeys, gradedCompetencies, scenarioDifficulties })).toEqual([]);
  });

  test("has the two tracks, titles matching the level labels", () => {
    const ladder = LadderSchema.parse(raw);
    expect(Object.entries(ladder.levels).map(([key, l]) => [key, l.title, l.track])).toEqual([
      ["agent-1", "Agent I", "ic"],
      ["agent-2", "Agent II", "ic"],
      ["senior-agent", "Senior Agent", "ic"],
      ["team-lead", "Team Lead", "management"],
      ["support-manager", "Support Manager", "management"],
    ]);
  });
});
