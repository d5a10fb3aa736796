import { useTranslation } from "react-i18next";
import { translateMessage } from "~/i18n/message.ts";
import { useFormat } from "~/i18n/use-format.ts";
import { ActionButton } from "../forms/action-button.tsx";
import { ButtonLink } from "../ui/button.tsx";
import { SidePanel } from "./brief-panel.tsx";

export type RevealedItem = { turn: number; kind: string; original: string };

export type TicketFacts = {
  systemLabel: string;
  externalId: string;
  importedAt: string;
  startedAt: string;
  maskedCount: number;
  parTurns: number;
};

/** Where a real conversation came from, in the place a practice conversation shows its brief. */
export function TicketPanel({
  ticket,
  channelLabel,
  canReveal,
  revealed,
  draftScenarioHref,
}: {
  ticket: TicketFacts;
  channelLabel: string;
  canReveal: boolean;
  revealed: RevealedItem[] | null;
  /** Where a lead drafts a practice scenario from this conversation; null for whoever may not. */
  draftScenarioHref: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <SidePanel id="ticket-panel-title" title={t("practice:real.panelTitle")}>
      <p className="brief-panel__text">{t("practice:real.panelText")}</p>
      <dl className="facts brief-panel__facts">
        <dt>{t("practice:real.source")}</dt>
        <dd>{t("practice:real.sourceValue", { system: translateMessage(t, ticket.systemLabel), id: ticket.externalId })}</dd>
        <dt>{t("practice:brief.channel")}</dt>
        <dd>{translateMessage(t, channelLabel)}</dd>
        <dt>{t("practice:real.started")}</dt>
        <dd>{format.dateTime(ticket.startedAt)}</dd>
        <dt>{t("practice:real.imported")}</dt>
        <dd>{format.day(ticket.importedAt)}</dd>
        <dt>{t("practice:real.masked")}</dt>
        <dd>{t("practice:real.maskedCount", { count: ticket.maskedCount })}</dd>
        <dt>{t("practice:brief.par")}</dt>
        <dd>{t("practice:brief.parReplies", { count: ticket.parTurns })}</dd>
      </dl>
      {revealed ? (
        <div className="stack">
          <h3>{t("practice:real.revealedTitle")}</h3>
          <ul>
            {revealed.map((item, index) => (
              <li key={`${item.turn}-${index}`}>
                {t("practice:real.revealedItem", { turn: item.turn + 1, token: `[${item.kind}]`, original: item.original })}
              </li>
            ))}
          </ul>
        </div>
      ) : canReveal ? (
        <div className="stack">
          <p className="muted">{t("practice:real.revealHint")}</p>
          <ActionButton intent="reveal" variant="secondary" size="small" className="">
            {t("practice:real.reveal")}
          </ActionButton>
        </div>
      ) : null}
      {draftScenarioHref ? (
        <ButtonLink to={draftScenarioHref} variant="secondary" size="small">
          {t("practice:draft.fromConversation")}
        </ButtonLink>
      ) : null}
    </SidePanel>
  );
}
