import type { ReactNode } from "react";
import { Badge } from "../ui/layout.tsx";

/** Points at a practice scenario; Practice opens the conversation once scenarios are published. */
export function ScenarioLink({ scenario, children }: { scenario: string; children: ReactNode }) {
  return (
    <p className="scenario-link">
      <span aria-hidden="true">💬</span> <span>{children}</span> <Badge>Practice scenario coming soon</Badge>
      <span className="visually-hidden"> (scenario {scenario})</span>
    </p>
  );
}
