import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ImportForm } from "~/components/imports/import-form.tsx";
import { ImportHelp } from "~/components/imports/import-help.tsx";
import { PageHeader } from "~/components/ui/layout.tsx";
import { IMPORT_LIMITS } from "~/domain/imports.ts";
import { LEADING_ROLES } from "~/engine/access/people.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { importConversations } from "~/models/real-conversation.server.ts";
import { requireRole } from "~/utils/permissions.server.ts";
import { readImportUpload } from "./import-action.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, LEADING_ROLES);
  return { maxMegabytes: IMPORT_LIMITS.maxFileBytes / 1024 / 1024, maxConversations: IMPORT_LIMITS.maxConversations };
}

export async function action({ request }: ActionFunctionArgs) {
  const upload = await readImportUpload(request);
  if ("refusal" in upload) return upload.refusal;
  return data({ intent: "import", report: await importConversations(upload.importer, upload.file) });
}

export default function ImportConversationsPage() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const { maxMegabytes, maxConversations } = useLoaderData<typeof loader>();
  const report = actionData && "report" in actionData ? actionData.report : null;
  return (
    <div className="stack">
      <PageHeader
        title={t("coaching:import.title")}
        description={t("coaching:import.description")}
        actions={<Link to="/coaching/reviews?source=real">{t("coaching:import.toQueue")}</Link>}
      />
      <ImportForm report={report} maxMegabytes={maxMegabytes} />
      <ImportHelp maxMegabytes={maxMegabytes} maxConversations={maxConversations} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "coaching:import.pageTitle") }];
