import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** Starts a practice conversation with the scenario this module points to. */
export function ScenarioLink({ scenario, children }: { scenario: string; children: ReactNode }) {
  return (
    <p className="scenario-link">
      <span className="badge badge--primary">Practice</span>
      <Link to={`/practice/scenarios/${scenario}`}>{children}</Link>
    </p>
  );
}
