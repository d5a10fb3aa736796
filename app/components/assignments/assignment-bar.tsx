import { formatDate } from "~/utils/format.ts";

export type AssignmentBarView = { dueAt: string; passBar: string | null; automatic: boolean };

/**
 * On the module or scenario an open assignment opens: what completing the assignment takes, which for a
 * scenario may be more than the page's own pass mark.
 */
export function AssignmentBar({ bar }: { bar: AssignmentBarView }) {
  const who = bar.automatic ? "Your extra practice" : "Your lead's bar";
  return (
    <section className="alert alert--info" aria-label="Your assignment">
      <p>
        <strong>{who}:</strong> {bar.passBar ? `${bar.passBar}, by ${formatDate(bar.dueAt)}.` : `complete it by ${formatDate(bar.dueAt)}.`}
        {bar.passBar ? " A pass against the scenario's own mark doesn't complete the assignment unless it meets this too." : null}
      </p>
    </section>
  );
}

/** The loader's shape of an open assignment's bar, or null when there is none. */
export function toAssignmentBarView(bar: { dueAt: Date; passBar: string | null; automatic: boolean } | null): AssignmentBarView | null {
  return bar ? { dueAt: bar.dueAt.toISOString(), passBar: bar.passBar, automatic: bar.automatic } : null;
}
