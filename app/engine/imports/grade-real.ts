// Grading a real helpdesk conversation with the practice rubrics. There is no scenario behind it, so
// what only a scenario can tell (the facts to gather, the fix policy allows) is left to the reviewer,
// and efficiency is judged from the agent's real reply times against the channel's usual pace.
import type { Rubric } from "~/content/practice-schemas.ts";
import type { Locale } from "~/i18n/locales.ts";
import type { ScenarioFacts, Turn } from "../grading/criteria.ts";
import { analyseTranscript, gradeTurns, type Grade } from "../grading/grade.ts";
import type { RedLine } from "../grading/red-lines.ts";
import { simplified } from "../language/chinese.ts";
import { languageOf } from "../simulation/signals.ts";
import type { ImportChannel, ImportedConversation } from "./types.ts";

/**
 * The pace a good agent keeps on each channel: replies per conversation and the typical wait for a reply.
 * Phone and chat are live; a social reply is expected within hours (57% of US consumers expect one within
 * 12), an email within a working day.
 */
export const CHANNEL_PAR: Record<ImportChannel, ScenarioFacts["par"]> = {
  phone: { turns: 10, replySeconds: 30 },
  chat: { turns: 8, replySeconds: 90 },
  social: { turns: 5, replySeconds: 4 * 60 * 60 },
  email: { turns: 4, replySeconds: 8 * 60 * 60 },
};

export const REAL_PASS_SCORE = 70;

/** What the grader knows about a real conversation: its channel and pace, and no policy. */
export function realConversationFacts(channel: ImportChannel): ScenarioFacts {
  return {
    channel,
    requiredFacts: [],
    resolvingOffers: [],
    forbiddenOffers: [],
    escalationAllowed: true,
    policyKnown: false,
    par: CHANNEL_PAR[channel],
  };
}

/**
 * The transcript as the grader reads it. An agent message's reply time is the wait since the customer's
 * first unanswered message; a second agent message in a row answers nothing new, so it has none.
 */
export function realTurns(messages: ImportedConversation["messages"]): Turn[] {
  let waitingSince: Date | null = null;
  return messages.map((message): Turn => {
    if (message.author === "customer") {
      waitingSince ??= message.at;
      return { from: "customer", text: message.text };
    }
    const ms = waitingSince ? Math.max(0, message.at.getTime() - waitingSince.getTime()) : undefined;
    waitingSince = null;
    return ms === undefined ? { from: "agent", text: message.text } : { from: "agent", text: message.text, ms };
  });
}

/** Grades a real conversation as it was written, before masking, so masking never changes a level. */
export function gradeRealConversation(
  conversation: Pick<ImportedConversation, "channel" | "messages" | "customerName">,
  rubrics: Rubric[],
  redLines: readonly RedLine[] = [],
): Grade {
  const turns = realTurns(conversation.messages);
  const customerText = turns.filter((turn) => turn.from === "customer").map((turn) => turn.text);
  const language = languageOf(customerText.join("\n") || turns.map((turn) => turn.text).join("\n"));
  const context = { language, customerName: conversation.customerName ?? undefined, redLines };
  return gradeTurns(analyseTranscript(turns, context), rubrics, {
    scenario: realConversationFacts(conversation.channel),
    outcome: "ended",
    passScore: REAL_PASS_SCORE,
  });
}

/** The language a conversation was written in, as a rubric locale: Chinese text in either script, or English. */
export function conversationLocale(text: string): Locale {
  if (languageOf(text) !== "zh") return "en";
  return simplified(text) === text ? "zh-Hans" : "zh-Hant";
}
