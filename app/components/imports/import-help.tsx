import { useTranslation } from "react-i18next";
import { Card } from "~/components/ui/layout.tsx";

/** What files the import reads and what happens to them, beside the form. */
export function ImportHelp({ maxMegabytes, maxConversations }: { maxMegabytes: number; maxConversations: number }) {
  const { t } = useTranslation();
  return (
    <Card title={t("coaching:import.help.title")}>
      <ul>
        <li>{t("coaching:import.help.zendesk")}</li>
        <li>{t("coaching:import.help.intercom")}</li>
        <li>{t("coaching:import.help.csv")}</li>
        <li>{t("coaching:import.help.json")}</li>
      </ul>
      <p>{t("coaching:import.help.agents")}</p>
      <p>{t("coaching:import.help.masking")}</p>
      <p>{t("coaching:import.help.again")}</p>
      <p className="muted">{t("coaching:import.help.limits", { megabytes: maxMegabytes, count: maxConversations })}</p>
    </Card>
  );
}
