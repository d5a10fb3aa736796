import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

type Errors = string[] | undefined;

function ErrorList({ id, errors }: { id: string; errors: Errors }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field__errors">
      {errors.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  );
}

function describedBy(id: string, hint: ReactNode, errors: Errors): string | undefined {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-errors` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** A labelled input with its hint and error messages wired up for screen readers. */
export function Field({
  label,
  hint,
  errors,
  inputProps,
}: {
  label: ReactNode;
  hint?: ReactNode;
  errors?: Errors;
  inputProps: InputHTMLAttributes<HTMLInputElement> & { id: string };
}) {
  const { id } = inputProps;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      ) : null}
      <input {...inputProps} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} />
      <ErrorList id={`${id}-errors`} errors={errors} />
    </div>
  );
}

export type Option = { value: string; label: string };

export function SelectField({
  label,
  hint,
  errors,
  options,
  placeholder,
  selectProps,
}: {
  label: ReactNode;
  hint?: ReactNode;
  errors?: Errors;
  options: Option[];
  /** Shown as the first, empty choice. */
  placeholder?: string;
  selectProps: SelectHTMLAttributes<HTMLSelectElement> & { id: string };
}) {
  const { id } = selectProps;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      ) : null}
      <select {...selectProps} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <ErrorList id={`${id}-errors`} errors={errors} />
    </div>
  );
}

/** Errors that belong to the whole form rather than one field. */
export function FormErrors({ id, errors }: { id: string; errors: Errors }) {
  if (!errors?.length) return null;
  return (
    <div id={id} role="alert" className="alert alert--error">
      {errors.map((error) => (
        <p key={error}>{error}</p>
      ))}
    </div>
  );
}
