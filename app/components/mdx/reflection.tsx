import { getTextareaProps } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { message } from "~/i18n/message.ts";
import { IntentForm, useIntentForm } from "../forms/intent-form.tsx";
import { Button } from "../ui/button.tsx";
import { FieldErrors } from "../ui/field.tsx";
import { useModuleContext } from "./module-context.tsx";

export const REFLECTION_MAX_LENGTH = 4000;

export const ReflectionSchema = z.object({
  reflectionId: z.string().min(1).max(60),
  text: z
    .string({ required_error: message("learn:reflection.required") })
    .trim()
    .min(1, message("learn:reflection.required"))
    .max(REFLECTION_MAX_LENGTH, message("learn:reflection.tooLong", { max: REFLECTION_MAX_LENGTH })),
});

/**
 * A free-text prompt; answers are saved per person and visible to their team lead. It saves
 * in place, without leaving the reader's spot in the module, and says "Saved." beside the button.
 */
export function Reflection({ id, prompt }: { id: string; prompt: string }) {
  const { t } = useTranslation();
  const { reflections, locked, savedReflectionId } = useModuleContext();
  const fetcher = useFetcher<unknown>();
  const [form, fields] = useIntentForm({
    id: `reflection-${id}`,
    intent: "reflection",
    schema: ReflectionSchema,
    defaultValue: { reflectionId: id, text: reflections[id] ?? "" },
    fetcherData: fetcher.data,
    values: { reflectionId: id },
  });
  // Saved through the fetcher, or (without JavaScript) by the page's own post.
  const saved = isSaved(fetcher.data, id) || (fetcher.state === "idle" && !fetcher.data && savedReflectionId === id);
  const hintId = `${fields.text.id}-hint`;
  return (
    <div className="reflection">
      <IntentForm form={form} intent="reflection" fetcher={fetcher}>
        <input type="hidden" name="reflectionId" value={id} />
        <label htmlFor={fields.text.id} className="reflection__prompt">
          <span className="reflection__kicker">{t("learn:reflection.kicker")}</span> {prompt}
        </label>
        <p className="field__hint" id={hintId}>
          {t("learn:reflection.privacy")}
        </p>
        <textarea {...getTextareaProps(fields.text, { ariaDescribedBy: hintId })} rows={4} disabled={locked} />
        <FieldErrors id={fields.text.errorId} errors={fields.text.errors} />
        <div className="row">
          <Button type="submit" variant="secondary" size="small" pending={fetcher.state !== "idle"} disabled={locked}>
            {t("learn:reflection.save")}
          </Button>
          {saved ? <span role="status">{t("learn:reflection.saved")}</span> : null}
        </div>
      </IntentForm>
    </div>
  );
}

function isSaved(data: unknown, reflectionId: string): boolean {
  return typeof data === "object" && data !== null && "savedReflectionId" in data && data.savedReflectionId === reflectionId;
}
