// Reading an import upload, for the page's form and for its progress stream alike.
import { parseWithZod } from "@conform-to/zod";
import { IMPORT_BODY_BYTES, ImportFormSchema } from "~/domain/imports.ts";
import { LEADING_ROLES, peopleScope } from "~/engine/access/people.ts";
import { prepareImport, type Importer, type PreparedImport } from "~/models/real-conversation.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { invalid } from "~/utils/forms.server.ts";
import { requireRole } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";

/** The importer and their parsed file, or the 400 that names what is wrong with the file. */
export async function readImportUpload(
  request: Request,
): Promise<{ importer: Importer; file: Extract<PreparedImport, { status: "ok" }> } | { refusal: ReturnType<typeof invalid> }> {
  const viewer = await requireRole(request, LEADING_ROLES);
  const formData = await readFormData(request, { maxBodyBytes: IMPORT_BODY_BYTES });
  const submission = parseWithZod(formData, { schema: ImportFormSchema });
  if (submission.status !== "success") return { refusal: invalid("import", submission) };
  const file = await prepareImport(submission.value.file);
  if (file.status === "refused") return { refusal: invalid("import", submission, { file: [file.message] }) };
  return { importer: { id: viewer.id, scope: peopleScope(toViewer(viewer)) }, file };
}
