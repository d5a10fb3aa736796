import type { ReactNode } from "react";
import { Button } from "../ui/button.tsx";
import { IntentForm, useIntentForm } from "./intent-form.tsx";
import { useIsPending } from "./use-is-pending.ts";

/**
 * A form that is only a button: one intent, optional fixed values (the record it is about),
 * and the refusal for that intent and those values shown above the button.
 */
export function ActionButton({
  intent,
  values = {},
  variant,
  size,
  className = "row",
  label,
  children,
}: {
  intent: string;
  values?: Record<string, string>;
  variant?: "primary" | "secondary" | "danger";
  size?: "normal" | "small";
  className?: string;
  /** The button's full name for assistive technology when the visible text alone is ambiguous ("Mark as done: …"). */
  label?: string;
  children: ReactNode;
}) {
  const formId = ["action", intent, ...Object.values(values)].join("-");
  const [form] = useIntentForm({ id: formId, intent, values });
  const pending = useIsPending({ intent, values });
  return (
    <IntentForm form={form} intent={intent} className={className}>
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} size={size} pending={pending} aria-label={label}>
        {children}
      </Button>
    </IntentForm>
  );
}
