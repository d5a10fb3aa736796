import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { RED_LINE_KINDS, type RedLineKind } from "~/engine/grading/red-lines.ts";
import { message } from "~/i18n/message.ts";
import { ActionButton } from "../forms/action-button.tsx";
import { IntentForm, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button, buttonClassName } from "../ui/button.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { Field, SelectField, TextareaField } from "../ui/field.tsx";
import { Card, EmptyState } from "../ui/layout.tsx";

export const RED_LINE_KIND_LABELS: Record<RedLineKind, `admin:${string}`> = {
  blame: "admin:redLines.kind.blame",
  "forbidden-promise": "admin:redLines.kind.forbidden-promise",
  "banned-wording": "admin:redLines.kind.banned-wording",
};

export const redLineSchema = z.object({
  phrase: z
    .string({ required_error: message("admin:redLines.validation.phrase") })
    .trim()
    .min(2, message("admin:redLines.validation.phrase"))
    .max(120, message("admin:redLines.validation.phraseLong")),
  kind: z.enum(RED_LINE_KINDS, { errorMap: () => ({ message: message("admin:redLines.validation.kind") }) }),
  reason: z
    .string({ required_error: message("admin:redLines.validation.reason") })
    .trim()
    .min(5, message("admin:redLines.validation.reason"))
    .max(300, message("admin:redLines.validation.reasonLong")),
});

export const removeRedLineSchema = z.object({ redLineId: z.string().min(1).max(50) });

type RedLineRow = { id: string; phrase: string; kind: RedLineKind; reason: string };

function AddRedLineForm() {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm({ id: "red-line", intent: "add-red-line", schema: redLineSchema });
  const pending = useIsPending({ intent: "add-red-line" });
  return (
    <IntentForm form={form} intent="add-red-line" label={t("admin:redLines.addLabel")}>
      <Field
        label={t("admin:redLines.phrase")}
        hint={t("admin:redLines.phraseHint")}
        errors={fields.phrase.errors}
        inputProps={getInputProps(fields.phrase, { type: "text" })}
      />
      <SelectField
        label={t("admin:redLines.kindLabel")}
        errors={fields.kind.errors}
        placeholder={t("admin:redLines.chooseKind")}
        options={RED_LINE_KINDS.map((kind) => ({ value: kind, label: t(RED_LINE_KIND_LABELS[kind]) }))}
        selectProps={getSelectProps(fields.kind)}
      />
      <TextareaField
        label={t("admin:redLines.reason")}
        hint={t("admin:redLines.reasonHint")}
        errors={fields.reason.errors}
        textareaProps={{ ...getTextareaProps(fields.reason), rows: 2 }}
      />
      <div>
        <Button type="submit" variant="secondary" pending={pending}>
          {t("admin:redLines.add")}
        </Button>
      </div>
    </IntentForm>
  );
}

/** The organisation's red-line phrases: what each breaks and why, with removal behind a confirmation. */
export function RedLinesCard({ redLines, confirming }: { redLines: RedLineRow[]; confirming: string | null }) {
  const { t } = useTranslation();
  const pendingRemoval = redLines.find((redLine) => redLine.id === confirming);
  return (
    <Card title={t("admin:redLines.title")}>
      <p>{t("admin:redLines.body")}</p>
      {pendingRemoval ? (
        <div role="alertdialog" aria-labelledby="confirm-red-line-title" className="alert alert--warning">
          <h3 id="confirm-red-line-title">{t("admin:redLines.confirmTitle", { phrase: pendingRemoval.phrase })}</h3>
          <p>{t("admin:redLines.confirmBody")}</p>
          <div className="row">
            <ActionButton intent="remove-red-line" values={{ redLineId: pendingRemoval.id }} variant="danger" className="">
              {t("admin:redLines.confirmYes")}
            </ActionButton>
            <Link to="/admin/grader" className={buttonClassName("secondary")}>
              {t("admin:redLines.confirmKeep")}
            </Link>
          </div>
        </div>
      ) : null}
      {redLines.length === 0 ? (
        <EmptyState title={t("admin:redLines.emptyTitle")}>{t("admin:redLines.emptyBody")}</EmptyState>
      ) : (
        <DataTable
          caption={t("admin:redLines.caption", { count: redLines.length })}
          columns={[t("admin:redLines.phrase"), t("admin:redLines.kindLabel"), t("admin:redLines.reason"), t("admin:redLines.actions")]}
        >
          {redLines.map((redLine) => (
            <tr key={redLine.id}>
              <th scope="row">{t("admin:redLines.quoted", { phrase: redLine.phrase })}</th>
              <td>{t(RED_LINE_KIND_LABELS[redLine.kind])}</td>
              <td>{redLine.reason}</td>
              <td>
                <Link
                  to={`?confirm=${encodeURIComponent(redLine.id)}`}
                  aria-label={t("admin:redLines.removeLabel", { phrase: redLine.phrase })}
                >
                  {t("admin:redLines.remove")}
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <AddRedLineForm />
    </Card>
  );
}
