import { Link } from "@remix-run/react";
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
  return (
    <Card title="Edit the session">
      <details className="session-edit" open={refused}>
        <summary>Change the date, focus, notes or links</summary>
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
          submitLabel="Save changes"
        />
      </details>
      {confirmingDelete ? (
        <div role="alertdialog" aria-labelledby="confirm-delete-title" className="alert alert--warning">
          <h3 id="confirm-delete-title">Delete this session?</h3>
          <p>Its notes, links and action items go with it, for {session.agent.name} too. This can't be undone.</p>
          <div className="row">
            <ActionButton intent="delete" variant="danger" className="">
              Yes, delete it
            </ActionButton>
            <Link to={`/coaching/sessions/${session.id}`} className={buttonClassName("secondary")}>
              Keep it
            </Link>
          </div>
        </div>
      ) : (
        <p>
          <Link to="?confirm=delete">Delete this session…</Link>
        </p>
      )}
    </Card>
  );
}
