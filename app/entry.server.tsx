import { PassThrough } from "node:stream";
import {
  createReadableStreamFromReadable,
  type ActionFunctionArgs,
  type AppLoadContext,
  type EntryContext,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { renderingInstance } from "./i18n/i18next.server.ts";
import { DEFAULT_LOCALE, isLocale } from "./i18n/locales.ts";
import { currentRequestId, logger } from "./utils/logger.server.ts";
import { NonceProvider } from "./utils/nonce-provider.ts";
import { RequestReferenceProvider } from "./utils/request-reference.tsx";

const ABORT_DELAY_MS = 5000;

export const streamTimeout = ABORT_DELAY_MS;

/** The language the root loader chose; an error before it ran renders in English. */
function pageLocale(context: EntryContext) {
  const root = context.staticHandlerContext.loaderData.root as { locale?: unknown } | null | undefined;
  return isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  const i18n = await renderingInstance(pageLocale(remixContext));
  // Crawlers get the whole document at once; browsers get it streamed.
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={i18n}>
        <NonceProvider value={nonce}>
          <RequestReferenceProvider value={currentRequestId() ?? null}>
            <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY_MS} nonce={nonce} />
          </RequestReferenceProvider>
        </NonceProvider>
      </I18nextProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logger.error({ err: error }, "Rendering the page failed");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY_MS + 1000);
  });
}

/** Errors thrown by loaders and actions (not responses they throw on purpose), with their stack, in the log only. */
export function handleError(error: unknown, { request }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  logger.error({ err: error }, "A loader or action failed");
}

// Read by server/index.ts, which is bundled apart from the app: one logger and request context for both, the
// database to close at shutdown, and the count of MDX compiles (a production server should report zero).
export { contentCompileCount } from "./content/modules.server.ts";
export { logger, requestContext } from "./utils/logger.server.ts";
export { closeDatabase } from "./utils/db.server.ts";
