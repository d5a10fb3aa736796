import { useTranslation } from "react-i18next";
import type { CompetencyEvidence } from "~/engine/coaching/insights.ts";
import { DataTable } from "../ui/data-table.tsx";
import { Card } from "../ui/layout.tsx";

type Row = CompetencyEvidence & { label: string };

/** What each competency's figures rest on: practice, real conversations, and how many a person reviewed. */
export function EvidenceBySource({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  const cell = (evidence: Row["practice"]) =>
    evidence.conversations === 0
      ? t("coaching:insights.evidence.none")
      : t("coaching:insights.evidence.cell", { average: evidence.average ?? 0, count: evidence.conversations });
  return (
    <Card title={t("coaching:insights.evidence.title")}>
      <p className="muted">{t("coaching:insights.evidence.intro")}</p>
      {rows.length === 0 ? (
        <p>{t("coaching:insights.noPractice")}</p>
      ) : (
        <DataTable
          className="insights-table"
          caption={t("coaching:insights.evidence.caption")}
          columns={[
            t("coaching:insights.evidence.column.competency"),
            t("coaching:insights.evidence.column.practice"),
            t("coaching:insights.evidence.column.real"),
            t("coaching:insights.evidence.column.reviewed"),
          ]}
        >
          {rows.map((row) => {
            const total = row.practice.conversations + row.real.conversations;
            return (
              <tr key={row.competency}>
                <th scope="row">{row.label}</th>
                <td>{cell(row.practice)}</td>
                <td>{cell(row.real)}</td>
                <td>
                  {row.reviewed === 0
                    ? t("coaching:insights.evidence.automaticOnly")
                    : t("coaching:insights.evidence.reviewed", { reviewed: row.reviewed, count: total })}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </Card>
  );
}
