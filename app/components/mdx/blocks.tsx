import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

const CALLOUT_LABELS = { info: "learn:blocks.note", tip: "learn:blocks.tip", warning: "learn:blocks.warning" } as const;

export function Callout({ tone = "info", title, children }: { tone?: keyof typeof CALLOUT_LABELS; title?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const label = title ?? t(CALLOUT_LABELS[tone]);
  return (
    <aside className={`callout callout--${tone}`} aria-label={label}>
      <p className="callout__title">{label}</p>
      {children}
    </aside>
  );
}

export function KeyTakeaways({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="takeaways" aria-labelledby="key-takeaways">
      <h2 id="key-takeaways">{t("learn:blocks.keyTakeaways")}</h2>
      {children}
    </section>
  );
}

export function Checklist({ title, children }: { title?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const label = title ?? t("learn:blocks.checklist");
  return (
    <section className="checklist" aria-label={label}>
      <p className="checklist__title">{label}</p>
      {children}
    </section>
  );
}
