import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Button } from "~/components/ui/button.tsx";
import { Field, FormErrors } from "~/components/ui/field.tsx";
import { describeWait } from "~/engine/security/throttle.ts";
import { findSetupLinkOwner, setPasswordWithToken } from "~/models/password-setup.server.ts";
import { startSession } from "~/utils/auth.server.ts";
import { readFormData } from "~/utils/request.server.ts";

const MIN_PASSWORD_LENGTH = 10;

const SetPasswordSchema = z
  .object({
    password: z
      .string({ required_error: "Choose a password" })
      .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(200, "Use at most 200 characters"),
    confirmPassword: z.string({ required_error: "Type the password again" }),
  })
  .refine((value) => value.password === value.confirmPassword, {
    message: "The two passwords don't match",
    path: ["confirmPassword"],
  });

const EXPIRED_MESSAGE = "This link has expired or was already used. Ask your admin for a new one.";

export async function loader({ params }: LoaderFunctionArgs) {
  const owner = await findSetupLinkOwner(params.token ?? "");
  return { owner };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema: SetPasswordSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password", "confirmPassword"] }) }, { status: 400 });
  }
  const outcome = await setPasswordWithToken(params.token ?? "", submission.value.password, context.clientAddress);
  const hideFields = ["password", "confirmPassword"];
  switch (outcome.status) {
    case "set":
      return redirect("/", { headers: { "Set-Cookie": await startSession(outcome.userId) } });
    case "unusable":
      return data({ result: submission.reply({ formErrors: [EXPIRED_MESSAGE], hideFields }) }, { status: 400 });
    case "throttled": {
      const message = `Too many links that don't work were tried from your network. Wait ${describeWait(outcome.retryAfterSeconds)} and try again.`;
      return data(
        { result: submission.reply({ formErrors: [message], hideFields }) },
        { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
      );
    }
  }
}

export default function SetPasswordPage() {
  const { owner } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "set-password",
    lastResult: actionData?.result,
    constraint: getZodConstraint(SetPasswordSchema),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SetPasswordSchema }),
  });

  if (!owner) {
    return (
      <div className="card auth-panel">
        <h1>This link can't be used</h1>
        <p>{EXPIRED_MESSAGE}</p>
        <Link to="/login">Go to sign in</Link>
      </div>
    );
  }

  return (
    <div className="card auth-panel">
      <h1>Welcome to Frontline, {owner.name}</h1>
      <p className="muted">
        Choose a password for <strong>{owner.email}</strong>. You'll use it with your email to sign in.
      </p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field
          label="New password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. A short sentence is easy to remember and hard to guess.`}
          errors={fields.password.errors}
          inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "new-password" }}
        />
        <Field
          label="Confirm password"
          errors={fields.confirmPassword.errors}
          inputProps={{ ...getInputProps(fields.confirmPassword, { type: "password" }), autoComplete: "new-password" }}
        />
        <Button type="submit" pending={navigation.state === "submitting"}>
          Set password and sign in
        </Button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Set your password · Frontline" }];
