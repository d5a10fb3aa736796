import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { translateMessage } from "~/i18n/message.ts";

/** The scenario's brief beside the conversation, so the agent can check it while replying; folds away on small screens. */
export function BriefPanel({
  scenario,
}: {
  scenario: { brief: string; customer: string; channelLabel: string; difficultyLabel: string; parTurns: number };
}) {
  const { t } = useTranslation();
  return (
    <SidePanel id="brief-panel-title" title={t("practice:brief.title")}>
      <p className="brief-panel__text">{scenario.brief}</p>
      <dl className="facts brief-panel__facts">
        <dt>{t("practice:brief.customer")}</dt>
        <dd>{scenario.customer}</dd>
        <dt>{t("practice:brief.channel")}</dt>
        <dd>{translateMessage(t, scenario.channelLabel)}</dd>
        <dt>{t("practice:brief.difficulty")}</dt>
        <dd>{translateMessage(t, scenario.difficultyLabel)}</dd>
        <dt>{t("practice:brief.par")}</dt>
        <dd>{t("practice:brief.parReplies", { count: scenario.parTurns })}</dd>
      </dl>
    </SidePanel>
  );
}

/** The panel beside a conversation that says where it takes place; folds away on small screens. */
export function SidePanel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <aside className="brief-panel" aria-labelledby={id}>
      <details className="brief-panel__details" open>
        <summary>
          <h2 id={id} className="brief-panel__title">
            {title}
          </h2>
        </summary>
        {children}
      </details>
    </aside>
  );
}
