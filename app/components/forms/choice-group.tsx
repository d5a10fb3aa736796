import { getCollectionProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { FieldErrors } from "../ui/field.tsx";

export type ChoiceOption = { value: string; label: string; detail?: string };

type ChoiceGroupProps<Value> = {
  meta: FieldMetadata<Value>;
  legend: string;
  hint?: ReactNode;
  options: ChoiceOption[];
  empty?: string;
  /** Short labels side by side rather than one per line. */
  columns?: boolean;
};

/** Checkboxes for one array field. */
export function CheckboxGroup(props: ChoiceGroupProps<string[]>) {
  return <ChoiceGroup type="checkbox" {...props} />;
}

/** Radio buttons for one field with a single value. */
export function RadioGroup(props: ChoiceGroupProps<string>) {
  return <ChoiceGroup type="radio" {...props} />;
}

/**
 * A fieldset of choices with its hint and errors announced. Errors on single entries
 * (e.g. a tampered value) are shown with the group's own.
 */
function ChoiceGroup<Value extends string | string[]>({
  type,
  meta,
  legend,
  hint,
  options,
  empty,
  columns = false,
}: ChoiceGroupProps<Value> & { type: "checkbox" | "radio" }) {
  const hintId = `${meta.id}-hint`;
  const errors = [...new Set(Object.values(meta.allErrors).flat())];
  const describedBy = [hint ? hintId : null, errors.length ? meta.errorId : null].filter(Boolean).join(" ") || undefined;
  const inputs = getCollectionProps(meta, { type, options: options.map((option) => option.value) });
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
      <FieldErrors id={meta.errorId} errors={errors} />
    </fieldset>
  );
}
