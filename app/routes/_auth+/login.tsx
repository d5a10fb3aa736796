import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Button } from "~/components/ui/button.tsx";
import { Field, FormErrors } from "~/components/ui/field.tsx";
import { describeWait } from "~/engine/security/throttle.ts";
import { login, redirectAfterLogin, requireAnonymous } from "~/utils/auth.server.ts";
import { readFormData } from "~/utils/request.server.ts";

const LoginSchema = z.object({
  email: z.string({ required_error: "Enter your email address" }).trim().email("Enter a valid email address, like name@company.com"),
  password: z.string({ required_error: "Enter your password" }).max(200, "Passwords are at most 200 characters"),
  redirectTo: z.string().optional(),
});

export const INVALID_CREDENTIALS = "That email and password don't match an active account.";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: LoginSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const outcome = await login({ email, password, clientAddress: context.clientAddress, cookieHeader: request.headers.get("Cookie") });
  switch (outcome.status) {
    case "success":
      return redirectAfterLogin(redirectTo, outcome.cookies);
    case "throttled": {
      const message = `Too many sign-in attempts for this account or network. Wait ${describeWait(outcome.retryAfterSeconds)} and try again.`;
      return data(
        { result: submission.reply({ formErrors: [message], hideFields: ["password"] }) },
        { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
      );
    }
    case "invalid":
      return data({ result: submission.reply({ formErrors: [INVALID_CREDENTIALS], hideFields: ["password"] }) }, { status: 400 });
  }
}

export default function LoginPage() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData?.result,
    constraint: getZodConstraint(LoginSchema),
    defaultValue: { redirectTo: searchParams.get("redirectTo") ?? "" },
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  });

  return (
    <div className="card auth-panel">
      <h1>Sign in to Frontline</h1>
      <p className="muted">Use the work email your admin set up for you.</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input {...getInputProps(fields.redirectTo, { type: "hidden" })} />
        <Field
          label="Email"
          errors={fields.email.errors}
          inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email", autoFocus: true }}
        />
        <Field
          label="Password"
          errors={fields.password.errors}
          inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "current-password" }}
        />
        <Button type="submit" pending={navigation.state === "submitting"}>
          Sign in
        </Button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Sign in · Frontline" }];
