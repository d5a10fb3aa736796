import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isFormReply } from "~/components/forms/reply.ts";
import { Button } from "~/components/ui/button.tsx";
import { FieldErrors } from "~/components/ui/field.tsx";
import { ProgressBar } from "~/components/ui/progress-bar.tsx";
import { IMPORT_EXTENSIONS, IMPORT_PROGRESS_PATH, ImportFormSchema, type ImportEvent } from "~/domain/imports.ts";
import type { ImportReport } from "~/engine/imports/types.ts";
import { translateMessage } from "~/i18n/message.ts";
import { ImportReportView } from "./import-report.tsx";

type Progress =
  | { phase: "idle" }
  | { phase: "uploading"; percent: number }
  | { phase: "grading"; done: number; total: number }
  | { phase: "failed"; message: string };

/** Reads the progress lines that have arrived so far; the last line may still be partial. */
function eventsIn(text: string): ImportEvent[] {
  return text
    .split("\n")
    .slice(0, -1)
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as ImportEvent);
}

/**
 * The upload form. Without JavaScript it posts and the page shows the report; with it, the file
 * goes up with a progress bar and the server's progress lines move the bar while it grades.
 */
export function ImportForm({ report: posted, maxMegabytes }: { report: ImportReport | null; maxMegabytes: number }) {
  const { t } = useTranslation();
  const actionData = useActionData();
  const navigation = useNavigation();
  const [progress, setProgress] = useState<Progress>({ phase: "idle" });
  const [report, setReport] = useState<ImportReport | null>(null);
  const [clientErrors, setClientErrors] = useState<string[] | undefined>();
  const form = useRef<HTMLFormElement>(null);
  const serverErrors = isFormReply(actionData) ? (actionData.result.error?.file ?? undefined) : undefined;
  const errors = clientErrors ?? (report ? undefined : serverErrors);
  const busy = progress.phase === "uploading" || progress.phase === "grading" || navigation.state === "submitting";
  const shown = report ?? (progress.phase === "idle" ? posted : null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = new FormData(event.currentTarget);
    const checked = ImportFormSchema.safeParse({ file: body.get("file") });
    if (!checked.success) {
      setClientErrors(checked.error.issues.map((issue) => issue.message));
      return;
    }
    setClientErrors(undefined);
    setReport(null);
    setProgress({ phase: "uploading", percent: 0 });
    const request = new XMLHttpRequest();
    request.open("POST", IMPORT_PROGRESS_PATH);
    request.upload.onprogress = (upload) => {
      if (upload.lengthComputable) setProgress({ phase: "uploading", percent: (upload.loaded / upload.total) * 100 });
    };
    const follow = () => {
      if (request.status !== 200) return;
      for (const line of eventsIn(request.responseText)) {
        if (line.type === "progress") setProgress({ phase: "grading", done: line.done, total: line.total });
        if (line.type === "failed") setProgress({ phase: "failed", message: line.message });
        if (line.type === "done") {
          setProgress({ phase: "idle" });
          setReport(line.report);
          form.current?.reset();
        }
      }
    };
    request.onprogress = follow;
    request.onload = () => {
      if (request.status === 200) return follow();
      let refusal: unknown = null;
      try {
        refusal = JSON.parse(request.responseText);
      } catch {
        // Not a refusal we can read: the generic message below says so.
      }
      const file = isFormReply(refusal) ? refusal.result.error?.file : undefined;
      const text = typeof refusal === "object" && refusal && "message" in refusal ? String(refusal.message) : null;
      setProgress({ phase: "idle" });
      setClientErrors(file ?? [text ?? "coaching:import.failed"]);
    };
    request.onerror = () => setProgress({ phase: "failed", message: "coaching:import.connectionLost" });
    request.send(body);
  }

  return (
    <>
      <Form
        method="post"
        encType="multipart/form-data"
        className="form"
        ref={form}
        onSubmit={submit}
        aria-label={t("coaching:import.formLabel")}
      >
        <input type="hidden" name="intent" value="import" />
        <div className="field">
          <label htmlFor="import-file">{t("coaching:import.file")}</label>
          <span id="import-file-hint" className="field__hint">
            {t("coaching:import.fileHint", { kinds: IMPORT_EXTENSIONS.join(", "), megabytes: maxMegabytes })}
          </span>
          <input
            id="import-file"
            name="file"
            type="file"
            required
            accept={IMPORT_EXTENSIONS.join(",")}
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby={errors?.length ? "import-file-hint import-file-errors" : "import-file-hint"}
          />
          <FieldErrors id="import-file-errors" errors={errors} />
        </div>
        <div>
          <Button type="submit" disabled={busy}>
            {busy ? t("coaching:import.working") : t("coaching:import.submit")}
          </Button>
        </div>
      </Form>
      <div aria-live="polite">
        {progress.phase === "uploading" ? <ProgressBar label={t("coaching:import.uploading")} percent={progress.percent} /> : null}
        {progress.phase === "grading" ? (
          <>
            <ProgressBar label={t("coaching:import.grading")} percent={(progress.done / Math.max(1, progress.total)) * 100} />
            <p className="muted">{t("coaching:import.gradingCount", { done: progress.done, total: progress.total })}</p>
          </>
        ) : null}
        {progress.phase === "failed" ? (
          <p role="alert" className="alert alert--error">
            {translateMessage(t, progress.message)}
          </p>
        ) : null}
      </div>
      {shown ? <ImportReportView report={shown} /> : null}
    </>
  );
}
