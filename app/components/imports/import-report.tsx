import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/ui/data-table.tsx";
import { Alert, Card } from "~/components/ui/layout.tsx";
import { IMPORT_REASON_LABELS } from "~/domain/imports.ts";
import { IMPORT_SYSTEM_LABEL_KEYS } from "~/domain/practice.ts";
import type { AgentMiss, ImportReport } from "~/engine/imports/types.ts";
import { translateMessage } from "~/i18n/message.ts";
import { useFormat } from "~/i18n/use-format.ts";

/** The most problems listed on the page; the count says how many more there were. */
const SHOWN_ERRORS = 200;

function AgentList({ title, hint, agents }: { title: string; hint: string; agents: AgentMiss[] }) {
  const { t } = useTranslation();
  if (agents.length === 0) return null;
  return (
    <Card title={title} headingLevel={3}>
      <p className="muted">{hint}</p>
      <ul>
        {agents.map((agent) => (
          <li key={agent.email}>{t("coaching:import.report.agentLine", { email: agent.email, count: agent.conversations })}</li>
        ))}
      </ul>
    </Card>
  );
}

/** What an import did: how many conversations were added or updated, and every record it could not take. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const stored = report.created + report.updated;
  return (
    <section className="stack" aria-labelledby="import-report-title">
      <h2 id="import-report-title">{t("coaching:import.report.title")}</h2>
      <Alert tone={stored > 0 ? "success" : "info"}>
        {t("coaching:import.report.summary", {
          system: translateMessage(t, IMPORT_SYSTEM_LABEL_KEYS[report.system]),
          total: report.total,
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
        })}{" "}
        {stored + report.unchanged > 0 ? (
          <Link to="/coaching/reviews?source=real&show=all">{t("coaching:import.report.review")}</Link>
        ) : null}
      </Alert>
      <AgentList
        title={t("coaching:import.report.unknownTitle")}
        hint={t("coaching:import.report.unknownHint")}
        agents={report.unknownAgents}
      />
      <AgentList
        title={t("coaching:import.report.outsideTitle")}
        hint={t("coaching:import.report.outsideHint")}
        agents={report.outsideTeams}
      />
      {report.errors.length > 0 ? (
        <>
          <DataTable
            caption={t("coaching:import.report.errorsCaption", { count: report.errors.length })}
            captionVisible
            textOnly
            columns={[t("coaching:import.report.line"), t("coaching:import.report.reason")]}
          >
            {report.errors.slice(0, SHOWN_ERRORS).map((error, index) => (
              <tr key={`${error.line}-${index}`}>
                <td>{format.number(error.line)}</td>
                <td>{t(IMPORT_REASON_LABELS[error.reason], { field: error.field ?? "" })}</td>
              </tr>
            ))}
          </DataTable>
          {report.errors.length > SHOWN_ERRORS ? (
            <p className="muted">{t("coaching:import.report.moreErrors", { count: report.errors.length - SHOWN_ERRORS })}</p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
