import { getCollectionProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";

export type CheckboxOption = { value: string; label: string; detail?: string };

/**
 * A fieldset of checkboxes for one array field, with its hint and errors announced. Errors on
 * single entries (e.g. a tampered value) are shown with the group's own.
 */
export function CheckboxGroup({
  meta,
  legend,
  hint,
  options,
  empty,
  columns = false,
}: {
  meta: FieldMetadata<string[]>;
  legend: string;
  hint?: ReactNode;
  options: CheckboxOption[];
  empty?: string;
  /** Short labels side by side rather than one per line. */
  columns?: boolean;
}) {
  const hintId = `${meta.id}-hint`;
  const errors = [...new Set(Object.values(meta.allErrors).flat())];
  const describedBy = [hint ? hintId : null, errors.length ? meta.errorId : null].filter(Boolean).join(" ") || undefined;
  const inputs = getCollectionProps(meta, { type: "checkbox", options: options.map((option) => option.value) });
  return (
    <fieldset
      className={["checkbox-group", columns && "checkbox-group--columns", errors.length && "checkbox-group--invalid"]
        .filter(Boolean)
        .join(" ")}
      aria-describedby={describedBy}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {options.length === 0 && empty ? <p className="muted">{empty}</p> : null}
      <div className="checkbox-group__options">
        {options.map((option, index) => {
          const { key, ...input } = inputs[index];
          return (
            <div key={key} className="checkbox-group__option">
              <input {...input} aria-describedby={undefined} aria-invalid={undefined} />
              <label htmlFor={input.id}>
                {option.label}
                {option.detail ? <span className="checkbox-group__detail">{option.detail}</span> : null}
              </label>
            </div>
          );
        })}
      </div>
      {errors.length ? (
        <ul id={meta.errorId} className="field__errors">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
