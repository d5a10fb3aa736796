import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { House } from "lucide-react";
import { ButtonLink } from "./ui/button.tsx";

const TITLES: Record<number, string> = {
  400: "That request didn't make sense",
  403: "You don't have access to this page",
  404: "Page not found",
  405: "That action isn't available here",
  413: "That form is too large",
  415: "That request didn't come from a Frontline form",
  429: "Too many attempts",
  503: "Frontline can't save changes right now",
};

function messageOf(data: unknown): string | null {
  if (typeof data === "string" && data.length > 0) return data;
  if (data && typeof data === "object" && "message" in data && typeof data.message === "string") return data.message;
  return null;
}

/** The error page shown inside the app's layout; never shows a stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title = TITLES[status] ?? "Something went wrong";
  const message = isRouteErrorResponse(error)
    ? messageOf(error.data)
    : "An unexpected error stopped this page. Try again in a moment; if it keeps happening, tell your admin.";
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <div className="empty-state" role="alert">
      <p className="muted">Error {status}</p>
      <h1>{title}</h1>
      {message ? <p>{message}</p> : null}
      <ButtonLink to="/" icon={House}>
        Go to your home page
      </ButtonLink>
    </div>
  );
}
