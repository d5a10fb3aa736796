import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ImportForm } from "~/components/imports/import-form.tsx";
import { ImportHelp } from "~/components/imports/import-help.tsx";
import { PageHeader } from "~/components/ui/layout.tsx";
import { IMPORT_BODY_BYTES, IMPORT_LIMITS, IMPORT_STREAM_TYPE, ImportFormSchema } from "~/domain/imports.ts";
import { LEADING_ROLES, peopleScope } from "~/engine/access/people.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { importConversations, prepareImport, streamImport } from "~/models/real-conversation.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { invalid } from "~/utils/forms.server.ts";
import { requireRole } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, LEADING_ROLES);
  return { maxMegabytes: IMPORT_LIMITS.maxFileBytes / 1024 / 1024, maxConversations: IMPORT_LIMITS.maxConversations };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireRole(request, LEADING_ROLES);
  const formData = await readFormData(request, { maxBodyBytes: IMPORT_BODY_BYTES });
  const submission = parseWithZod(formData, { schema: ImportFormSchema });
  if (submission.status !== "success") return invalid("import", submission);
  const file = await prepareImport(submission.value.file);
  if (file.status === "refused") return invalid("import", submission, { file: [file.message] });
  const importer = { id: viewer.id, scope: peopleScope(toViewer(viewer)) };
  // With JavaScript the page asks for progress as the import goes; without, it waits for the report.
  if (request.headers.get("Accept")?.includes(IMPORT_STREAM_TYPE)) return streamImport(importer, file);
  return data({ intent: "import", report: await importConversations(importer, file) });
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
