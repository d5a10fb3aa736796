import { CircleCheck, CircleExclamationPoint, Info, TriangleExclamationPoint, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

/**
 * The top of a page: the title and the page's main action stand out, the description is quieter.
 * `eyebrow` names what the page belongs to (a team, a person) above the title.
 */
export function PageHeader({
  title,
  description,
  actions,
  eyebrow,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  eyebrow?: ReactNode;
}) {
  return (
    <div className="page-header">
      <div>
        {eyebrow ? <p className="page-header__eyebrow">{eyebrow}</p> : null}
        <h1>{title}</h1>
        {description ? <p>{description}</p> : null}
      </div>
      {actions ? <div className="row">{actions}</div> : null}
    </div>
  );
}

export function Card({ title, children, headingLevel = 2 }: { title?: string; children: ReactNode; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="card" aria-label={title}>
      {title ? <Heading>{title}</Heading> : null}
      {children}
    </section>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <h2>{title}</h2>
      {children ? <p>{children}</p> : null}
      {action}
    </div>
  );
}

type Tone = "info" | "success" | "error" | "warning";

const TONE_ICONS: Record<Tone, LucideIcon> = {
  info: Info,
  success: CircleCheck,
  error: CircleExclamationPoint,
  warning: TriangleExclamationPoint,
};

export function Alert({ tone = "info", children }: { tone?: Tone; children: ReactNode }) {
  const Icon = TONE_ICONS[tone];
  return (
    <div className={`alert alert--icon alert--${tone}`} role={tone === "error" ? "alert" : "status"}>
      <Icon aria-hidden="true" className="icon" />
      <div className="alert__body">{children}</div>
    </div>
  );
}

export function Badge({ tone, children }: { tone?: "success" | "danger" | "primary" | "warning"; children: ReactNode }) {
  return <span className={tone ? `badge badge--${tone}` : "badge"}>{children}</span>;
}
