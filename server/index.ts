// The production (and development) HTTP server: Express in front of the Remix
// build, adding what must run before any route: security headers with a
// per-response script nonce, the Origin check for state-changing requests, and
// static assets.
import crypto from "node:crypto";
import path from "node:path";
import url from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import onHeaders from "on-headers";
import { IMPORT_BODY_BYTES, IMPORT_PATH, IMPORT_PROGRESS_PATH } from "../app/domain/imports.ts";
import { readEnvOrExit } from "../app/utils/env.server.ts";
import { FORM_LIMITS } from "../app/utils/form-limits.ts";
import { DEFAULT_CACHE_CONTROL, isAllowedOrigin, PERMISSIONS_POLICY } from "../app/utils/http.server.ts";

const env = readEnvOrExit();

const BUILD_PATH = path.resolve("build/index.js");
const build = (await import(url.pathToFileURL(BUILD_PATH).href)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", env.TRUST_PROXY);

// Every body must say its length, and no more than a form can hold (or, on the
// import page, a file of conversations), before anything reads it. A refused body
// is drained unread rather than cut off, so the client still receives the answer;
// memory stays flat either way.
app.use((req, res, next) => {
  const declared = req.get("content-length");
  const hasBody = declared !== undefined || req.get("transfer-encoding") !== undefined;
  const limit = req.path === IMPORT_PATH || req.path === IMPORT_PROGRESS_PATH ? IMPORT_BODY_BYTES : FORM_LIMITS.maxBodyBytes;
  if (!hasBody || (declared !== undefined && Number(declared) <= limit)) return next();
  req.resume();
  if (declared === undefined) res.status(411).type("text/plain").send("Refused: Frontline forms always say how long they are.");
  else res.status(413).type("text/plain").send("Refused: this request is larger than any Frontline form.");
});
app.use(compression());
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));

// A route may answer without reading the body (a signed-in person posting to
// /login is sent home), leaving the rest paused mid-stream; once the answer is
// sent it is drained, or the connection could carry no further request.
app.use((req, res, next) => {
  res.on("finish", () => {
    if (req.complete) return;
    req.removeAllListeners("data");
    req.resume();
  });
  next();
});

app.use((_req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
  // Pages and data are per person; a route that may be cached says so itself.
  onHeaders(res, () => {
    if (!res.getHeader("Cache-Control")) res.setHeader("Cache-Control", DEFAULT_CACHE_CONTROL);
  });
  next();
});

app.use(
  helmet({
    referrerPolicy: { policy: "same-origin" },
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        "script-src": ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
        // inline style attributes carry computed widths (progress bars, charts)
        "style-src": ["'self'", "'unsafe-inline'"],
        "connect-src": env.NODE_ENV === "development" ? ["'self'", "ws:"] : ["'self'"],
        "upgrade-insecure-requests": null,
      },
    },
  }),
);

app.use((req, res, next) => {
  if (isAllowedOrigin({ method: req.method, origin: req.get("origin"), host: req.get("host"), protocol: req.protocol })) return next();
  res.status(403).type("text/plain").send("Refused: this request did not come from a Frontline page.");
});

app.all(
  "*",
  createRequestHandler({
    build,
    mode: env.NODE_ENV,
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce as string,
      // req.ip reads X-Forwarded-For only from the proxies TRUST_PROXY names.
      clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
    }),
  }),
);

const server = app.listen(env.PORT, () => {
  console.log(`Frontline is ready on http://localhost:${env.PORT}`);
  if (env.NODE_ENV === "development") broadcastDevReady(build);
});
server.on("error", (error: NodeJS.ErrnoException) => {
  const reason = error.code === "EADDRINUSE" ? `port ${env.PORT} is already in use; stop the other server or set PORT.` : error.message;
  console.error(`Frontline can't start: ${reason}`);
  process.exit(1);
});

const { contentCompileCount } = build.entry.module as { contentCompileCount?: () => number };

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.log(`Shutting down; MDX compiles during this run: ${contentCompileCount?.() ?? "unknown"}`);
    server.close(() => process.exit(0));
    server.closeIdleConnections();
  });
}
