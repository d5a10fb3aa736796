import { describe, expect, test } from "vitest";
import { inEnglish } from "../../../tests/support/english.ts";
import { LadderSchema, type KeyedLadderLevel, type Requirement } from "../../content/career-schemas.ts";
import {
  addMonths,
  automaticOnlyRequirements,
  attemptCompetencyLevel,
  competencyAverage,
  evaluateLevel,
  formatAverage,
  nextLevels,
  nominationLevels,
  wholeMonthsBetween,
  type CareerAttempt,
  type CareerCatalog,
  type CareerCriterion,
  type CareerEvidence,
} from "./evaluate.ts";

const NOW = new Date("2025-06-15T12:00:00Z");
const day = (iso: string) => new Date(`${iso}T09:00:00Z`);

function evidence(overrides: Partial<CareerEvidence> = {}): CareerEvidence {
  return {
    completedModules: [],
    attempts: [],
    coachingSessions: [],
    mentoring: [],
    currentLevel: { key: "agent-1", since: day("2025-01-10") },
    signOffs: [],
    ...overrides,
  };
}

const crit = (competency: string, level: number, overrides: Partial<CareerCriterion> = {}): CareerCriterion => ({
  competency,
  level,
  overrideLevel: null,
  maxLevel: 2,
  applicable: true,
  ...overrides,
});

let counter = 0;
function attempt(overrides: Partial<CareerAttempt> = {}): CareerAttempt {
  counter += 1;
  return {
    id: `a${counter}`,
    scenarioSlug: "damaged-item-deadline",
    difficulty: "starter",
    passed: true,
    startedAt: new Date(Date.UTC(2025, 5, 1) - counter * 3_600_000),
    criteria: [],
    ...overrides,
  };
}

const level = (
  key: KeyedLadderLevel["key"],
  requirements: Requirement[],
  from: KeyedLadderLevel["from"] = ["agent-1"],
): KeyedLadderLevel => ({
  key,
  title: {
    "agent-1": "Agent I",
    "agent-2": "Agent II",
    "senior-agent": "Senior Agent",
    "team-lead": "Team Lead",
    "support-manager": "Support Manager",
  }[key],
  track: key === "team-lead" || key === "support-manager" ? "management" : "ic",
  summary: "A level on the ladder used in tests.",
  from,
  requirements,
});

const CATALOG: CareerCatalog = {
  modules: [
    { slug: "how-support-works", title: "How support works and what customers value" },
    { slug: "reading-your-metrics", title: "Reading your own metrics" },
    { slug: "coaching-basics-for-leads", title: "Coaching basics for aspiring team leads" },
  ],
  scenarios: [
    {
      slug: "damaged-item-deadline",
      title: "Damaged item before a deadline",
      difficulty: "starter",
      competencies: ["empathy", "resolution"],
    },
    {
      slug: "late-delivery",
      title: "Parcel two days late",
      difficulty: "starter",
      competencies: ["empathy", "resolution", "communication"],
    },
    {
      slug: "charged-twice",
      title: "Charged twice this month",
      difficulty: "intermediate",
      competencies: ["resolution", "empathy", "efficiency"],
    },
    { slug: "service-outage", title: "Outage on a Friday night", difficulty: "advanced", competencies: ["de-escalation"] },
    {
      slug: "refund-outside-policy",
      title: "Refund demand after the return window",
      difficulty: "advanced",
      competencies: ["de-escalation"],
    },
  ],
};

/** A level's evaluation as the English interface words it (the engine returns catalog messages). */
function evaluateInEnglish(...args: Parameters<typeof evaluateLevel>) {
  const result = evaluateLevel(...args);
  return {
    ...result,
    nextSteps: result.nextSteps.map((step) => inEnglish(step)),
    requirements: result.requirements.map((requirement) => ({
      ...requirement,
      nextStep: inEnglish(requirement.nextStep),
      evidence: requirement.evidence.map((link) => ({ ...link, label: inEnglish(link.label) })),
    })),
  };
}

const one = (requirement: Requirement, ev: CareerEvidence, catalog: CareerCatalog = CATALOG, key: KeyedLadderLevel["key"] = "agent-2") =>
  evaluateInEnglish(level(key, [requirement]), ev, NOW, catalog).requirements[0];

describe("modules requirement", () => {
  const requirement: Requirement = {
    kind: "modules",
    slugs: ["how-support-works", "reading-your-metrics", "coaching-basics-for-leads"],
    description: "Complete the modules.",
  };

  test("met when every module is completed, with links as evidence", () => {
    const result = one(
      requirement,
      evidence({ completedModules: requirement.slugs.map((slug) => ({ slug, completedAt: day("2025-03-01") })) }),
    );
    expect(result).toMatchObject({ kind: "modules", met: true, progress: 1, nextStep: null });
    expect(result.evidence[1]).toEqual({ label: "Reading your own metrics", href: "/learn/modules/reading-your-metrics" });
  });

  test("partial: progress is the completed share; the next step names the first missing module", () => {
    const result = one(requirement, evidence({ completedModules: [{ slug: "how-support-works", completedAt: day("2025-03-01") }] }));
    expect(result.met).toBe(false);
    expect(result.progress).toBeCloseTo(1 / 3);
    expect(result.nextStep).toBe("Complete “Reading your own metrics” and 1 more module");
  });

  test("not met: nothing completed; one missing module reads without a count; slug without a catalog", () => {
    expect(one(requirement, evidence())).toMatchObject({ met: false, progress: 0, evidence: [] });
    const single: Requirement = { kind: "modules", slugs: ["reading-your-metrics"], description: "Complete the module." };
    expect(one(single, evidence()).nextStep).toBe("Complete “Reading your own metrics”");
    expect(one(single, evidence(), {}).nextStep).toBe("Complete “reading-your-metrics”");
  });
});

describe("competency requirement", () => {
  const requirement: Requirement = {
    kind: "competency",
    competency: "empathy",
    minimumAverage: 1.5,
    overLast: 5,
    description: "Empathy ≥ 1.5.",
  };
  const empathyAttempts = (levels: number[]) => levels.map((lvl) => attempt({ criteria: [crit("empathy", lvl), crit("resolution", 0)] }));

  test("says how much of its evidence came from practice and real work, and how much a person reviewed", () => {
    const attempts = [
      attempt({ criteria: [crit("empathy", 2)], source: "real", difficulty: null, reviewed: true }),
      attempt({ criteria: [crit("empathy", 2)], source: "real", difficulty: null }),
      ...empathyAttempts([2, 1, 2]),
    ];
    const result = one(requirement, evidence({ attempts }));
    expect(result.sources).toEqual({ practice: 3, real: 2, reviewed: 1 });
    expect(inEnglish(result.evidence[0].label)).toBe("Real conversation — empathy 2.0");
  });

  test("evidence no person reviewed is automatic only, and a promotion must not rest on it", () => {
    const target = level("agent-2", [requirement, { kind: "modules", slugs: ["one"], description: "Read one." }]);
    const unreviewed = evaluateLevel(target, evidence({ attempts: empathyAttempts([2, 2, 2, 2, 2]) }), NOW);
    expect(automaticOnlyRequirements(unreviewed).map((entry) => entry.description)).toEqual(["Empathy ≥ 1.5."]);
    const oneReviewed = evaluateLevel(
      target,
      evidence({ attempts: [attempt({ criteria: [crit("empathy", 2)], reviewed: true }), ...empathyAttempts([2, 2, 2, 2])] }),
      NOW,
    );
    expect(automaticOnlyRequirements(oneReviewed)).toEqual([]);
    // With no evidence at all there is nothing automatic to rest on.
    expect(automaticOnlyRequirements(evaluateLevel(target, evidence(), NOW))).toEqual([]);
  });

  test("met when the average over the last 5 attempts reaches the minimum", () => {
    const result = one(requirement, evidence({ attempts: empathyAttempts([2, 2, 1, 2, 1]) }));
    expect(result).toMatchObject({ met: true, progress: 1, nextStep: null });
    expect(result.evidence).toHaveLength(5);
    expect(result.evidence[0].href).toMatch(/^\/practice\/attempts\/a\d+$/);
    expect(result.evidence[0].label).toBe("Damaged item before a deadline — empathy 2.0");
  });

  test("not met: average too low — raise it, practising a scenario that grades it", () => {
    const result = one(requirement, evidence({ attempts: empathyAttempts([1, 1, 2, 1, 1]) }));
    expect(result.met).toBe(false);
    // average 1.2 of 1.5 → 0.8, count 5 of 5 → 1; progress is the mean
    expect(result.progress).toBeCloseTo(0.9);
    // both starter empathy scenarios were attempted but only damaged-item was passed; late-delivery is unpassed → suggested
    expect(result.nextStep).toBe("Raise empathy from 1.2 to 1.5: practise “Parcel two days late”");
  });

  test("only the last N attempts count (newest first, even if given out of order)", () => {
    const old = empathyAttempts([0, 0, 0]).map((a) => ({ ...a, startedAt: day("2024-01-01") }));
    const recent = empathyAttempts([2, 2, 2, 2, 2]);
    const result = one(requirement, evidence({ attempts: [...old, ...recent].reverse() }));
    expect(result.met).toBe(true);
  });

  test("partial: high enough but too few graded attempts", () => {
    const result = one(requirement, evidence({ attempts: empathyAttempts([2, 2]) }));
    expect(result.met).toBe(false);
    expect(result.progress).toBeCloseTo((1 + 2 / 5) / 2);
    expect(result.nextStep).toBe("Complete 3 more graded attempts that assess empathy: practise “Parcel two days late”");
  });

  test("not measured yet: progress 0 and a first step", () => {
    const result = one(requirement, evidence({ attempts: [attempt({ criteria: [crit("resolution", 2)] })] }), {});
    expect(result).toMatchObject({ met: false, progress: 0, evidence: [] });
    expect(result.nextStep).toBe("Start measuring empathy: practise a scenario graded on empathy (5 graded attempts needed)");
  });

  test("reviewed levels take precedence over the automatic level", () => {
    // Automatic 2 everywhere, but a lead reviewed three down to 0 → average 0.8.
    const attempts = [2, 2, 2, 2, 2].map((_, i) => attempt({ criteria: [crit("empathy", 2, { overrideLevel: i < 3 ? 0 : null })] }));
    const result = one(requirement, evidence({ attempts }));
    expect(result.met).toBe(false);
    expect(result.nextStep).toMatch(/^Raise empathy from 0\.8 to 1\.5/);
    // …and an override upwards can meet it.
    const raised = [0, 0, 0, 0, 0].map(() => attempt({ criteria: [crit("empathy", 0, { overrideLevel: 2 })] }));
    expect(one(requirement, evidence({ attempts: raised })).met).toBe(true);
  });

  test("levels are normalised to 0–2 and not-applicable criteria are ignored", () => {
    const a = attempt({ criteria: [crit("empathy", 3, { maxLevel: 4 }), crit("empathy", 0, { applicable: false }), crit("empathy", 1)] });
    expect(attemptCompetencyLevel(a, "empathy")).toBeCloseTo((1.5 + 1) / 2);
    expect(attemptCompetencyLevel(attempt({ criteria: [crit("empathy", 0, { applicable: false })] }), "empathy")).toBeNull();
    const { average, used } = competencyAverage([a, attempt({ criteria: [crit("resolution", 2)] })], "empathy", 5);
    expect(used).toHaveLength(1);
    expect(average).toBe(1.25);
  });
});

describe("scenarios requirement", () => {
  const requirement: Requirement = { kind: "scenarios", difficulty: "advanced", count: 2, description: "Pass 2 advanced scenarios." };

  test("met with two distinct passed scenarios of that difficulty", () => {
    const attempts = [
      attempt({ scenarioSlug: "service-outage", difficulty: "advanced", passed: true }),
      attempt({ scenarioSlug: "refund-outside-policy", difficulty: "advanced", passed: true }),
    ];
    const result = one(requirement, evidence({ attempts }));
    expect(result).toMatchObject({ met: true, progress: 1, nextStep: null });
    expect(result.evidence.map((e) => e.label)).toEqual([
      "Passed “Outage on a Friday night”",
      "Passed “Refund demand after the return window”",
    ]);
    expect(result.evidence[0].href).toBe(`/practice/attempts/${attempts[0].id}`);
  });

  test("partial: repeats of the same scenario, failures and other difficulties do not count", () => {
    const attempts = [
      attempt({ scenarioSlug: "service-outage", difficulty: "advanced", passed: true }),
      attempt({ scenarioSlug: "service-outage", difficulty: "advanced", passed: true }),
      attempt({ scenarioSlug: "refund-outside-policy", difficulty: "advanced", passed: false }),
      attempt({ scenarioSlug: "charged-twice", difficulty: "intermediate", passed: true }),
    ];
    const result = one(requirement, evidence({ attempts }));
    expect(result).toMatchObject({ met: false, progress: 0.5 });
    expect(result.evidence).toHaveLength(1);
    expect(result.nextStep).toBe("Pass 1 more advanced scenario: try “Refund demand after the return window”");
    expect(one(requirement, evidence({ attempts }), {}).nextStep).toBe("Pass 1 more advanced scenario");
  });

  test("not met: none passed", () => {
    expect(one(requirement, evidence(), {})).toMatchObject({ met: false, progress: 0, nextStep: "Pass 2 more advanced scenarios" });
  });
});

describe("coaching-sessions requirement", () => {
  const requirement: Requirement = { kind: "coaching-sessions", count: 3, description: "Attend 3 sessions." };
  const session = (id: string, iso: string) => ({ id, scheduledAt: day(iso) });

  test("met with enough attended sessions, linked newest first", () => {
    const result = one(
      requirement,
      evidence({ coachingSessions: [session("s1", "2025-03-03"), session("s2", "2025-04-07"), session("s3", "2025-05-05")] }),
    );
    expect(result).toMatchObject({ met: true, progress: 1, nextStep: null });
    expect(result.evidence[0]).toEqual({ label: "Coaching session, 5 May 2025", href: "/coaching/sessions/s3" });
  });

  test("partial: sessions scheduled after now do not count", () => {
    const result = one(requirement, evidence({ coachingSessions: [session("s1", "2025-03-03"), session("s2", "2025-07-01")] }));
    expect(result.progress).toBeCloseTo(1 / 3);
    expect(result.nextStep).toBe("Attend 2 more 1:1 coaching sessions");
  });

  test("not met: none attended", () => {
    expect(one(requirement, evidence())).toMatchObject({ met: false, progress: 0, nextStep: "Attend 3 more 1:1 coaching sessions" });
  });
});

describe("mentoring-given requirement", () => {
  const requirement: Requirement = { kind: "mentoring-given", mentees: 2, description: "Mentor 2 colleagues." };

  test("met: distinct mentees, linked to the pairing", () => {
    const result = one(
      requirement,
      evidence({
        mentoring: [
          { pairingId: "p1", menteeId: "u1", menteeName: "Ana" },
          { pairingId: "p2", menteeId: "u2" },
        ],
      }),
    );
    expect(result).toMatchObject({ met: true, progress: 1, nextStep: null });
    expect(result.evidence).toEqual([
      { label: "Mentored Ana", href: "/mentoring/pairings/p1" },
      { label: "Mentored a colleague", href: "/mentoring/pairings/p2" },
    ]);
  });

  test("partial: the same mentee twice counts once", () => {
    const result = one(
      requirement,
      evidence({
        mentoring: [
          { pairingId: "p1", menteeId: "u1" },
          { pairingId: "p3", menteeId: "u1" },
        ],
      }),
    );
    expect(result).toMatchObject({ met: false, progress: 0.5, nextStep: "Mentor 1 more colleague" });
  });

  test("not met: no mentees yet", () => {
    expect(one(requirement, evidence())).toMatchObject({
      met: false,
      progress: 0,
      nextStep: "Offer to mentor a colleague: set up your mentor profile",
    });
  });
});

describe("months-in-role requirement", () => {
  const requirement: Requirement = { kind: "months-in-role", months: 3, description: "3 months as Agent I." };

  test("met after enough whole months at the preceding level", () => {
    const result = one(requirement, evidence({ currentLevel: { key: "agent-1", since: day("2025-01-10") } }));
    expect(result).toMatchObject({ met: true, progress: 1, nextStep: null });
    expect(result.evidence).toEqual([{ label: "Agent I since 10 Jan 2025 (5 months)", href: null }]);
  });

  test("partial: counts whole months and says when it will be met", () => {
    const result = one(requirement, evidence({ currentLevel: { key: "agent-1", since: day("2025-04-20") } }));
    expect(result.met).toBe(false);
    expect(result.progress).toBeCloseTo(1 / 3);
    expect(result.nextStep).toBe("Keep building experience as Agent I until 20 Jul 2025 (2 more months)");
  });

  test("not met when the person is not yet at the level this one follows", () => {
    const senior = evaluateInEnglish(level("senior-agent", [{ ...requirement, months: 12 }], ["agent-2"]), evidence(), NOW).requirements[0];
    expect(senior).toMatchObject({ met: false, progress: 0, nextStep: "Reach Agent II first — time in role counts from then" });
  });

  test("month arithmetic", () => {
    expect(wholeMonthsBetween(day("2025-01-31"), day("2025-02-28"))).toBe(0);
    expect(wholeMonthsBetween(day("2024-06-15"), day("2025-06-15"))).toBe(12);
    expect(addMonths(day("2025-01-31"), 1).toISOString().slice(0, 10)).toBe("2025-02-28");
  });
});

describe("lead-sign-off requirement", () => {
  const requirement: Requirement = { kind: "lead-sign-off", description: "Your lead signs off." };

  test("met by a sign-off for this level", () => {
    const result = one(
      requirement,
      evidence({ signOffs: [{ level: "agent-2", signedOff: true, by: "Maya Chen", at: day("2025-06-02") }] }),
    );
    expect(result).toMatchObject({ met: true, progress: 1, nextStep: null });
    expect(result.evidence).toEqual([{ label: "Signed off by Maya Chen on 2 Jun 2025", href: null }]);
  });

  test("not met by a sign-off for another level or a withdrawn one", () => {
    const result = one(
      requirement,
      evidence({
        signOffs: [
          { level: "senior-agent", signedOff: true, by: "Maya Chen", at: day("2025-06-02") },
          { level: "agent-2", signedOff: false, by: "Maya Chen", at: day("2025-06-03") },
        ],
      }),
    );
    expect(result).toMatchObject({
      met: false,
      progress: 0,
      evidence: [],
      nextStep: "Ask your lead to sign off your readiness for Agent II",
    });
  });
});

describe("evaluateLevel", () => {
  const requirements: Requirement[] = [
    { kind: "modules", slugs: ["how-support-works", "reading-your-metrics"], description: "Complete the modules." },
    { kind: "scenarios", difficulty: "starter", count: 2, description: "Pass 2 starter scenarios." },
    { kind: "coaching-sessions", count: 2, description: "Attend 2 sessions." },
    { kind: "mentoring-given", mentees: 1, description: "Mentor a colleague." },
    { kind: "lead-sign-off", description: "Your lead signs off." },
  ];

  test("percentReady is the mean progress ×100, rounded; nextSteps are the first 3 unmet steps", () => {
    const result = evaluateInEnglish(
      level("agent-2", requirements),
      evidence({
        completedModules: [{ slug: "how-support-works", completedAt: day("2025-02-01") }], // 0.5
        attempts: [attempt({ scenarioSlug: "damaged-item-deadline" })], // 0.5
        coachingSessions: [
          { id: "s1", scheduledAt: day("2025-05-01") },
          { id: "s2", scheduledAt: day("2025-05-20") },
        ], // 1
        // mentoring 0, sign-off 0
      }),
      NOW,
      CATALOG,
    );
    expect(result).toMatchObject({ level: "agent-2", title: "Agent II", track: "ic", ready: false, percentReady: 40 });
    expect(result.nextSteps).toEqual([
      "Complete “Reading your own metrics”",
      "Pass 1 more starter scenario: try “Parcel two days late”",
      "Offer to mentor a colleague: set up your mentor profile",
    ]);
  });

  test("rounds percentReady", () => {
    const result = evaluateInEnglish(
      level("agent-2", requirements.slice(0, 3)),
      evidence({ completedModules: [{ slug: "how-support-works", completedAt: day("2025-02-01") }] }),
      NOW,
    );
    expect(result.percentReady).toBe(17); // (0.5 + 0 + 0) / 3
  });

  test("ready at 100% with no next steps; a level without requirements is 100% ready", () => {
    const result = evaluateInEnglish(
      level("agent-2", [requirements[4]]),
      evidence({ signOffs: [{ level: "agent-2", signedOff: true, by: "Lee", at: day("2025-06-01") }] }),
      NOW,
    );
    expect(result).toMatchObject({ ready: true, percentReady: 100, nextSteps: [] });
    expect(evaluateInEnglish(level("agent-1", [], []), evidence(), NOW)).toMatchObject({ ready: true, percentReady: 100, nextSteps: [] });
  });

  test("formats averages with one or two decimals", () => {
    expect([formatAverage(1), formatAverage(1.2), formatAverage(1.456), formatAverage(0.3)]).toEqual(["1.0", "1.2", "1.46", "0.3"]);
  });
});

describe("nextLevels", () => {
  const lvl = (title: string, track: "ic" | "management", from: string[]) => ({
    title,
    track,
    summary: `What ${title} does at work.`,
    from,
    requirements: [],
  });
  const ladder = LadderSchema.parse({
    levels: {
      "agent-1": lvl("Agent I", "ic", []),
      "agent-2": lvl("Agent II", "ic", ["agent-1"]),
      "senior-agent": lvl("Senior Agent", "ic", ["agent-2"]),
      "team-lead": lvl("Team Lead", "management", ["senior-agent"]),
      "support-manager": lvl("Support Manager", "management", ["team-lead"]),
    },
  });

  test("from the entry level: the next IC level directly, the first management level via the IC levels", () => {
    expect(nextLevels("agent-1", ladder)).toEqual([
      { key: "agent-2", title: "Agent II", track: "ic", via: [] },
      { key: "team-lead", title: "Team Lead", track: "management", via: ["agent-2", "senior-agent"] },
    ]);
  });

  test("from Senior Agent only the management track continues", () => {
    expect(nextLevels("senior-agent", ladder)).toEqual([{ key: "team-lead", title: "Team Lead", track: "management", via: [] }]);
  });

  test("on the management track", () => {
    expect(nextLevels("team-lead", ladder)).toEqual([{ key: "support-manager", title: "Support Manager", track: "management", via: [] }]);
    expect(nextLevels("support-manager", ladder)).toEqual([]);
  });

  test("a level that branches to both tracks directly", () => {
    const branching = LadderSchema.parse({
      levels: { ...ladder.levels, "team-lead": { ...ladder.levels["team-lead"], from: ["agent-2", "senior-agent"] } },
    });
    expect(nextLevels("agent-2", branching).map((n) => [n.key, n.via])).toEqual([
      ["senior-agent", []],
      ["team-lead", []],
    ]);
  });

  test("nominations are only for the levels that directly follow", () => {
    expect(nominationLevels("agent-1", ladder).map((level) => level.key)).toEqual(["agent-2"]);
    expect(nominationLevels("senior-agent", ladder).map((level) => level.key)).toEqual(["team-lead"]);
    expect(nominationLevels("support-manager", ladder)).toEqual([]);
  });
});
