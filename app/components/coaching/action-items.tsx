import { getInputProps } from "@conform-to/react";
import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ACTION_ITEM_MAX } from "~/domain/coaching.ts";
import { useFormat } from "~/i18n/use-format.ts";
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
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card title={t("coaching:actionItems.title")}>
      {items.length === 0 ? (
        <p className="muted">{t("coaching:actionItems.none")}</p>
      ) : (
        <>
          <p>
            {openCount === 0
              ? t("coaching:actionItems.allDoneSentence")
              : t("coaching:actionItems.stillOpen", { open: openCount, total: items.length })}
          </p>
          <ul className="action-items">
            {items.map((item) => (
              <li key={item.id} className={item.done ? "action-item action-item--done" : "action-item"}>
                <div>
                  <p className="action-item__text">{item.text}</p>
                  <p className="muted action-item__meta">
                    {t("coaching:actionItems.due", { due: format.day(item.dueDate) })}
                    {item.overdue ? (
                      <>
                        {" "}
                        <Badge tone="danger">{t("coaching:actionItems.overdue")}</Badge>
                      </>
                    ) : null}
                    {item.done && item.completedAt ? ` ${t("coaching:actionItems.doneOn", { done: format.day(item.completedAt) })}` : null}
                  </p>
                </div>
                <div className="row">
                  <ActionButton
                    intent="toggle-item"
                    values={{ itemId: item.id, done: item.done ? "false" : "true" }}
                    variant="secondary"
                    size="small"
                    className=""
                    label={
                      item.done
                        ? t("coaching:actionItems.markNotDoneLabel", { text: item.text })
                        : t("coaching:actionItems.markDoneLabel", { text: item.text })
                    }
                  >
                    {item.done ? t("coaching:actionItems.markNotDone") : t("coaching:actionItems.markDone")}
                  </ActionButton>
                  {coach ? (
                    <ActionButton
                      intent="remove-item"
                      values={{ itemId: item.id }}
                      variant="danger"
                      size="small"
                      className=""
                      label={t("coaching:actionItems.removeLabel", { text: item.text })}
                    >
                      {t("coaching:actionItems.remove")}
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
  const { t } = useTranslation();
  return (
    <IntentForm form={form} intent="add-item" className="form form--inline">
      <Field
        label={t("coaching:actionItems.new")}
        errors={fields.text.errors}
        inputProps={{ ...getInputProps(fields.text, { type: "text" }), maxLength: ACTION_ITEM_MAX, autoComplete: "off" }}
      />
      <Field
        label={t("assignments:form.dueDate")}
        errors={fields.dueDate.errors}
        inputProps={{ ...getInputProps(fields.dueDate, { type: "date" }), min: today }}
      />
      <Button type="submit" variant="secondary" pending={pending}>
        {t("coaching:actionItems.add")}
      </Button>
    </IntentForm>
  );
}
