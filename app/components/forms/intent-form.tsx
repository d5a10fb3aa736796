import { getFormProps, useForm, type DefaultValue, type FormMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useActionData, useFormAction, type FetcherWithComponents } from "@remix-run/react";
import type { FormEvent, ReactNode } from "react";
import type { z } from "zod";
import { FormErrors } from "../ui/field.tsx";
import { useDismissNotice } from "./notice.tsx";
import { isFormReply } from "./reply.ts";

/**
 * The refusal this page's action sent back for the form with `intent`, if it was that one.
 * Forms that share an intent, one per record, tell theirs apart by `values`: the hidden
 * fields the refusal echoes back. A refusal that echoes nothing belongs to each of them.
 */
export function useFormReply(
  intent: string,
  fetcherData?: unknown,
  values: Record<string, string> = {},
): SubmissionResult<string[]> | undefined {
  const actionData: unknown = useActionData();
  const reply = fetcherData ?? actionData;
  if (!isFormReply(reply) || reply.intent !== intent) return undefined;
  const echoed = reply.result.initialValue;
  return !echoed || Object.entries(values).every(([name, value]) => echoed[name] === value) ? reply.result : undefined;
}

/**
 * Conform's useForm with the house defaults: the zod schema checks fields in the browser
 * as they are left and again as they are corrected, the server's refusal for this form's
 * intent fills in its errors, and constraints become HTML attributes so the form also
 * works without JavaScript.
 */
export function useIntentForm<Schema extends z.ZodTypeAny>({
  id,
  intent,
  schema,
  defaultValue,
  fetcherData,
  values,
  messages,
}: {
  id: string;
  intent: string;
  schema?: Schema;
  /** How to word zod's messages, for a schema that keeps rules shared with content files (see scenario-form). */
  messages?: { errorMap: z.ZodErrorMap; formatError: (issues: z.ZodIssue[]) => string[] };
  defaultValue?: DefaultValue<z.input<Schema>>;
  fetcherData?: unknown;
  /** The hidden fields that set this form apart from others with the same intent (see useFormReply). */
  values?: Record<string, string>;
}) {
  const lastResult = useFormReply(intent, fetcherData, values);
  const [form, fields] = useForm<z.input<Schema>, z.output<Schema>, string[]>({
    id,
    lastResult,
    defaultValue,
    constraint: schema ? getZodConstraint(schema) : undefined,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: schema
      ? ({ formData }) => (messages ? parseWithZod(formData, { schema, ...messages }) : parseWithZod(formData, { schema }))
      : undefined,
  });
  // Conform re-renders this component only for the state read during its last render, and
  // forgets what its child fields read whenever this component renders. React can render
  // it and then skip the children (a hook here whose update changed nothing, such as the
  // translation hook), after which errors read only by a child field would never show.
  // Reading every error here keeps the form subscribed to them whatever React skips.
  void form.allErrors;
  return [form, fields] as const;
}

/**
 * A POST form for one intent: Conform's form props, the hidden intent and the summary of
 * errors about the whole form. It posts to this page without a `?notice=`, so a refusal
 * never appears beside the confirmation of an earlier success.
 */
export function IntentForm({
  form,
  intent,
  fetcher,
  className = "form",
  label,
  onSubmit,
  children,
}: {
  // Any form's metadata: the fields' types don't matter to the form element.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form: FormMetadata<any, string[]>;
  intent: string;
  fetcher?: FetcherWithComponents<unknown>;
  className?: string;
  /** Names the form for assistive technology when the page has several. */
  label?: string;
  /** Runs before the form is checked and sent; preventing the event's default holds the form back. */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  const action = new URL(useFormAction(), "http://frontline.invalid");
  action.searchParams.delete("notice");
  const dismissNotice = useDismissNotice();
  const FormComponent = fetcher ? fetcher.Form : Form;
  const formProps = getFormProps(form);
  return (
    <FormComponent
      method="post"
      action={`${action.pathname}${action.search}`}
      className={className}
      aria-label={label}
      {...formProps}
      onSubmit={(event) => {
        onSubmit?.(event);
        if (event.defaultPrevented) return;
        dismissNotice();
        formProps.onSubmit(event);
      }}
    >
      <input type="hidden" name="intent" value={intent} />
      <FormErrors id={form.errorId} errors={form.errors} />
      {children}
    </FormComponent>
  );
}
