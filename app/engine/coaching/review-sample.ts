// Which conversations a lead should review first: the outliers (lowest scores, critical failures,
// escalations, customers who ended more upset than they began) and, so no agent goes unseen, one
// conversation per agent per week drawn at random but the same all week.
import { createHash } from "node:crypto";

export const SAMPLE_REASONS = ["critical-failure", "lowest-score", "escalated", "customer-worsened", "weekly-sample"] as const;
export type SampleReason = (typeof SAMPLE_REASONS)[number];

export type SampleCandidate = {
  id: string;
  userId: string;
  startedAt: Date;
  score: number;
  criticalFailure: boolean;
  escalated: boolean;
  /** The customer's messages in order. */
  customerMessages: string[];
};

/** The lowest tenth of scores counts as an outlier; with fewer than ten conversations, the lowest one. */
const LOWEST_SHARE = 0.1;

// Words of a customer getting more upset, in English and Chinese (both scripts).
const DISTRESS =
  /\b(?:angry|furious|ridiculous|unacceptable|disgusted|useless|worst|terrible|awful|outraged|fed up|sick of|complain(?:t)?|cancel|lawyer|never again|waste of time)\b|!{2,}|生气|生氣|气死|氣死|太差|离谱|離譜|投诉|投訴|失望|受够|受夠|垃圾|取消|退订|退訂|不可理喻|浪费时间|浪費時間/gi;

/** How upset a message sounds: distress words and shouting, per hundred characters so length doesn't count. */
export function distressOf(message: string): number {
  const words = message.match(DISTRESS)?.length ?? 0;
  const letters = message.replace(/[^A-Za-z]/g, "");
  const shouting = letters.length >= 12 && letters.replace(/[^A-Z]/g, "").length / letters.length > 0.6 ? 1 : 0;
  return ((words + shouting) * 100) / Math.max(100, message.length);
}

/** The customer ended the conversation more upset than they began it. */
export function customerWorsened(messages: string[]): boolean {
  if (messages.length < 2) return false;
  return distressOf(messages[messages.length - 1]) > distressOf(messages[0]);
}

/** Monday of the week `day` falls in (UTC), as a key the weekly draw is seeded with. */
export function weekKey(day: Date): string {
  const monday = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - ((day.getUTCDay() + 6) % 7)));
  return monday.toISOString().slice(0, 10);
}

const draw = (seed: string) => createHash("sha256").update(seed).digest("hex");

/** Each sampled conversation with why it was chosen, outliers first, then newest. */
export function sampleForReview(candidates: SampleCandidate[], now: Date): { id: string; reasons: SampleReason[] }[] {
  const reasons = new Map<string, Set<SampleReason>>();
  const add = (id: string, reason: SampleReason) => (reasons.get(id) ?? reasons.set(id, new Set()).get(id)!).add(reason);

  const byScore = [...candidates].sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));
  const lowestCount = Math.max(1, Math.floor(candidates.length * LOWEST_SHARE));
  const cutoff = byScore[lowestCount - 1]?.score;
  for (const candidate of candidates) {
    if (candidate.criticalFailure) add(candidate.id, "critical-failure");
    if (cutoff !== undefined && candidate.score <= cutoff) add(candidate.id, "lowest-score");
    if (candidate.escalated) add(candidate.id, "escalated");
    if (customerWorsened(candidate.customerMessages)) add(candidate.id, "customer-worsened");
  }

  const week = weekKey(now);
  const thisWeek = candidates.filter((candidate) => weekKey(candidate.startedAt) === week);
  for (const agentId of new Set(thisWeek.map((candidate) => candidate.userId))) {
    const theirs = thisWeek.filter((candidate) => candidate.userId === agentId);
    const chosen = theirs.reduce((best, candidate) =>
      draw(`${week}:${agentId}:${candidate.id}`) < draw(`${week}:${agentId}:${best.id}`) ? candidate : best,
    );
    add(chosen.id, "weekly-sample");
  }

  const order = new Map(SAMPLE_REASONS.map((reason, index) => [reason, index]));
  const startedAt = new Map(candidates.map((candidate) => [candidate.id, candidate.startedAt.getTime()]));
  return [...reasons]
    .map(([id, set]) => ({ id, reasons: [...set].sort((a, b) => order.get(a)! - order.get(b)!) }))
    .sort((a, b) => order.get(a.reasons[0])! - order.get(b.reasons[0])! || startedAt.get(b.id)! - startedAt.get(a.id)!);
}
