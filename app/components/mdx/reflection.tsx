import { useFetcher } from "@remix-run/react";
import { Button } from "../ui/button.tsx";
import { useModuleContext } from "./module-context.tsx";

export const REFLECTION_MAX_LENGTH = 4000;

/** A free-text prompt; answers are saved per person and visible to their team lead. */
export function Reflection({ id, prompt }: { id: string; prompt: string }) {
  const { reflections, locked, savedReflectionId } = useModuleContext();
  const fetcher = useFetcher<{ savedReflectionId?: string; reflectionError?: string }>();
  const saved = fetcher.data?.savedReflectionId === id || (fetcher.state === "idle" && !fetcher.data && savedReflectionId === id);
  const fieldId = `reflection-${id}`;
  return (
    <div className="reflection">
      <fetcher.Form method="post" className="form">
        <input type="hidden" name="intent" value="reflection" />
        <input type="hidden" name="reflectionId" value={id} />
        <label id={`${fieldId}-label`} htmlFor={fieldId} className="reflection__prompt">
          <span className="reflection__kicker">Reflect</span> {prompt}
        </label>
        <p className="field__hint" id={`${fieldId}-hint`}>
          Only you and your team lead can see your answer.
        </p>
        <textarea
          id={fieldId}
          name="text"
          rows={4}
          maxLength={REFLECTION_MAX_LENGTH}
          required
          aria-describedby={`${fieldId}-hint`}
          defaultValue={reflections[id] ?? ""}
          disabled={locked}
        />
        <div className="row">
          <Button type="submit" variant="secondary" size="small" pending={fetcher.state !== "idle"} disabled={locked}>
            Save reflection
          </Button>
          {saved ? <span role="status">Saved.</span> : null}
          {fetcher.data?.reflectionError ? (
            <span role="alert" className="field__errors">
              {fetcher.data.reflectionError}
            </span>
          ) : null}
        </div>
      </fetcher.Form>
    </div>
  );
}
