import type { InputHTMLAttributes, ReactElement, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { translateMessage } from "~/i18n/message.ts";

type Errors = string[] | undefined;

type ControlA11y = { "aria-invalid"?: boolean; "aria-describedby"?: string };

/**
 * Label, hint and error messages around one form control, with the ids wired
 * so screen readers announce the hint and errors with the control.
 */
function FieldShell({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors: Errors;
  children: (a11y: ControlA11y) => ReactElement;
}) {
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-errors` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      ) : null}
      {children({ "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy || undefined })}
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </div>
  );
}

/** A control's or a group's error messages, under the id its aria-describedby names. */
export function FieldErrors({ id, errors }: { id: string; errors: Errors }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field__errors">
      {errors.map((error) => (
        <li key={error}>{translateMessage(t, error)}</li>
      ))}
    </ul>
  );
}

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
  return (
    <FieldShell id={inputProps.id} label={label} hint={hint} errors={errors}>
      {(a11y) => <input {...inputProps} {...a11y} />}
    </FieldShell>
  );
}

export function TextareaField({
  label,
  hint,
  errors,
  textareaProps,
}: {
  label: ReactNode;
  hint?: ReactNode;
  errors?: Errors;
  textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string };
}) {
  return (
    <FieldShell id={textareaProps.id} label={label} hint={hint} errors={errors}>
      {(a11y) => <textarea rows={3} {...textareaProps} {...a11y} />}
    </FieldShell>
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
  return (
    <FieldShell id={selectProps.id} label={label} hint={hint} errors={errors}>
      {(a11y) => (
        <select {...selectProps} {...a11y}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** Errors that belong to the whole form rather than one field. */
export function FormErrors({ id, errors }: { id: string; errors: Errors }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <div id={id} role="alert" className="alert alert--error">
      {errors.map((error) => (
        <p key={error}>{translateMessage(t, error)}</p>
      ))}
    </div>
  );
}
