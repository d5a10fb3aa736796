// `scripts/grade.ts` as a command: what it prints to stdout and stderr and the
// exit code, for reply files (--input) and whole transcripts (--transcript).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";

const TSX = path.resolve("node_modules/.bin/tsx");
const SCRIPT = "scripts/grade.ts";
const EMPATHY = ["empathy.emotional-reaction", "empathy.interpretation", "empathy.exploration"];
// Spawning tsx is slower than an in-process test; this is an allowance, not a measurement.
const SPAWN_ALLOWANCE = 60_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "grade-command-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let files = 0;
function write(name: string, content: string): string {
  const file = path.join(dir, `${++files}-${name}`);
  fs.writeFileSync(file, content);
  return file;
}

function run(...args: string[]) {
  const result = spawnSync(TSX, [SCRIPT, ...args], { cwd: process.cwd(), encoding: "utf8", env: { ...process.env, NODE_ENV: "test" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

type LineResult = { id: string; criteria: Record<string, { level: number; evidence: string[] }> };

function expectReplyShape(value: unknown): asserts value is LineResult {
  expect(Object.keys(value as object).sort()).toEqual(["criteria", "id"]);
  const { id, criteria } = value as LineResult;
  expect(typeof id).toBe("string");
  for (const criterionId of EMPATHY) {
    const result = criteria[criterionId];
    expect(result, criterionId).toBeDefined();
    expect(Number.isInteger(result.level)).toBe(true);
    expect([0, 1, 2]).toContain(result.level);
    expect(Array.isArray(result.evidence)).toBe(true);
    for (const text of result.evidence) expect(typeof text).toBe("string");
  }
}

const reply = (id: string, customer: string, agent: string) => JSON.stringify({ id, customer, agent });

describe("--input", () => {
  test("prints exactly one JSON line per input line, in order, and nothing else", { timeout: SPAWN_ALLOWANCE }, () => {
    const lines = [
      reply(
        "first",
        "My daughter's play kitchen arrived broken and the party is on Saturday.",
        "I'm so sorry your daughter's play kitchen arrived broken. Is it this exact kitchen you need for Saturday, or anything that arrives in time?",
      ),
      reply("second", "My parcel is late.", "Sorry for the inconvenience. Can you tell me more?"),
      reply("third", "Where is my refund?", "Refunds take 5 days."),
    ];
    const { status, stdout, stderr } = run("--input", write("replies.jsonl", `${lines.join("\n")}\n`));
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout.endsWith("\n")).toBe(true);
    const out = stdout.trimEnd().split("\n");
    expect(out).toHaveLength(3);
    const parsed = out.map((line) => JSON.parse(line) as unknown);
    parsed.forEach((value) => expectReplyShape(value));
    const results = parsed as LineResult[];
    expect(results.map((result) => result.id)).toEqual(["first", "second", "third"]);

    expect(results[0].criteria["empathy.emotional-reaction"]).toEqual({
      level: 2,
      evidence: ["I'm so sorry your daughter's play kitchen arrived broken."],
    });
    expect(results[0].criteria["empathy.exploration"].level).toBe(2);
    expect(results[1].criteria["empathy.emotional-reaction"]).toEqual({ level: 1, evidence: ["Sorry for the inconvenience."] });
    expect(results[1].criteria["empathy.exploration"]).toEqual({ level: 1, evidence: ["Can you tell me more?"] });
    for (const criterionId of EMPATHY) expect(results[2].criteria[criterionId]).toEqual({ level: 0, evidence: [] });
  });

  test("blank lines are skipped without output", { timeout: SPAWN_ALLOWANCE }, () => {
    const file = write("blank.jsonl", `\n${reply("a", "Hi", "Hello.")}\n\n   \n${reply("b", "Hi", "Hello again.")}\n`);
    const { status, stdout, stderr } = run("--input", file);
    expect(status).toBe(0);
    expect(stderr).toBe("");
    expect(
      stdout
        .trimEnd()
        .split("\n")
        .map((line) => (JSON.parse(line) as LineResult).id),
    ).toEqual(["a", "b"]);
  });

  test(
    "a malformed line is reported on stderr with its line number, exits 1, and the valid lines are still graded",
    { timeout: SPAWN_ALLOWANCE },
    () => {
      const file = write(
        "mixed.jsonl",
        [
          reply("ok-1", "My parcel is late.", "Sorry for the inconvenience."),
          "{not json",
          reply("ok-2", "My parcel is late.", "What happened?"),
          JSON.stringify({ id: "no-agent", customer: "x" }),
          reply("ok-3", "Hi", "Hello."),
        ].join("\n"),
      );
      const { status, stdout, stderr } = run("--input", file);
      expect(status).toBe(1);
      const out = stdout.trimEnd().split("\n");
      expect(out.map((line) => (JSON.parse(line) as LineResult).id)).toEqual(["ok-1", "ok-2", "ok-3"]);
      out.forEach((line) => expectReplyShape(JSON.parse(line)));
      const problems = stderr.trimEnd().split("\n");
      expect(problems).toHaveLength(2);
      expect(problems[0]).toContain(`${file}:2:`);
      expect(problems[1]).toContain(`${file}:4:`);
      expect(problems[1]).toContain("agent");
      // Problems go to stderr only.
      expect(stdout).not.toContain("no-agent");
    },
  );

  test(
    "grades Chinese replies in either script with the same contract, and a reply in another language than `lang` earns nothing",
    { timeout: SPAWN_ALLOWANCE },
    () => {
      const customer = "我女儿的玩具厨房送来就是坏的，派对就在周六。";
      const strong = "真的很抱歉，您女儿的玩具厨房送来就坏了，派对又在周六，换作是我也会很着急。请问是门坏了还是整个架子都坏了？";
      const lines = [
        JSON.stringify({ id: "hans", customer, agent: strong }),
        JSON.stringify({
          id: "hant",
          customer: "我女兒的玩具廚房送來就是壞的，派對就在週六。",
          agent: "真的很抱歉，您女兒的玩具廚房送來就壞了，派對又在週六，換作是我也會很著急。請問是門壞了還是整個架子都壞了？",
          lang: "zh-Hant",
        }),
        JSON.stringify({ id: "stock", customer, agent: "给您带来不便，深表歉意。感谢您的耐心等待。" }),
        JSON.stringify({
          id: "english-in-chinese",
          customer,
          agent: "I'm so sorry your daughter's kitchen arrived broken before the party.",
          lang: "zh-Hans",
        }),
      ];
      const { status, stdout, stderr } = run("--input", write("chinese.jsonl", `${lines.join("\n")}\n`));
      expect(stderr).toBe("");
      expect(status).toBe(0);
      const results = stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as LineResult);
      for (const result of results) expectReplyShape(result);
      const level = (id: string, criterion: string) => results.find((result) => result.id === id)!.criteria[criterion].level;
      for (const id of ["hans", "hant"]) {
        expect(level(id, "empathy.emotional-reaction")).toBe(2);
        expect(level(id, "empathy.exploration")).toBe(2);
      }
      expect(level("stock", "empathy.emotional-reaction")).toBe(1);
      expect(level("stock", "empathy.interpretation")).toBe(0);
      for (const criterion of EMPATHY) expect(level("english-in-chinese", criterion)).toBe(0);
    },
  );
});

describe("--transcript", () => {
  test("prints a full grade for a scenario conversation", { timeout: SPAWN_ALLOWANCE }, () => {
    const file = write(
      "transcript.json",
      JSON.stringify({
        scenario: "damaged-item-deadline",
        turns: [
          {
            from: "customer",
            text: "Hi, my daughter's birthday present just arrived and it's broken. The party is this weekend and I don't know what to do.",
          },
          {
            from: "agent",
            text: "Hi Dana, I'm so sorry your daughter's present arrived broken right before her party. Could you send me your order number and a photo of the damage?",
            ms: 30_000,
          },
          { from: "customer", text: "It's order 48213, placed on the 3rd. Sure, I've just attached a photo." },
          {
            from: "agent",
            text: "Thank you, Dana. I'll send you a new one free with express shipping. It should arrive within 1 to 2 business days. Does that work for you?",
            ms: 40_000,
          },
        ],
      }),
    );
    const { status, stdout, stderr } = run("--transcript", file);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const grade = JSON.parse(stdout) as {
      overallScore: number;
      passed: boolean;
      graderVersion: string;
      rubricVersions: Record<string, number>;
      criteria: { id: string; level: number; applicable: boolean; evidence: { turn: number; span: [number, number]; text: string }[] }[];
    };
    expect(typeof grade.overallScore).toBe("number");
    expect(grade.overallScore).toBeGreaterThanOrEqual(0);
    expect(grade.overallScore).toBeLessThanOrEqual(100);
    expect(typeof grade.graderVersion).toBe("string");
    expect(Object.keys(grade.rubricVersions).sort()).toEqual(["communication", "critical", "efficiency", "empathy", "resolution"]);
    const ids = grade.criteria.map((criterion) => criterion.id);
    for (const id of [
      ...EMPATHY,
      "resolution.correct-fix",
      "resolution.gathered-information",
      "efficiency.reply-time",
      "critical.protects-secrets",
    ])
      expect(ids).toContain(id);
    const byId = new Map(grade.criteria.map((criterion) => [criterion.id, criterion]));
    expect(byId.get("resolution.gathered-information")!.level).toBe(2);
    expect(byId.get("resolution.correct-fix")!.level).toBe(2);
    expect(byId.get("efficiency.reply-time")!.applicable).toBe(true);
    expect(byId.get("empathy.emotional-reaction")!.evidence[0]).toMatchObject({
      turn: 1,
      span: [0, 84],
      text: "Hi Dana, I'm so sorry your daughter's present arrived broken right before her party.",
    });
  });

  test("an unknown scenario is reported on stderr and exits 1", { timeout: SPAWN_ALLOWANCE }, () => {
    const file = write("unknown.json", JSON.stringify({ scenario: "no-such-scenario", turns: [{ from: "agent", text: "Hello." }] }));
    const { status, stdout, stderr } = run("--transcript", file);
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("no-such-scenario");
  });

  test("a transcript that is not valid is reported on stderr and exits 1", { timeout: SPAWN_ALLOWANCE }, () => {
    const file = write("invalid.json", JSON.stringify({ scenario: "damaged-item-deadline", turns: [] }));
    const { status, stdout, stderr } = run("--transcript", file);
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("turns");
  });
});

describe("usage", () => {
  test.each([[[]], [["--input"]], [["--grade", "x.jsonl"]], [["x.jsonl"]]])(
    "%j exits 2 with the usage on stderr",
    { timeout: SPAWN_ALLOWANCE },
    (args) => {
      const { status, stdout, stderr } = run(...args);
      expect(status).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toContain("Usage:");
    },
  );

  test("a file that does not exist exits 2", { timeout: SPAWN_ALLOWANCE }, () => {
    const missing = path.join(dir, "missing.jsonl");
    const { status, stdout, stderr } = run("--input", missing);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(missing);
  });
});
