import { getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { z } from "zod";
import { IntentForm, useIntentForm } from "~/components/forms/intent-form.tsx";
import { useIsPending } from "~/components/forms/use-is-pending.ts";
import { Button } from "~/components/ui/button.tsx";
import { Field } from "~/components/ui/field.tsx";
import { describeWait } from "~/engine/security/throttle.ts";
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { findSetupLinkOwner, setPasswordWithToken } from "~/models/password-setup.server.ts";
import { startSession } from "~/utils/auth.server.ts";
import { handleIntent } from "~/utils/forms.server.ts";
import { readFormData } from "~/utils/request.server.ts";
import { passOnRetryAfter, refuseAuthForm } from "./auth-reply.server.ts";

const MIN_PASSWORD_LENGTH = 10;

const SetPasswordSchema = z
  .object({
    password: z
      .string({ required_error: message("auth:validation.choosePassword") })
      .min(MIN_PASSWORD_LENGTH, message("auth:validation.passwordTooShort", { min: MIN_PASSWORD_LENGTH }))
      .max(200, message("auth:validation.passwordMax")),
    confirmPassword: z.string({ required_error: message("auth:validation.confirmRequired") }),
  })
  .refine((value) => value.password === value.confirmPassword, {
    message: message("auth:validation.mismatch"),
    path: ["confirmPassword"],
  });

const EXPIRED_MESSAGE = message("auth:setPassword.expired");

const PASSWORD_FIELDS = ["password", "confirmPassword"];

export async function loader({ params }: LoaderFunctionArgs) {
  const owner = await findSetupLinkOwner(params.token ?? "");
  return { owner };
}

export const headers = passOnRetryAfter;

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
            message: message("auth:setPassword.throttled", describeWait(outcome.retryAfterSeconds)),
            retryAfterSeconds: outcome.retryAfterSeconds,
          });
      }
    },
  });
}

export default function SetPasswordPage() {
  const { t } = useTranslation();
  const { owner } = useLoaderData<typeof loader>();
  const [form, fields] = useIntentForm({ id: "set-password", intent: "set-password", schema: SetPasswordSchema });
  const pending = useIsPending({ intent: "set-password" });

  if (!owner) {
    return (
      <div className="card auth-panel">
        <h1>{t("auth:setPassword.unusableHeading")}</h1>
        <p>{t("auth:setPassword.expired")}</p>
        <Link to="/login">{t("auth:setPassword.goToSignIn")}</Link>
      </div>
    );
  }

  return (
    <div className="card auth-panel">
      <h1>{t("auth:setPassword.welcome", { name: owner.name })}</h1>
      <p className="muted">
        <Trans i18nKey="auth:setPassword.intro" values={{ email: owner.email }} components={{ strong: <strong /> }} />
      </p>
      <IntentForm form={form} intent="set-password">
        <Field
          label={t("auth:setPassword.newPassword")}
          hint={t("auth:setPassword.newPasswordHint", { min: MIN_PASSWORD_LENGTH })}
          errors={fields.password.errors}
          inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "new-password" }}
        />
        <Field
          label={t("auth:setPassword.confirmPassword")}
          errors={fields.confirmPassword.errors}
          inputProps={{ ...getInputProps(fields.confirmPassword, { type: "password" }), autoComplete: "new-password" }}
        />
        <Button type="submit" pending={pending}>
          {t("auth:setPassword.submit")}
        </Button>
      </IntentForm>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "auth:setPassword.title") }];
