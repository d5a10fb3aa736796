import { useTranslation } from "react-i18next";
import { translateMessage } from "~/i18n/message.ts";
import { useFormat } from "~/i18n/use-format.ts";

export type AssignmentBarView = { dueAt: string; passBar: string | null; automatic: boolean };

/**
 * On the module or scenario an open assignment opens: what completing the assignment takes, which for a
 * scenario may be more than the page's own pass mark.
 */
export function AssignmentBar({ bar }: { bar: AssignmentBarView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const who = bar.automatic ? t("assignments:bar.extraPractice") : t("assignments:bar.leadsBar");
  const due = format.day(bar.dueAt);
  return (
    <section className="alert alert--info" aria-label={t("assignments:bar.label")}>
      <p>
        <strong>{t("assignments:bar.who", { who })}</strong>{" "}
        {bar.passBar
          ? t("assignments:bar.passBy", { bar: translateMessage(t, bar.passBar), due })
          : t("assignments:bar.completeBy", { due })}
        {bar.passBar ? ` ${t("assignments:bar.ownMark")}` : null}
      </p>
    </section>
  );
}

/** The loader's shape of an open assignment's bar, or null when there is none. */
export function toAssignmentBarView(bar: { dueAt: Date; passBar: string | null; automatic: boolean } | null): AssignmentBarView | null {
  return bar ? { dueAt: bar.dueAt.toISOString(), passBar: bar.passBar, automatic: bar.automatic } : null;
}
