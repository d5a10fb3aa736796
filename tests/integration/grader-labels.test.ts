// An organisation's own judgements as training data for the empathy model: which replies a
// conversation-level benchmark or override labels, the download admins take, and proof that
// retraining with such labels moves the grader towards them.
import { beforeAll, describe, expect, test } from "vitest";
import { compileModel, replyFeatures, scores, softmax, type EmpathyModel } from "~/engine/simulation/empathy-model.ts";
import { empathySentenceFeatures } from "~/engine/simulation/signals.ts";
import { exportLabels, replyLabels, toJsonLines } from "~/models/grader-labels.server.ts";
import * as download from "~/routes/admin+/grader-labels[.jsonl].tsx";
import { prisma } from "~/utils/db.server.ts";
import { parseLabelled, readLabelled, type LabelledItem } from "../../scripts/lib/empathy-eval.ts";
import { examplesOf, trainModel } from "../../scripts/lib/empathy-train.ts";
import { createUser, DAY_MS, gradeRecord } from "../factories/index.ts";
import { callRoute, get, sessionCookieFor } from "./request.ts";

const ER = "empathy.emotional-reaction";
const IP = "empathy.interpretation";
const EX = "empathy.exploration";

type Judged = { level: number; override?: number; overriddenAt?: Date };

/** A graded conversation: turns alternate customer, agent, customer, … */
async function conversation(userId: string, lines: string[], criteria: Record<string, Judged>, scenarioSlug = "late-delivery") {
  const attempt = await prisma.practiceAttempt.create({
    data: {
      userId,
      scenarioSlug,
      scenarioVersion: 1,
      seed: 1,
      status: "resolved",
      customerState: "{}",
      turns: { create: lines.map((text, index) => ({ index, speaker: index % 2 === 0 ? "customer" : "agent", text })) },
      grade: {
        create: gradeRecord({
          score: 70,
          criteria: Object.entries(criteria).map(([criterionId, judged]) => ({
            criterionId,
            rubricId: criterionId.split(".")[0],
            title: criterionId,
            competency: criterionId.split(".")[0],
            level: judged.level,
            overrideLevel: judged.override,
            overrideReason: judged.override === undefined ? undefined : "Our team reads this differently",
            overriddenAt: judged.override === undefined ? undefined : (judged.overriddenAt ?? new Date()),
          })),
        }),
      },
    },
  });
  return attempt.id;
}

async function benchmark(organiserId: string, attemptId: string, levels: Record<string, number | null>, updatedAt = new Date()) {
  const session = await prisma.calibrationSession.create({
    data: { title: "Empathy check", rubricId: "empathy", dueAt: new Date(), organiserId },
  });
  await prisma.calibrationItem.create({
    data: {
      sessionId: session.id,
      attemptId,
      position: 0,
      benchmarks: {
        create: Object.entries(levels).map(([criterionId, level]) => ({ criterionId, level, recordedById: organiserId, updatedAt })),
      },
    },
  });
}

const reading = (level: 0 | 1 | 2, probabilities: number[]) => ({ level, probabilities });

describe("turning a conversation's level into reply labels", () => {
  test("a level of 0 settles every reply", () => {
    const labels = replyLabels([reading(1, [0.2, 0.7, 0.1]), reading(0, [0.9, 0.05, 0.05])], 0);
    expect([...labels]).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });

  test("replies the model put above the level come down to it, and the others stay unlabelled", () => {
    const labels = replyLabels([reading(2, [0.1, 0.2, 0.7]), reading(0, [0.8, 0.1, 0.1]), reading(1, [0.2, 0.6, 0.2])], 1);
    expect([...labels]).toEqual([[0, 1]]);
  });

  test("a level above every reply goes to the one reply most likely at it", () => {
    const labels = replyLabels([reading(0, [0.6, 0.3, 0.1]), reading(1, [0.3, 0.4, 0.3]), reading(0, [0.5, 0.3, 0.2])], 2);
    expect([...labels]).toEqual([[1, 2]]);
  });
});

describe("exporting the organisation's labels", () => {
  let admin: { id: string; cookie: string };
  let agent: { id: string; name: string; email: string; cookie: string };
  let overridden: string;
  let calibrated: string;
  let raised: string;
  let old: string;
  let all: LabelledItem[];

  beforeAll(async () => {
    const adminUser = await createUser({ role: "admin" });
    admin = { id: adminUser.id, cookie: await sessionCookieFor(adminUser.id) };
    const agentUser = await createUser({ name: "Priya Raman", email: "priya.raman@example.test" });
    agent = { id: agentUser.id, name: agentUser.name, email: agentUser.email, cookie: await sessionCookieFor(agentUser.id) };

    overridden = await conversation(
      agent.id,
      [
        "My parcel is a week late and nobody has told me anything.",
        "Sorry for the inconvenience, Priya here. I've checked the tracking and your parcel is at the local depot.",
        "So when will it actually arrive?",
        "It will be delivered tomorrow before noon. If it doesn't come, write to priya.raman@example.test.",
      ],
      { [ER]: { level: 1, override: 0 }, [IP]: { level: 0 }, [EX]: { level: 0 }, "resolution.set-expectations": { level: 1, override: 2 } },
    );
    calibrated = await conversation(
      agent.id,
      ["I was charged twice for the same order.", "We apologise for any inconvenience caused. The second charge has been refunded."],
      { [ER]: { level: 1, override: 2 }, [IP]: { level: 0, override: 1 }, [EX]: { level: 0 } },
      "charged-twice",
    );
    await benchmark(admin.id, calibrated, { [ER]: 0, [IP]: null });
    raised = await conversation(
      agent.id,
      [
        "My daughter's birthday present arrived smashed and the party is on Saturday.",
        "I can send a replacement.",
        "Will it get here in time?",
        "It ships today by express courier.",
      ],
      { [ER]: { level: 0 }, [IP]: { level: 0 }, [EX]: { level: 0 } },
      "damaged-item-deadline",
    );
    await benchmark(admin.id, raised, { [EX]: 2, [ER]: null });
    old = await conversation(
      agent.id,
      ["The app crashes when I upload photos.", "Sorry about that. A fix is in the next release."],
      { [ER]: { level: 1, override: 0, overriddenAt: new Date(Date.now() - 30 * DAY_MS) } },
      "bug-escalation",
    );
    all = parseLabelled(toJsonLines(await exportLabels()), "export");
  });

  const linesOf = (items: LabelledItem[], attemptId: string) => items.filter((item) => item.id.startsWith(`org-${attemptId}-`));

  test("a lead's override labels the replies, only for the criterion judged, as training data", () => {
    const lines = linesOf(all, overridden);
    expect(lines.map((line) => line.id)).toEqual([`org-${overridden}-1`, `org-${overridden}-3`]);
    for (const line of lines) {
      expect(line.labels).toEqual({ [ER]: 0 });
      expect(line.split).toBe("dev");
      expect(line.scenario).toBe("late-delivery");
      expect(line.note).toMatch(/override/);
    }
    expect(lines[1].customer).toBe("So when will it actually arrive?");
  });

  test("a calibration benchmark wins over an override, and an N/A benchmark leaves the criterion out", () => {
    const lines = linesOf(all, calibrated);
    expect(lines).toHaveLength(1);
    expect(lines[0].labels).toEqual({ [ER]: 0 });
    expect(lines[0].note).toMatch(/calibration/);
    expect(lines[0].note).not.toMatch(/override/);
  });

  test("a level above what the model saw in every reply labels one reply, and nothing else is invented", () => {
    const lines = linesOf(all, raised);
    expect(lines).toHaveLength(1);
    expect(lines[0].labels).toEqual({ [EX]: 2 });
  });

  test("the rule-based criteria are never exported", () => {
    for (const line of all) expect(Object.keys(line.labels).every((id) => id.startsWith("empathy."))).toBe(true);
  });

  test("the agent's name and email appear nowhere in the file", () => {
    const text = JSON.stringify(all);
    expect(text).not.toMatch(/priya/i);
    expect(text).not.toMatch(/raman/i);
    expect(linesOf(all, overridden)[0].agent).toContain("[agent] here");
  });

  test("`since` keeps only judgements made from then on", async () => {
    const recent = await exportLabels({ since: new Date(Date.now() - 7 * DAY_MS) });
    expect(linesOf(all, old)).toHaveLength(1);
    expect(recent.some((line) => line.id.startsWith(`org-${old}-`))).toBe(false);
    expect(recent.some((line) => line.id.startsWith(`org-${overridden}-`))).toBe(true);
  });

  test("admins download it as a dated .jsonl file, and the download is on the audit log", async () => {
    const before = await prisma.auditEvent.count({ where: { action: "grader.labels-exported", actorId: admin.id } });
    const outcome = await callRoute<string>(download.loader, { request: get("/admin/grader-labels.jsonl", admin.cookie) });
    expect(outcome.status).toBe(200);
    expect(outcome.headers?.get("Content-Disposition")).toBe(
      `attachment; filename="frontline-labels-${new Date().toISOString().slice(0, 10)}.jsonl"`,
    );
    const downloaded = await callRoute<string>(download.loader, {
      request: get("/admin/grader-labels.jsonl?since=2000-01-01", admin.cookie),
    });
    const lines = parseLabelled(String(downloaded.body), "download");
    expect(lines.map((line) => line.id)).toEqual(all.map((line) => line.id));
    expect(await prisma.auditEvent.count({ where: { action: "grader.labels-exported", actorId: admin.id } })).toBe(before + 2);
  });

  test("anyone else gets what other admin pages give them", async () => {
    const lead = await createUser({ role: "lead" });
    for (const cookie of [agent.cookie, await sessionCookieFor(lead.id)]) {
      const outcome = await callRoute(download.loader, { request: get("/admin/grader-labels.jsonl", cookie) });
      expect(outcome.status).toBe(403);
    }
    const anonymous = await callRoute(download.loader, { request: get("/admin/grader-labels.jsonl") });
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login/);
  });

  test("a date that is not a real day is refused", async () => {
    const outcome = await callRoute(download.loader, { request: get("/admin/grader-labels.jsonl?since=2026-02-30", admin.cookie) });
    expect(outcome.status).toBe(400);
  });
});

// A team that holds stock apologies to a stricter standard than the labelling guide: "Sorry for the
// inconvenience" followed by the fix is, to them, no emotional reaction at all (the guide says weak).
const STOCK_APOLOGIES = [
  "Sorry for the inconvenience.",
  "We apologise for any inconvenience caused.",
  "Apologies for the trouble.",
  "Sorry about that.",
  "We're sorry for any inconvenience.",
  "I'm sorry to hear that.",
];
const LABELLED_CASES = [
  [
    "My parcel still hasn't arrived and it's been a week.",
    "I've checked the tracking and the parcel is at your local depot; it will be delivered tomorrow.",
  ],
  ["I was charged twice this month.", "I have refunded the second charge and it will reach your card within five working days."],
  ["I can't log in to my account.", "I've sent a reset link to the email on your account; it is valid for one hour."],
  ["The blender arrived broken.", "A replacement blender is on its way and a returns label is attached to this email."],
  ["Your app keeps crashing when I upload photos.", "Our engineers have a fix in the next release, due on Thursday."],
  ["I want to cancel my subscription.", "Your subscription is cancelled and you won't be charged again."],
  ["The invoice has the wrong company name.", "I've corrected the company name and attached the new invoice."],
];
// Kept aside: the same habit in replies the training never saw.
const ASIDE_CASES = [
  ["The courier left my package in the rain.", "I've arranged a replacement, which will be delivered on Friday."],
  ["I've been double billed for my plan.", "The duplicate payment has been reversed; you'll see it on your statement in a few days."],
  ["The password reset email never came.", "I've resent the reset email and checked it isn't being blocked."],
  ["My order came with the wrong size.", "I've booked a collection for tomorrow and the right size will ship today."],
  ["The export button does nothing.", "This is a known fault and the update that fixes it goes out next week."],
];

describe("retraining on the organisation's labels", () => {
  test("moves the grader towards them on replies it was not trained on", { timeout: 180_000 }, async () => {
    const agent = await createUser();
    const attempts: string[] = [];
    for (const [customer, fix] of LABELLED_CASES)
      for (const apology of STOCK_APOLOGIES)
        attempts.push(await conversation(agent.id, [customer, `${apology} ${fix}`], { [ER]: { level: 1, override: 0 } }));

    const exported = parseLabelled(toJsonLines(await exportLabels()), "organisation");
    const organisation = exported.filter((item) => attempts.some((id) => item.id.startsWith(`org-${id}-`)));
    expect(organisation).toHaveLength(attempts.length);
    expect(organisation.every((item) => item.labels[ER] === 0 && Object.keys(item.labels).length === 1)).toBe(true);

    // Fewer passes than `npm run grader:train` makes, to keep the test quick; the direction is what is tested.
    const options = { epochs: 60 };
    const l2 = { "emotional-reaction": 0.002, interpretation: 0.002, exploration: 0.002 };
    const shipped = examplesOf(readLabelled().filter((item) => item.split === "dev"));
    const before = trainModel(shipped, l2, "before", options);
    const after = trainModel([...shipped, ...examplesOf(organisation)], l2, "after", options);

    const aside = ASIDE_CASES.flatMap(([customer, fix]) =>
      STOCK_APOLOGIES.map((apology) => replyFeatures(empathySentenceFeatures(`${apology} ${fix}`, { customerMessage: customer }))),
    );
    const emotionalReaction = (model: EmpathyModel) => {
      const weights = compileModel(model)["emotional-reaction"];
      return aside.map((features) => softmax(scores(weights, features)));
    };
    const agreeingWithTeam = (readings: number[][]) => readings.filter((chances) => chances.indexOf(Math.max(...chances)) === 0).length;
    const readBefore = emotionalReaction(before);
    const readAfter = emotionalReaction(after);

    // Agreement with the team on the replies kept aside goes up…
    expect(agreeingWithTeam(readAfter)).toBeGreaterThan(agreeingWithTeam(readBefore));
    // …and every one of those predictions moves towards the team's 0.
    readAfter.forEach((chances, index) => expect(chances[0], `reply ${index}`).toBeGreaterThan(readBefore[index][0]));
    // Nobody judged the other mechanisms, so they learn exactly what they learned before.
    expect(after.mechanisms.interpretation).toEqual(before.mechanisms.interpretation);
    expect(after.mechanisms.exploration).toEqual(before.mechanisms.exploration);
  });
});
