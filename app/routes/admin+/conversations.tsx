import { getInputProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IntentForm, useIntentForm } from "~/components/forms/intent-form.tsx";
import { useIsPending } from "~/components/forms/use-is-pending.ts";
import { Button } from "~/components/ui/button.tsx";
import { Field, TextareaField } from "~/components/ui/field.tsx";
import { Card, PageHeader } from "~/components/ui/layout.tsx";
import { ImportSettingsSchema } from "~/domain/imports.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { countImportedConversations, getImportSettings, saveImportSettings } from "~/models/real-conversation.server.ts";
import { personalDataKey } from "~/utils/env.server.ts";
import { handleIntent, invalid, redirectWithNotice } from "~/utils/forms.server.ts";
import { requireRole } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const [settings, imported] = await Promise.all([getImportSettings(), countImportedConversations()]);
  return { settings, imported, canReveal: personalDataKey() !== null };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const formData = await readFormData(request);
  return handleIntent(formData, {
    settings: async () => {
      const submission = parseWithZod(formData, { schema: ImportSettingsSchema });
      if (submission.status !== "success") return invalid("settings", submission);
      const { deleted } = await saveImportSettings(admin.id, submission.value);
      return redirectWithNotice("/admin/conversations", "import-settings-saved", deleted);
    },
  });
}

function SettingsForm({ settings }: { settings: { maskedNames: string[]; retentionDays: number | null } }) {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm({
    id: "import-settings",
    intent: "settings",
    schema: ImportSettingsSchema,
    defaultValue: { maskedNames: settings.maskedNames.join("\n"), retentionDays: settings.retentionDays?.toString() ?? "" },
  });
  const pending = useIsPending({ intent: "settings" });
  return (
    <IntentForm form={form} intent="settings" label={t("coaching:importSettings.formLabel")}>
      <TextareaField
        label={t("coaching:importSettings.names")}
        hint={t("coaching:importSettings.namesHint")}
        errors={fields.maskedNames.errors}
        textareaProps={{ ...getTextareaProps(fields.maskedNames), rows: 6 }}
      />
      <Field
        label={t("coaching:importSettings.retention")}
        hint={t("coaching:importSettings.retentionHint")}
        errors={fields.retentionDays.errors}
        inputProps={{ ...getInputProps(fields.retentionDays, { type: "number" }), min: 1, max: 3650 }}
      />
      <div>
        <Button type="submit" pending={pending}>
          {t("coaching:importSettings.save")}
        </Button>
      </div>
    </IntentForm>
  );
}

export default function ImportSettingsPage() {
  const { settings, imported, canReveal } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeader
        title={t("coaching:importSettings.title")}
        description={t("coaching:importSettings.description", { count: imported })}
        actions={<Link to="/coaching/conversations/import">{t("coaching:importSettings.toImport")}</Link>}
      />
      <Card>
        <SettingsForm settings={settings} />
      </Card>
      <Card title={t("coaching:importSettings.revealTitle")}>
        <p>{canReveal ? t("coaching:importSettings.revealOn") : t("coaching:importSettings.revealOff")}</p>
      </Card>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "coaching:importSettings.pageTitle") }];
