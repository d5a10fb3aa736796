import { getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { IntentForm, useIntentForm } from "~/components/forms/intent-form.tsx";
import { useIsPending } from "~/components/forms/use-is-pending.ts";
import { Button } from "~/components/ui/button.tsx";
import { Field } from "~/components/ui/field.tsx";
import { describeWait } from "~/engine/security/throttle.ts";
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { login, redirectAfterLogin, requireAnonymous } from "~/utils/auth.server.ts";
import { handleIntent } from "~/utils/forms.server.ts";
import { readFormData } from "~/utils/request.server.ts";
import { passOnRetryAfter, refuseAuthForm } from "./auth-reply.server.ts";

const LoginSchema = z.object({
  email: z
    .string({ required_error: message("auth:validation.emailRequired") })
    .trim()
    .email(message("auth:validation.emailInvalid")),
  password: z.string({ required_error: message("auth:validation.passwordRequired") }).max(200, message("auth:validation.passwordTooLong")),
  redirectTo: z.string().optional(),
});

export const INVALID_CREDENTIALS = message("auth:login.invalid");

const PASSWORD_FIELDS = ["password"];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export const headers = passOnRetryAfter;

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await readFormData(request);
  return handleIntent(formData, {
    login: async () => {
      const submission = parseWithZod(formData, { schema: LoginSchema });
      if (submission.status !== "success") return refuseAuthForm("login", submission, { passwordFields: PASSWORD_FIELDS });
      const { email, password, redirectTo } = submission.value;
      const outcome = await login({ email, password, clientAddress: context.clientAddress, cookieHeader: request.headers.get("Cookie") });
      switch (outcome.status) {
        case "success":
          return redirectAfterLogin(redirectTo, outcome.cookies);
        case "throttled":
          return refuseAuthForm("login", submission, {
            passwordFields: PASSWORD_FIELDS,
            message: message("auth:login.throttled", describeWait(outcome.retryAfterSeconds)),
            retryAfterSeconds: outcome.retryAfterSeconds,
          });
        case "invalid":
          return refuseAuthForm("login", submission, { passwordFields: PASSWORD_FIELDS, message: INVALID_CREDENTIALS });
      }
    },
  });
}

export default function LoginPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const [form, fields] = useIntentForm({
    id: "login",
    intent: "login",
    schema: LoginSchema,
    defaultValue: { redirectTo: searchParams.get("redirectTo") ?? "" },
  });
  const pending = useIsPending({ intent: "login" });

  return (
    <div className="card auth-panel">
      <h1>{t("auth:login.heading")}</h1>
      <p className="muted">{t("auth:login.intro")}</p>
      <IntentForm form={form} intent="login">
        <input {...getInputProps(fields.redirectTo, { type: "hidden" })} />
        <Field
          label={t("auth:login.email")}
          errors={fields.email.errors}
          inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email", autoFocus: true }}
        />
        <Field
          label={t("auth:login.password")}
          errors={fields.password.errors}
          inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "current-password" }}
        />
        <Button type="submit" pending={pending}>
          {t("auth:login.submit")}
        </Button>
      </IntentForm>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "auth:login.title") }];
