import type { ReactNode } from "react";
import { DataTable } from "~/components/ui/data-table.tsx";
import { Badge } from "~/components/ui/layout.tsx";

export type ReplaySummary = {
  score: number;
  passed: boolean;
  outcome: string;
  mood: string | null;
  disclosed: string[];
  criteria: { id: string; title: string; label: string; level: number; applicable: boolean; critical: boolean }[];
  turns: { speaker: "customer" | "agent"; text: string }[];
};

function Change({ before, after }: { before: number; after: number }) {
  if (after > before) return <Badge tone="success">better</Badge>;
  if (after < before) return <Badge tone="danger">worse</Badge>;
  return <span className="muted">same</span>;
}

const resultText = (summary: ReplaySummary) => (summary.passed ? "Passed" : "Not passed");
const factsText = (summary: ReplaySummary) => (summary.disclosed.length ? summary.disclosed.join("; ") : "None");

function SummaryRow({
  label,
  original,
  rewritten,
  change,
}: {
  label: string;
  original: ReactNode;
  rewritten: ReactNode;
  change?: ReactNode;
}) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{original}</td>
      <td>{rewritten}</td>
      <td>{change}</td>
    </tr>
  );
}

function Transcript({ title, turns }: { title: string; turns: ReplaySummary["turns"] }) {
  return (
    <section className="card" aria-label={title}>
      <h3>{title}</h3>
      <ol className="what-if__transcript">
        {turns.map((turn, index) => (
          <li key={index} className={`what-if__turn what-if__turn--${turn.speaker}`}>
            <span className="what-if__speaker">{turn.speaker === "agent" ? "Agent" : "Customer"}</span>
            <p>{turn.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** What happened and what would have happened with one message rewritten, side by side. */
export function WhatIfComparison({ original, rewritten }: { original: ReplaySummary; rewritten: ReplaySummary }) {
  const after = new Map(rewritten.criteria.map((criterion) => [criterion.id, criterion]));
  return (
    <section className="stack" aria-labelledby="what-if-result">
      <h2 id="what-if-result">What would have changed</h2>
      <DataTable
        caption="The conversation as it went and with your rewrite"
        columns={[{ label: "Measure", hidden: true }, "As it went", "What if", { label: "Change", hidden: true }]}
      >
        <SummaryRow
          label="Overall score"
          original={original.score}
          rewritten={rewritten.score}
          change={<Change before={original.score} after={rewritten.score} />}
        />
        <SummaryRow
          label="Result"
          original={resultText(original)}
          rewritten={resultText(rewritten)}
          change={<Change before={Number(original.passed)} after={Number(rewritten.passed)} />}
        />
        <SummaryRow label="How it ended" original={original.outcome} rewritten={rewritten.outcome} />
        <SummaryRow label="Customer's mood at the end" original={original.mood ?? "—"} rewritten={rewritten.mood ?? "—"} />
        <SummaryRow label="What the customer told you" original={factsText(original)} rewritten={factsText(rewritten)} />
      </DataTable>
      <DataTable
        caption="Each criterion, as it went and with your rewrite"
        captionVisible
        columns={["Criterion", "As it went", "What if", "Change"]}
      >
        {original.criteria.map((criterion) => {
          const next = after.get(criterion.id);
          if (!next) return null;
          return (
            <tr key={criterion.id}>
              <th scope="row">
                {criterion.title}
                {criterion.critical ? <span className="muted"> (critical)</span> : null}
              </th>
              <td>{criterion.applicable ? criterion.label : "N/A"}</td>
              <td>{next.applicable ? next.label : "N/A"}</td>
              <td>{criterion.applicable && next.applicable ? <Change before={criterion.level} after={next.level} /> : null}</td>
            </tr>
          );
        })}
      </DataTable>
      <div className="grid">
        <Transcript title="As it went, from that message" turns={original.turns} />
        <Transcript title="What if, from your rewrite" turns={rewritten.turns} />
      </div>
    </section>
  );
}
