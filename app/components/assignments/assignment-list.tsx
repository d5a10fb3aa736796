import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ASSIGNMENT_KIND_LABELS, OWN_SCENARIO_STATUS_LABELS, type AssignmentKind, type AssignmentStatus } from "~/domain/coaching.ts";
import { isDueSoon } from "~/engine/coaching/assignment-status.ts";
import { translateMessage } from "~/i18n/message.ts";
import { useFormat } from "~/i18n/use-format.ts";
import { AssignmentStatusBadge } from "./status-badge.tsx";

export type AssignmentItem = {
  id: string;
  title: string;
  link: string;
  kind: AssignmentKind;
  dueAt: string;
  status: AssignmentStatus;
  dueSoon: boolean;
  automatic: boolean;
  /** Scenarios: what a graded attempt must reach to complete the assignment, as a message (see describePassBar). */
  passBar: string | null;
};

/** The smallest shape of one of a person's own assignments, for their lists. */
export function toAssignmentItem(
  view: {
    id: string;
    title: string;
    link: string;
    kind: AssignmentKind;
    dueAt: Date;
    status: AssignmentStatus;
    source: string;
    passBar: string | null;
  },
  now: Date,
): AssignmentItem {
  return {
    id: view.id,
    title: view.title,
    link: view.link,
    kind: view.kind,
    dueAt: view.dueAt.toISOString(),
    status: view.status,
    dueSoon: isDueSoon(view.dueAt, view.status, now),
    automatic: view.source === "automatic",
    passBar: view.passBar,
  };
}

/** A person's own assignments, each linking to the module or scenario. */
export function AssignmentList({ items }: { items: AssignmentItem[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ul className="assignment-list">
      {items.map((item) => (
        <li key={item.id} className={`assignment-item assignment-item--${item.status}`}>
          <div className="assignment-item__main">
            <Link to={item.link}>{item.title}</Link>
            <span className="muted assignment-item__meta">
              {item.automatic
                ? t("assignments:list.kindAutomatic", { kind: t(ASSIGNMENT_KIND_LABELS[item.kind]) })
                : t(ASSIGNMENT_KIND_LABELS[item.kind])}
            </span>
            {item.passBar ? (
              <span className="assignment-item__meta">
                {item.automatic
                  ? t("assignments:list.toComplete", { bar: translateMessage(t, item.passBar) })
                  : t("assignments:list.leadsBar", { bar: translateMessage(t, item.passBar) })}
              </span>
            ) : null}
          </div>
          <div className="assignment-item__side">
            <AssignmentStatusBadge status={item.status} labels={item.kind === "scenario" ? OWN_SCENARIO_STATUS_LABELS : undefined} />
            <span className={item.dueSoon ? "assignment-item__due assignment-item__due--soon" : "assignment-item__due"}>
              {item.status === "completed"
                ? t("assignments:list.wasDue", { due: format.day(item.dueAt) })
                : t("assignments:list.due", { due: format.day(item.dueAt) })}
              {item.dueSoon ? <strong>{t("assignments:list.dueSoon")}</strong> : null}
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** "Your assignments" on a page; with no `empty` text it renders nothing when there are none. */
export function AssignmentsSection({ id, items, empty }: { id: string; items: AssignmentItem[]; empty?: string }) {
  const { t } = useTranslation();
  if (items.length === 0 && !empty) return null;
  return (
    <section aria-labelledby={id} className="stack">
      <h2 id={id}>{t("assignments:list.title")}</h2>
      {items.length > 0 ? <AssignmentList items={items} /> : <p className="muted">{empty}</p>}
    </section>
  );
}
