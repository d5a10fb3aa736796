import { getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { IntentForm, useIntentForm } from "~/components/forms/intent-form.tsx";
import { useIsPending } from "~/components/forms/use-is-pending.ts";
import { Button } from "~/components/ui/button.tsx";
import { Field } from "~/components/ui/field.tsx";
import { describeWait } from "~/engine/security/throttle.ts";
import { findSetupLinkOwner, setPasswordWithToken } from "~/models/password-setup.server.ts";
import { startSession } from "~/utils/auth.server.ts";
import { handleIntent } from "~/utils/forms.server.ts";
import { readFormData } from "~/utils/request.server.ts";
import { refuseAuthForm } from "./auth-reply.server.ts";

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

const PASSWORD_FIELDS = ["password", "confirmPassword"];

export async function loader({ params }: LoaderFunctionArgs) {
  const owner = await findSetupLinkOwner(params.token ?? "");
  return { owner };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  return handleIntent(formData, {
    "set-password": async () => {
      const submission = parseWithZod(formData, { schema: SetPasswordSchema });
      if (submission.status !== "success") return refuseAuthForm("set-password", submission, { passwordFields: PASSWORD_FIELDS });
      const outcome = await setPasswordWithToken(params.token ?? "", submission.value.password, context.clientAddress);
      switch (outcome.status) {
        case "set":
          return redirect("/", { headers: { "Set-Cookie": await startSession(outcome.userId) } });
        case "unusable":
          return refuseAuthForm("set-password", submission, { passwordFields: PASSWORD_FIELDS, message: EXPIRED_MESSAGE });
        case "throttled":
          return refuseAuthForm("set-password", submission, {
            passwordFields: PASSWORD_FIELDS,
            message: `Too many links that don't work were tried from your network. Wait ${describeWait(outcome.retryAfterSeconds)} and try again.`,
            retryAfterSeconds: outcome.retryAfterSeconds,
          });
      }
    },
  });
}

export default function SetPasswordPage() {
  const { owner } = useLoaderData<typeof loader>();
  const [form, fields] = useIntentForm({ id: "set-password", intent: "set-password", schema: SetPasswordSchema });
  const pending = useIsPending({ intent: "set-password" });

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
      <IntentForm form={form} intent="set-password">
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
        <Button type="submit" pending={pending}>
          Set password and sign in
        </Button>
      </IntentForm>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Set your password · Frontline" }];
