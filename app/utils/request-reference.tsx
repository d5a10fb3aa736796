// The id of the request that rendered the page, shown on error pages so a person
// can quote it and an operator can find the request's log lines.
import { createContext, useContext, useEffect, useState } from "react";

const RequestReferenceContext = createContext<string | null>(null);
export const RequestReferenceProvider = RequestReferenceContext.Provider;

const META_NAME = "request-reference";
let hydrated = false;

function documentReference(fromServer: string | null): string | null {
  if (typeof document === "undefined") return fromServer;
  return document.querySelector<HTMLMetaElement>(`meta[name="${META_NAME}"]`)?.content ?? null;
}

/** Carries the server's request id into the page, where the browser reads it back. */
export function RequestReferenceMeta() {
  const reference = documentReference(useContext(RequestReferenceContext));
  useEffect(() => {
    hydrated = true;
  }, []);
  return reference ? <meta name={META_NAME} content={reference} /> : null;
}

/**
 * The request id behind what this component shows: the document's, for anything
 * rendered with the document; none for what a later navigation in the browser
 * brought, which came from a request of its own.
 */
export function useRequestReference(): string | null {
  const fromServer = useContext(RequestReferenceContext);
  const [reference] = useState(() => (hydrated ? null : documentReference(fromServer)));
  return reference;
}
