import { Link } from "@remix-run/react";
import type { LucideIcon } from "lucide-react";
import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * One card of a home dashboard: an icon, a heading with how many there are, a short list or a
 * message, and a "See all" link when the list is cut short or the card has a page of its own.
 */
export function DashboardCard({
  title,
  icon: Icon,
  count,
  seeAll,
  tone,
  headingLevel = 2,
  children,
}: {
  title: string;
  icon: LucideIcon;
  count?: number;
  seeAll?: { to: string; label?: string };
  tone?: "attention";
  /** 3 when the card sits under a section heading. */
  headingLevel?: 2 | 3;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className={tone ? `card dashboard-card dashboard-card--${tone}` : "card dashboard-card"} aria-labelledby={headingId}>
      <Heading className="dashboard-card__title">
        <Icon aria-hidden="true" className="dashboard-card__icon" size={20} />
        <span id={headingId}>{title}</span>
        {count !== undefined ? <span className="dashboard-card__count">{count}</span> : null}
      </Heading>
      <div className="dashboard-card__body">{children}</div>
      {seeAll ? (
        <Link className="dashboard-card__more" to={seeAll.to}>
          {seeAll.label ?? t("dashboard:card.seeAll")}
          <span className="visually-hidden"> — {title}</span>
        </Link>
      ) : null}
    </section>
  );
}

/** What to do when a card has nothing to show. */
export function DashboardEmpty({ children }: { children: ReactNode }) {
  return <p className="dashboard-empty">{children}</p>;
}

/** A short list of things to act on, each a row with its main link first. */
export function DashboardList({ children, label }: { children: ReactNode; label: string }) {
  return (
    <ul className="dashboard-list" aria-label={label}>
      {children}
    </ul>
  );
}

export function DashboardItem({ children, meta }: { children: ReactNode; meta?: ReactNode }) {
  return (
    <li className="dashboard-list__item">
      <div className="dashboard-list__main">{children}</div>
      {meta ? <div className="dashboard-list__meta">{meta}</div> : null}
    </li>
  );
}

/** A tiny line of the scores given (oldest first), drawn for the eye; the words beside it carry the meaning. */
export function Sparkline({ values }: { values: number[] }) {
  if (values.length < 2) return null;
  const width = 96;
  const height = 28;
  const step = width / (values.length - 1);
  const y = (value: number) => height - 2 - (Math.min(100, Math.max(0, value)) / 100) * (height - 4);
  const points = values.map((value, index) => `${(index * step).toFixed(1)},${y(value).toFixed(1)}`).join(" ");
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}
