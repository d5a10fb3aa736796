// A real conversation graded with the content's own rubrics: what a scenario would tell is left to the
// reviewer, and efficiency comes from the times the messages were sent.
import { beforeAll, describe, expect, test } from "vitest";
import type { Rubric } from "~/content/practice-schemas.ts";
import { loadPracticeFromSource } from "~/content/practice.server.ts";
import { CHANNEL_PAR, conversationLocale, gradeRealConversation, realTurns } from "./grade-real.ts";
import type { ImportedMessage } from "./types.ts";

let rubrics: Rubric[];
beforeAll(async () => {
  rubrics = (await loadPracticeFromSource()).catalog.rubrics;
});

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 2, 9, 0) + minutes * 60_000);
const customer = (minute: number, text: string): ImportedMessage => ({ author: "customer", at: at(minute), text });
const agent = (minute: number, text: string): ImportedMessage => ({ author: "agent", at: at(minute), text });

const criterion = (grade: ReturnType<typeof gradeRealConversation>, id: string) => grade.criteria.find((entry) => entry.id === id)!;

describe("realTurns", () => {
  test("an agent's reply time runs from the first message it answers; a second reply in a row has none", () => {
    const turns = realTurns([
      customer(0, "Hello?"),
      customer(2, "Anyone there?"),
      agent(5, "Hi, sorry for the wait."),
      agent(6, "Checking now."),
    ]);
    expect(turns.map((turn) => turn.ms)).toEqual([undefined, undefined, 5 * 60_000, undefined]);
  });

  test("an agent who writes first has no reply time", () => {
    expect(realTurns([agent(0, "Following up on your order."), customer(30, "Thanks")])[0].ms).toBeUndefined();
  });
});

describe("gradeRealConversation", () => {
  const chat = [
    customer(0, "My order 48213 still hasn't arrived and it was due Monday. I'm really fed up."),
    agent(1, "I'm so sorry, Dana, that's frustrating when you've been waiting since Monday. Could you confirm the delivery postcode?"),
    customer(2, "It's SW1A 1AA."),
    agent(3, "Thanks. I've sent a replacement by express; it will arrive by Thursday. Does that work for you?"),
  ];

  test("is graded on every rubric, with the fix left to the reviewer", () => {
    const grade = gradeRealConversation({ channel: "chat", messages: chat, customerName: "Dana Reyes" }, rubrics);
    expect(new Set(grade.criteria.map((entry) => entry.rubricId))).toEqual(new Set(rubrics.map((rubric) => rubric.id)));
    expect(criterion(grade, "resolution.correct-fix").applicable).toBe(false);
    expect(criterion(grade, "resolution.gathered-information").applicable).toBe(false);
    expect(criterion(grade, "empathy.emotional-reaction").level).toBeGreaterThan(0);
    expect(criterion(grade, "communication.personalisation").level).toBe(2);
    expect(criterion(grade, "resolution.confirmed-satisfaction").level).toBe(2);
  });

  test("efficiency comes from real reply times against the channel's pace", () => {
    const quick = gradeRealConversation({ channel: "chat", messages: chat, customerName: null }, rubrics);
    expect(criterion(quick, "efficiency.reply-time")).toMatchObject({ applicable: true, level: 2 });
    const slow = chat.map((message, index) => ({ ...message, at: at(index * 10) }));
    const late = gradeRealConversation({ channel: "chat", messages: slow, customerName: null }, rubrics);
    expect(criterion(late, "efficiency.reply-time").level).toBe(0);
    // The same ten-minute waits are quick for email.
    const email = gradeRealConversation({ channel: "email", messages: slow, customerName: null }, rubrics);
    expect(criterion(email, "efficiency.reply-time").level).toBe(2);
    expect(CHANNEL_PAR.email.replySeconds).toBeGreaterThan(CHANNEL_PAR.chat.replySeconds);
  });

  test("a rude reply fails the critical rule, as in practice", () => {
    const grade = gradeRealConversation(
      {
        channel: "chat",
        messages: [customer(0, "Where is my refund?"), agent(1, "That's not my problem, stop bothering me.")],
        customerName: null,
      },
      rubrics,
    );
    expect(grade.passed).toBe(false);
    expect(grade.criticalFailures).toContain("critical.no-rudeness");
  });
});

describe("conversationLocale", () => {
  test("reads the script of a Chinese conversation", () => {
    expect(conversationLocale("我的订单还没到，已经等了一个星期。")).toBe("zh-Hans");
    expect(conversationLocale("我的訂單還沒到，已經等了一個星期。")).toBe("zh-Hant");
    expect(conversationLocale("My order hasn't arrived.")).toBe("en");
  });
});
