import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/ui/data-table.tsx";
import { Badge } from "~/components/ui/layout.tsx";
import type { MoodLabel } from "~/engine/simulation/mood.ts";
import { translateMessage } from "~/i18n/message.ts";
import { MOOD_WORDS } from "./mood-indicator.tsx";

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
  const { t } = useTranslation();
  if (after > before) return <Badge tone="success">{t("practice:whatIf.better")}</Badge>;
  if (after < before) return <Badge tone="danger">{t("practice:whatIf.worse")}</Badge>;
  return <span className="muted">{t("practice:whatIf.same")}</span>;
}

const resultText = (t: TFunction, summary: ReplaySummary) =>
  summary.passed ? t("practice:report.passed") : t("practice:report.notPassed");
const factsText = (t: TFunction, summary: ReplaySummary) =>
  summary.disclosed.length ? summary.disclosed.join("; ") : t("practice:whatIf.noFacts");
const moodText = (t: TFunction, summary: ReplaySummary) =>
  summary.mood && summary.mood in MOOD_WORDS ? t(MOOD_WORDS[summary.mood as MoodLabel]) : (summary.mood ?? "—");

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
  const { t } = useTranslation();
  return (
    <section className="card" aria-label={title}>
      <h3>{title}</h3>
      <ol className="what-if__transcript">
        {turns.map((turn, index) => (
          <li key={index} className={`what-if__turn what-if__turn--${turn.speaker}`}>
            <span className="what-if__speaker">
              {turn.speaker === "agent" ? t("practice:whatIf.agent") : t("practice:whatIf.customer")}
            </span>
            <p>{turn.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** What happened and what would have happened with one message rewritten, side by side. */
export function WhatIfComparison({ original, rewritten }: { original: ReplaySummary; rewritten: ReplaySummary }) {
  const { t } = useTranslation();
  const after = new Map(rewritten.criteria.map((criterion) => [criterion.id, criterion]));
  return (
    <section className="stack" aria-labelledby="what-if-result">
      <h2 id="what-if-result">{t("practice:whatIf.resultTitle")}</h2>
      <DataTable
        caption={t("practice:whatIf.summaryCaption")}
        columns={[
          { label: t("practice:whatIf.measure"), hidden: true },
          t("practice:whatIf.asItWent"),
          t("practice:whatIf.whatIf"),
          { label: t("practice:whatIf.change"), hidden: true },
        ]}
      >
        <SummaryRow
          label={t("practice:whatIf.overallScore")}
          original={original.score}
          rewritten={rewritten.score}
          change={<Change before={original.score} after={rewritten.score} />}
        />
        <SummaryRow
          label={t("practice:whatIf.result")}
          original={resultText(t, original)}
          rewritten={resultText(t, rewritten)}
          change={<Change before={Number(original.passed)} after={Number(rewritten.passed)} />}
        />
        <SummaryRow
          label={t("practice:whatIf.howItEnded")}
          original={translateMessage(t, original.outcome)}
          rewritten={translateMessage(t, rewritten.outcome)}
        />
        <SummaryRow label={t("practice:whatIf.moodAtEnd")} original={moodText(t, original)} rewritten={moodText(t, rewritten)} />
        <SummaryRow label={t("practice:whatIf.facts")} original={factsText(t, original)} rewritten={factsText(t, rewritten)} />
      </DataTable>
      <DataTable
        caption={t("practice:whatIf.criteriaCaption")}
        captionVisible
        columns={[
          t("practice:report.column.criterion"),
          t("practice:whatIf.asItWent"),
          t("practice:whatIf.whatIf"),
          t("practice:whatIf.change"),
        ]}
      >
        {original.criteria.map((criterion) => {
          const next = after.get(criterion.id);
          if (!next) return null;
          return (
            <tr key={criterion.id}>
              <th scope="row">
                {criterion.title}
                {criterion.critical ? <span className="muted">{t("practice:whatIf.critical")}</span> : null}
              </th>
              <td>{criterion.applicable ? criterion.label : t("practice:report.notApplicable")}</td>
              <td>{next.applicable ? next.label : t("practice:report.notApplicable")}</td>
              <td>{criterion.applicable && next.applicable ? <Change before={criterion.level} after={next.level} /> : null}</td>
            </tr>
          );
        })}
      </DataTable>
      <div className="grid">
        <Transcript title={t("practice:whatIf.transcriptOriginal")} turns={original.turns} />
        <Transcript title={t("practice:whatIf.transcriptRewritten")} turns={rewritten.turns} />
      </div>
    </section>
  );
}
