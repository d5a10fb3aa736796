import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionButton } from "../forms/action-button.tsx";
import { useFormReply } from "../forms/intent-form.tsx";
import { buttonClassName } from "../ui/button.tsx";
import { Card } from "../ui/layout.tsx";
import { SessionForm, type LinkOption, type SessionFormContext, type SessionFormDefaults } from "./session-form.tsx";

export type SessionEditView = {
  context: SessionFormContext;
  competencies: LinkOption[];
  attempts: LinkOption[];
  reflections: LinkOption[];
  defaults: SessionFormDefaults;
};

/** The coach's tools for a session: its edit form (open again after a refusal) and deleting it, once confirmed. */
export function SessionEditCard({
  edit,
  session,
  confirmingDelete,
}: {
  edit: SessionEditView;
  session: { id: string; agent: { name: string } };
  confirmingDelete: boolean;
}) {
  const refused = useFormReply("update") !== undefined;
  const { t } = useTranslation();
  return (
    <Card title={t("coaching:sessionEdit.title")}>
      <details className="session-edit" open={refused}>
        <summary>{t("coaching:sessionEdit.summary")}</summary>
        <SessionForm
          id="edit-session"
          intent="update"
          context={edit.context}
          agentName={session.agent.name}
          competencies={edit.competencies}
          attempts={edit.attempts}
          reflections={edit.reflections}
          defaultValue={edit.defaults}
          withActionItems={false}
          submitLabel={t("coaching:sessionEdit.save")}
        />
      </details>
      {confirmingDelete ? (
        <div role="alertdialog" aria-labelledby="confirm-delete-title" className="alert alert--warning">
          <h3 id="confirm-delete-title">{t("coaching:sessionEdit.confirmTitle")}</h3>
          <p>{t("coaching:sessionEdit.confirmBody", { name: session.agent.name })}</p>
          <div className="row">
            <ActionButton intent="delete" variant="danger" className="">
              {t("coaching:sessionEdit.yes")}
            </ActionButton>
            <Link to={`/coaching/sessions/${session.id}`} className={buttonClassName("secondary")}>
              {t("coaching:sessionEdit.keep")}
            </Link>
          </div>
        </div>
      ) : (
        <p>
          <Link to="?confirm=delete">{t("coaching:sessionEdit.link")}</Link>
        </p>
      )}
    </Card>
  );
}
