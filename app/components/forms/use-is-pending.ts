import { useFormAction, useNavigation } from "@remix-run/react";

/**
 * Whether a form on this page is being submitted: by default any POST to this route;
 * with `intent`, only the form that sent it; with `values` as well, only the one of the
 * forms sharing that intent whose hidden fields (or pressed button) sent these values.
 */
export function useIsPending({
  intent,
  formAction,
  values = {},
}: { intent?: string; formAction?: string; values?: Record<string, string> } = {}): boolean {
  const navigation = useNavigation();
  const here = useFormAction();
  if (navigation.state !== "submitting" || navigation.formMethod?.toUpperCase() === "GET") return false;
  if ((formAction ?? here) !== navigation.formAction) return false;
  if (intent !== undefined && navigation.formData?.get("intent") !== intent) return false;
  return Object.entries(values).every(([name, value]) => navigation.formData?.get(name) === value);
}
