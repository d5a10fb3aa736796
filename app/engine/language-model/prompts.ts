// What Frontline asks the organisation's language model, in the chat-completions message shape.
// Each prompt carries a version stored with every reply and grade it produced, so a change of
// wording here is visible in the data. Only what the task needs is sent: the customer prompt holds
// the decision and the conversation so far, never the facts the customer has not given.
import type { RubricCriterion } from "~/content/practice-schemas.ts";
import type { CustomerDecision, TranscriptLine } from "./decision.ts";
import { maxWordingLength } from "./guard.ts";

export const CUSTOMER_PROMPT_VERSION = "customer-words-1";
export const OPINION_PROMPT_VERSION = "second-opinion-1";

export type ChatMessage = { role: "system" | "user" | "assistant"; content: string };

const CHANNEL_STYLE: Record<CustomerDecision["persona"]["channel"], string> = {
  chat: "a live chat message: short, informal, one or two sentences",
  email: "an email reply: a few plain sentences, no subject line and no signature",
  phone: "something said aloud on a phone call: spoken, natural, no formatting",
  social: "a public social media reply: short, and written knowing others can read it",
};

/** The conversation with each turn numbered as it is stored, which is how quotes point back into it. */
export function numberedTranscript(transcript: TranscriptLine[], customer: string): string {
  return transcript.map((line, index) => `[${index}] ${line.speaker === "agent" ? "Agent" : customer}: ${line.text}`).join("\n");
}

/** Messages asking the model to put the engine's decision for this turn into the customer's own words. */
export function customerWordingMessages(decision: CustomerDecision, transcript: TranscriptLine[]): ChatMessage[] {
  const { persona } = decision;
  const agentMessage = [...transcript].reverse().find((line) => line.speaker === "agent")?.text ?? "";
  const system = [
    `You write the next message of ${persona.name}, a customer talking to a support agent, in a training conversation.`,
    "The story is already decided: you are given the customer's decided reply and what it does. Re-phrase it in the customer's own voice and do nothing else.",
    "Rules:",
    `- Write as ${persona.name} (${persona.temperament}), in the style of ${CHANNEL_STYLE[persona.channel]}.`,
    "- Give only the facts listed under 'Facts given now', with their details exactly as written. Add no other names, numbers, dates, addresses or details.",
    "- Accept an offer only if 'Accepts' names one. Otherwise accept nothing; when the customer pushes back, keep pushing back.",
    "- Keep the customer's mood as stated. Do not solve the problem, offer help, or speak as the agent.",
    "- Never mention AI, models, prompts, rules, training or that this is an exercise.",
    `- At most ${maxWordingLength(decision.reply)} characters. Answer with the message text only: no quotes, no speaker name.`,
  ].join("\n");
  const facts = decision.disclosedNow.length
    ? decision.disclosedNow.map((fact) => `  - ${fact.description}: "${fact.answer}"`).join("\n")
    : "  - none";
  const user = [
    "Conversation so far:",
    numberedTranscript(transcript, persona.name),
    "",
    "The agent's last message:",
    agentMessage,
    "",
    "The decision for this turn:",
    `- Decided reply to re-phrase: "${decision.reply}"`,
    "- Facts given now:",
    facts,
    `- Pushes back on: ${decision.pushback.length ? decision.pushback.join("; ") : "nothing"}`,
    `- Accepts: ${decision.accepted ?? "nothing"}`,
    `- Mood: ${decision.mood}`,
    ...(decision.outcome ? [`- The conversation ends here: ${OUTCOME_WORDS[decision.outcome]}`] : []),
  ].join("\n");
  return [
    { role: "system", content: system },
    { role: "user", content: user },
  ];
}

const OUTCOME_WORDS: Record<NonNullable<CustomerDecision["outcome"]>, string> = {
  resolved: "the customer is satisfied",
  escalated: "the customer agrees to be handed over",
  abandoned: "the customer gives up and leaves",
  ended: "the conversation ends",
};

export type OpinionCriterion = Pick<RubricCriterion, "id" | "title" | "levels">;

/** Messages asking the model to grade each criterion and quote the words its level rests on, as strict JSON. */
export function secondOpinionMessages(criteria: OpinionCriterion[], transcript: TranscriptLine[], customer: string): ChatMessage[] {
  const system = [
    "You review customer support conversations for quality. Grade the support agent on each rubric criterion given.",
    "For each criterion choose one of its levels, and quote the exact words from the transcript that your level rests on, copied verbatim from one numbered turn (usually the agent's).",
    'Answer with strict JSON only, no prose and no markdown: {"criteria":[{"id":"<criterion id>","level":<level number>,"turn":<turn number>,"quote":"<exact words>"}]}',
  ].join("\n");
  const rubric = criteria
    .map((criterion) =>
      [
        `- ${criterion.id} (${criterion.title})`,
        ...criterion.levels.map((level) => `    ${level.level} ${level.label}: ${level.description}`),
      ].join("\n"),
    )
    .join("\n");
  const user = ["Rubric criteria:", rubric, "", "Transcript:", numberedTranscript(transcript, customer)].join("\n");
  return [
    { role: "system", content: system },
    { role: "user", content: user },
  ];
}
