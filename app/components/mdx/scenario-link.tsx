import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** Starts a practice conversation with the scenario this module points to. */
export function ScenarioLink({ scenario, children }: { scenario: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <p className="scenario-link">
      <span className="badge badge--primary">{t("learn:scenarioLink.badge")}</span>
      <Link to={`/practice/scenarios/${scenario}`}>{children}</Link>
    </p>
  );
}
