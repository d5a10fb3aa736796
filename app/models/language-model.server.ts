// The client for the organisation's own language model: an OpenAI-compatible chat-completions
// endpoint, used only when configured. Every way a call can go wrong (timeout, rate limit, server
// error, an answer of the wrong shape) comes back as a typed failure, never as an exception, so the
// deterministic path always carries on.
import { z } from "zod";
import type { CustomerDecision, TranscriptLine } from "~/engine/language-model/decision.ts";
import { guardCustomerWording } from "~/engine/language-model/guard.ts";
import { opinionNote, wordingFallbackNote, type ModelFailure } from "~/engine/language-model/notes.ts";
import { readSecondOpinion, type OpinionLevel } from "~/engine/language-model/opinion.ts";
import {
  CUSTOMER_PROMPT_VERSION,
  customerWordingMessages,
  OPINION_PROMPT_VERSION,
  secondOpinionMessages,
  type ChatMessage,
  type OpinionCriterion,
} from "~/engine/language-model/prompts.ts";
import { languageModelConfig, type LanguageModelConfig } from "~/utils/env.server.ts";

export type ChatResult = { ok: true; text: string; model: string } | { ok: false; failure: ModelFailure | "not-configured" };

const CompletionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

/** Whether a language model is configured: when it is not, nothing is ever sent. */
export function languageModel(): LanguageModelConfig | null {
  return languageModelConfig();
}

function failureFor(status: number): ModelFailure {
  if (status === 429) return "rate-limited";
  if (status >= 500) return "server-error";
  return "refused";
}

/** One chat completion: the model's reply text, or why there is none. */
export async function chat(
  messages: ChatMessage[],
  { temperature = 0.4, maxTokens = 600 }: { temperature?: number; maxTokens?: number } = {},
  config: LanguageModelConfig | null = languageModel(),
): Promise<ChatResult> {
  if (!config) return { ok: false, failure: "not-configured" };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.timeoutMs);
  try {
    const response = await fetch(`${config.url}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${config.apiKey}` },
      body: JSON.stringify({ model: config.model, messages, temperature, max_tokens: maxTokens }),
      signal: controller.signal,
    });
    if (!response.ok) {
      // The body is not needed, and reading it would hold the connection open.
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, failure: failureFor(response.status) };
    }
    const body: unknown = await response.json().catch(() => undefined);
    // A body still arriving when the time ran out is a timeout, not a bad answer.
    if (controller.signal.aborted) return { ok: false, failure: "timeout" };
    const parsed = CompletionSchema.safeParse(body);
    if (!parsed.success) return { ok: false, failure: "bad-response" };
    return { ok: true, text: parsed.data.choices[0].message.content, model: config.model };
  } catch {
    return { ok: false, failure: controller.signal.aborted ? "timeout" : "unreachable" };
  } finally {
    clearTimeout(timer);
  }
}

export type CustomerWords = { text: string; wordedByModel: string | null; promptVersion: string | null; fallbackNote: string | null };

/**
 * The customer's reply as it will be said: the model's wording of the engine's decision when a
 * model is configured and the guard lets it through, the engine's authored reply otherwise.
 */
export async function wordCustomerReply(
  decision: CustomerDecision,
  transcript: TranscriptLine[],
  config: LanguageModelConfig | null = languageModel(),
): Promise<CustomerWords> {
  const authored = { text: decision.reply, wordedByModel: null, promptVersion: null, fallbackNote: null };
  if (!config) return authored;
  const result = await chat(customerWordingMessages(decision, transcript), { temperature: 0.7, maxTokens: 400 }, config);
  if (!result.ok) {
    return result.failure === "not-configured" ? authored : { ...authored, fallbackNote: wordingFallbackNote({ failure: result.failure }) };
  }
  const guarded = guardCustomerWording(result.text, decision);
  if (!guarded.accepted) return { ...authored, fallbackNote: wordingFallbackNote({ rejected: guarded.reason }) };
  return { text: guarded.text, wordedByModel: result.model, promptVersion: CUSTOMER_PROMPT_VERSION, fallbackNote: null };
}

export type OpinionOutcome =
  { ok: true; model: string; promptVersion: string; criteria: OpinionLevel[]; note: string | null } | { ok: false; note: string };

/** The model's level and quote per criterion, checked against the rubric and the transcript. */
export async function askSecondOpinion(
  criteria: OpinionCriterion[],
  transcript: TranscriptLine[],
  customer: string,
  config: LanguageModelConfig | null = languageModel(),
): Promise<OpinionOutcome | null> {
  if (!config || criteria.length === 0) return null;
  const result = await chat(secondOpinionMessages(criteria, transcript, customer), { temperature: 0, maxTokens: 1500 }, config);
  if (!result.ok) return result.failure === "not-configured" ? null : { ok: false, note: opinionNote({ failure: result.failure }) };
  const opinion = readSecondOpinion(
    result.text,
    criteria.map((criterion) => ({ id: criterion.id, levels: criterion.levels.map((level) => level.level) })),
    transcript,
  );
  if (!opinion.ok) return { ok: false, note: opinionNote({ unreadable: true }) };
  const dropped = opinion.discarded.filter((discard) => discard.reason === "quote-not-found" || discard.reason === "malformed").length;
  return {
    ok: true,
    model: result.model,
    promptVersion: OPINION_PROMPT_VERSION,
    criteria: opinion.criteria,
    note: dropped > 0 ? opinionNote({ discarded: dropped, kept: opinion.criteria.length }) : null,
  };
}
