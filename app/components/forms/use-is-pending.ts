import { useFormAction, useNavigation } from "@remix-run/react";

/**
 * Whether a form on this page is being submitted: by default any POST to this route;
 * with `intent`, only the form that sent it.
 */
export function useIsPending({ intent, formAction }: { intent?: string; formAction?: string } = {}): boolean {
  const navigation = useNavigation();
  const here = useFormAction();
  if (navigation.state !== "submitting" || navigation.formMethod?.toUpperCase() === "GET") return false;
  if ((formAction ?? here) !== navigation.formAction) return false;
  return intent === undefined || navigation.formData?.get("intent") === intent;
}
