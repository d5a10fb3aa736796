import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { renderingInstance } from "./i18n/i18next.server.ts";
import { DEFAULT_LOCALE, isLocale } from "./i18n/locales.ts";
import { NonceProvider } from "./utils/nonce-provider.ts";

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
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY_MS} nonce={nonce} />
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
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY_MS + 1000);
  });
}

// Read by server/index.ts at shutdown: a production server should report zero.
export { contentCompileCount } from "./content/modules.server.ts";
