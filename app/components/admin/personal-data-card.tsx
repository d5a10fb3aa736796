import { getInputProps } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { Download } from "lucide-react";
import { useTranslation } from "react-i18next";
import { EraseConfirmationSchema } from "~/domain/people.ts";
import { useFormat } from "~/i18n/use-format.ts";
import { IntentForm, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button, ButtonLink, buttonClassName } from "../ui/button.tsx";
import { Field, FormErrors } from "../ui/field.tsx";
import { Card } from "../ui/layout.tsx";

type Person = { id: string; name: string; active: boolean; erasedAt: string | null };

function EraseForm({ person }: { person: Person }) {
  const [form, fields] = useIntentForm({ id: "erase-person", intent: "erase", schema: EraseConfirmationSchema });
  const pending = useIsPending({ intent: "erase" });
  const { t } = useTranslation();
  return (
    <div role="alertdialog" aria-labelledby="confirm-erase-title" className="alert alert--warning">
      <h3 id="confirm-erase-title">{t("admin:person.personalData.confirmTitle", { name: person.name })}</h3>
      <p>{t("admin:person.personalData.confirmBody")}</p>
      <IntentForm form={form} intent="erase">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field
          label={t("admin:person.personalData.confirmEmail")}
          errors={fields.confirmEmail.errors}
          inputProps={{ ...getInputProps(fields.confirmEmail, { type: "email" }), autoComplete: "off" }}
        />
        <div className="row">
          <Button type="submit" variant="danger" pending={pending}>
            {t("admin:person.personalData.confirmYes")}
          </Button>
          <Link to={`/admin/people/${person.id}`} className={buttonClassName("secondary")}>
            {t("admin:person.account.cancel")}
          </Link>
        </div>
      </IntentForm>
    </div>
  );
}

/** Download what Frontline holds about a person, and erase a departed person's identity. */
export function PersonalDataCard({ person, confirmingErase, isSelf }: { person: Person; confirmingErase: boolean; isSelf: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card title={t("admin:person.personalData.title")}>
      <p>{t("admin:person.personalData.exportExplain", { name: person.name })}</p>
      <div>
        <ButtonLink to={`/admin/people/${person.id}/personal-data`} reloadDocument download variant="secondary" icon={Download}>
          {t("admin:person.personalData.download")}
        </ButtonLink>
      </div>
      <h3>{t("admin:person.personalData.eraseTitle")}</h3>
      {person.erasedAt ? (
        <p>{t("admin:person.personalData.erasedOn", { day: format.day(person.erasedAt) })}</p>
      ) : isSelf ? (
        <p className="muted">{t("admin:person.personalData.notSelf")}</p>
      ) : person.active ? (
        <p className="muted">{t("admin:person.personalData.deactivateFirst")}</p>
      ) : confirmingErase ? (
        <EraseForm person={person} />
      ) : (
        <>
          <p>{t("admin:person.personalData.eraseExplain")}</p>
          <Link to="?confirm=erase" className={buttonClassName("danger")}>
            {t("admin:person.personalData.erase")}
          </Link>
        </>
      )}
    </Card>
  );
}
