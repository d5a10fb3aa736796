// Evidence is found in the text as written and shown in the text as masked: these map one onto the other.
import type { Evidence } from "../grading/criteria.ts";
import { type MaskedSpan, maskToken } from "./personal-data.ts";

/** Where an offset of the original text falls in the masked text; inside a masked span, at its token's edge. */
function maskedOffset(spans: MaskedSpan[], offset: number, edge: "start" | "end"): number {
  let shift = 0;
  for (const span of spans) {
    if (span.end <= offset) {
      shift += maskToken(span.kind).length - (span.end - span.start);
      continue;
    }
    if (span.start < offset) return span.start + shift + (edge === "end" ? maskToken(span.kind).length : 0);
    break;
  }
  return offset + shift;
}

/** The evidence as it reads in the masked transcript, so no personal data survives in a quote. */
export function remapEvidence(evidence: Evidence[], maskedTexts: string[], spansByTurn: MaskedSpan[][]): Evidence[] {
  return evidence.map((item) => {
    const spans = spansByTurn[item.turn] ?? [];
    if (spans.length === 0) return item;
    const start = maskedOffset(spans, item.span[0], "start");
    const end = maskedOffset(spans, item.span[1], "end");
    return { turn: item.turn, span: [start, end], text: (maskedTexts[item.turn] ?? "").slice(start, end) };
  });
}
