import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { House } from "lucide-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { translateMessage } from "~/i18n/message.ts";
import { useRequestReference } from "~/utils/request-reference.tsx";
import { ButtonLink } from "./ui/button.tsx";

const TITLED_STATUSES = new Set([400, 403, 404, 405, 413, 415, 429, 503]);

function messageOf(data: unknown): string | null {
  if (typeof data === "string" && data.length > 0) return data;
  if (data && typeof data === "object" && "message" in data && typeof data.message === "string") return data.message;
  return null;
}

/** The error page shown inside the app's layout; never shows a stack trace. */
export function GeneralErrorBoundary() {
  const { t } = useTranslation();
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title = t(`common:errors.title.${TITLED_STATUSES.has(status) ? status : "other"}`);
  const explanation = isRouteErrorResponse(error) ? messageOf(error.data) : t("common:errors.unexpected");
  const message = explanation ? translateMessage(t, explanation) : null;
  const reference = useRequestReference();
  useEffect(() => {
    // The server has logged it with its stack; this is for whoever has the browser's console open.
    if (!isRouteErrorResponse(error)) console.error(error);
  }, [error]);
  return (
    <div className="empty-state" role="alert">
      <p className="muted">{t("common:errors.status", { status })}</p>
      <h1>{title}</h1>
      {message ? <p>{message}</p> : null}
      {status >= 500 ? (
        <p className="muted">{reference ? t("common:errors.reference", { reference }) : t("common:errors.reloadForReference")}</p>
      ) : null}
      <ButtonLink to="/" icon={House}>
        {t("common:errors.goHome")}
      </ButtonLink>
    </div>
  );
}
