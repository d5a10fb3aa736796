import { useTranslation } from "react-i18next";
import type { RedLineHit } from "~/engine/grading/red-lines.ts";
import { Button } from "../ui/button.tsx";

/**
 * Shown when a reply about to be sent contains one of the organisation's red lines. It teaches rather
 * than forbids: the agent may still send it, and the grade will count it.
 */
export function RedLineWarning({ hits, onSend, onEdit }: { hits: RedLineHit[]; onSend: () => void; onEdit: () => void }) {
  const { t } = useTranslation();
  const seen = new Set<string>();
  const unique = hits.filter((hit) => !seen.has(hit.redLine.id) && seen.add(hit.redLine.id));
  return (
    <div role="alert" className="alert alert--warning red-line-warning">
      <p>
        <strong>{t("practice:redLine.title", { count: unique.length })}</strong>
      </p>
      <ul>
        {unique.map((hit) => (
          <li key={hit.redLine.id}>{t("practice:redLine.item", { phrase: hit.redLine.phrase, reason: hit.redLine.reason })}</li>
        ))}
      </ul>
      <p className="muted">{t("practice:redLine.graded")}</p>
      <div className="row">
        <Button type="button" variant="secondary" onClick={onEdit}>
          {t("practice:redLine.edit")}
        </Button>
        <Button type="button" variant="danger" onClick={onSend}>
          {t("practice:redLine.send")}
        </Button>
      </div>
    </div>
  );
}
