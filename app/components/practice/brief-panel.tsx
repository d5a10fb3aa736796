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
    <aside className="brief-panel" aria-labelledby="brief-panel-title">
      <details className="brief-panel__details" open>
        <summary>
          <h2 id="brief-panel-title" className="brief-panel__title">
            {t("practice:brief.title")}
          </h2>
        </summary>
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
      </details>
    </aside>
  );
}
