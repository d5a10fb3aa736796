import type { ReactNode } from "react";

const CALLOUT_LABELS = { info: "Note", tip: "Tip", warning: "Watch out" } as const;

export function Callout({ tone = "info", title, children }: { tone?: keyof typeof CALLOUT_LABELS; title?: string; children: ReactNode }) {
  return (
    <aside className={`callout callout--${tone}`} aria-label={title ?? CALLOUT_LABELS[tone]}>
      <p className="callout__title">{title ?? CALLOUT_LABELS[tone]}</p>
      {children}
    </aside>
  );
}

export function KeyTakeaways({ children }: { children: ReactNode }) {
  return (
    <section className="takeaways" aria-labelledby="key-takeaways">
      <h2 id="key-takeaways">Key takeaways</h2>
      {children}
    </section>
  );
}

export function Checklist({ title = "Checklist", children }: { title?: string; children: ReactNode }) {
  return (
    <section className="checklist" aria-label={title}>
      <p className="checklist__title">{title}</p>
      {children}
    </section>
  );
}
