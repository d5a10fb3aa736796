import { getInputProps } from "@conform-to/react";
import { useLocation } from "@remix-run/react";
import { ACTION_ITEM_MAX } from "~/domain/coaching.ts";
import { formatDate } from "~/utils/format.ts";
import { ActionButton } from "../forms/action-button.tsx";
import { IntentForm, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button } from "../ui/button.tsx";
import { Field } from "../ui/field.tsx";
import { Badge, Card } from "../ui/layout.tsx";
import { createActionItemSchema } from "./session-form.tsx";

export type ActionItemView = {
  id: string;
  text: string;
  dueDate: string;
  done: boolean;
  completedAt: string | null;
  overdue: boolean;
};

/** A session's action items: both people tick them done; its coach also adds and removes them. */
export function ActionItemsCard({ items, coach, today }: { items: ActionItemView[]; coach: boolean; today: string }) {
  // A new navigation follows every saved change: the form for the next item starts empty.
  const { key: locationKey } = useLocation();
  const openCount = items.filter((item) => !item.done).length;
  return (
    <Card title="Action items">
      {items.length === 0 ? (
        <p className="muted">No action items yet.</p>
      ) : (
        <>
          <p>{openCount === 0 ? "All done." : `${openCount} of ${items.length} still open.`}</p>
          <ul className="action-items">
            {items.map((item) => (
              <li key={item.id} className={item.done ? "action-item action-item--done" : "action-item"}>
                <div>
                  <p className="action-item__text">{item.text}</p>
                  <p className="muted action-item__meta">
                    Due {formatDate(item.dueDate)}
                    {item.overdue ? (
                      <>
                        {" "}
                        <Badge tone="danger">Overdue</Badge>
                      </>
                    ) : null}
                    {item.done && item.completedAt ? ` · done ${formatDate(item.completedAt)}` : null}
                  </p>
                </div>
                <div className="row">
                  <ActionButton
                    intent="toggle-item"
                    values={{ itemId: item.id, done: item.done ? "false" : "true" }}
                    variant="secondary"
                    size="small"
                    className=""
                    label={`${item.done ? "Mark as not done" : "Mark as done"}: ${item.text}`}
                  >
                    {item.done ? "Mark as not done" : "Mark as done"}
                  </ActionButton>
                  {coach ? (
                    <ActionButton
                      intent="remove-item"
                      values={{ itemId: item.id }}
                      variant="danger"
                      size="small"
                      className=""
                      label={`Remove: ${item.text}`}
                    >
                      Remove
                    </ActionButton>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {coach ? <NewItemForm key={locationKey} today={today} /> : null}
    </Card>
  );
}

function NewItemForm({ today }: { today: string }) {
  const [form, fields] = useIntentForm({ id: "add-item", intent: "add-item", schema: createActionItemSchema({ today }) });
  const pending = useIsPending({ intent: "add-item" });
  return (
    <IntentForm form={form} intent="add-item" className="form form--inline">
      <Field
        label="New action item"
        errors={fields.text.errors}
        inputProps={{ ...getInputProps(fields.text, { type: "text" }), maxLength: ACTION_ITEM_MAX, autoComplete: "off" }}
      />
      <Field
        label="Due date"
        errors={fields.dueDate.errors}
        inputProps={{ ...getInputProps(fields.dueDate, { type: "date" }), min: today }}
      />
      <Button type="submit" variant="secondary" pending={pending}>
        Add
      </Button>
    </IntentForm>
  );
}
