// The import with its progress as it goes, one JSON line per step, for the import page's progress bar.
import type { ActionFunctionArgs } from "@remix-run/node";
import { streamImport } from "~/models/real-conversation.server.ts";
import { replyAsResponse } from "~/utils/http.server.ts";
import { readImportUpload } from "./import-action.server.ts";

export async function action({ request }: ActionFunctionArgs) {
  const upload = await readImportUpload(request);
  return "refusal" in upload ? replyAsResponse(upload.refusal) : streamImport(upload.importer, upload.file);
}
