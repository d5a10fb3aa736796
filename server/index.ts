// The production (and development) HTTP server: Express in front of the Remix
// build, adding what must run before any route: a request id and a log line per
// request, security headers with a per-response script nonce, the Origin check
// for state-changing requests, and static assets. It marks the database as
// served while it runs and, asked to stop, drains before it closes the database.
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
import type * as Entry from "../app/entry.server.tsx";
import { databaseFile, readEnvOrExit } from "../app/utils/env.server.ts";
import { FORM_LIMITS } from "../app/utils/form-limits.ts";
import { DEFAULT_CACHE_CONTROL, isAllowedOrigin, PERMISSIONS_POLICY } from "../app/utils/http.server.ts";
import { loggablePath, requestIdFrom } from "../app/utils/request-log.ts";
import { markServing } from "../app/utils/serving.server.ts";

const env = readEnvOrExit();

const BUILD_PATH = path.resolve("build/index.js");
const build = (await import(url.pathToFileURL(BUILD_PATH).href)) as ServerBuild;
// The app's own logger and request context, so lines written here and in routes are one stream.
const { logger, requestContext, closeDatabase, contentCompileCount } = build.entry.module as unknown as typeof Entry;

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", env.TRUST_PROXY);

let draining = false;
let inFlight = 0;
const drained = new EventTarget();

app.use((req, res, next) => {
  const record = { id: requestIdFrom(req.get("x-request-id"), () => crypto.randomBytes(9).toString("base64url")) };
  res.setHeader("X-Request-Id", record.id);
  const started = performance.now();
  inFlight += 1;
  res.once("close", () => {
    inFlight -= 1;
    const line = {
      method: req.method,
      path: loggablePath(req.path),
      status: res.statusCode,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ...(res.writableFinished ? {} : { aborted: true }),
    };
    requestContext.run(record, () => logger[res.statusCode >= 500 ? "error" : "info"](line, "request"));
    if (inFlight === 0) drained.dispatchEvent(new Event("idle"));
  });
  requestContext.run(record, next);
});

// While stopping, requests already running finish; new ones are told to come back, and the
// health check says so, so a load balancer sends them to another server.
app.use((req, res, next) => {
  if (!draining) return next();
  res.setHeader("Connection", "close");
  res.setHeader("Cache-Control", "no-store");
  if (req.path === "/healthz") return void res.status(503).json({ status: "draining" });
  res.setHeader("Retry-After", "5");
  res.status(503).type("text/plain").send("Frontline is restarting. Try again in a few seconds.");
});

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

const unmarkServing = markServing(databaseFile(env.DATABASE_URL));
const server = app.listen(env.PORT, () => {
  logger.info({ port: env.PORT }, `Frontline is ready on http://localhost:${env.PORT}`);
  if (env.NODE_ENV === "development") broadcastDevReady(build);
});
server.on("error", (error: NodeJS.ErrnoException) => {
  const reason = error.code === "EADDRINUSE" ? `port ${env.PORT} is already in use; stop the other server or set PORT.` : error.message;
  logger.fatal(`Frontline can't start: ${reason}`);
  unmarkServing();
  process.exit(1);
});

/**
 * Lets the requests in flight finish (cutting off any still running when the
 * timeout ends) while new ones are turned away, then stops listening, closes
 * the database and exits.
 */
async function shutDown(signal: string): Promise<void> {
  draining = true;
  logger.info({ signal, inFlight }, "Stopping: finishing the requests in flight");
  const finished = new Promise<boolean>((resolve) => {
    if (inFlight === 0) resolve(true);
    drained.addEventListener("idle", () => resolve(true), { once: true });
  });
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), env.SHUTDOWN_TIMEOUT_SECONDS * 1000).unref());
  if (!(await Promise.race([finished, timeout]))) {
    logger.warn({ inFlight }, `Requests still running after ${env.SHUTDOWN_TIMEOUT_SECONDS} s were cut off`);
  }
  server.close();
  server.closeAllConnections();
  await closeDatabase();
  unmarkServing();
  logger.info(`Stopped; MDX compiles during this run: ${contentCompileCount()}`);
  logger.flush();
  process.exit(0);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void shutDown(signal));
