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
import { readEnvOrExit } from "../app/utils/env.server.ts";
import { isAllowedOrigin } from "../app/utils/http.server.ts";

const env = readEnvOrExit();

const BUILD_PATH = path.resolve("build/index.js");
const build = (await import(url.pathToFileURL(BUILD_PATH).href)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));

app.use((_req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
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
  if (isAllowedOrigin({ method: req.method, origin: req.get("origin"), host: req.get("host") })) return next();
  res.status(403).type("text/plain").send("Refused: this request did not come from a Frontline page.");
});

app.all(
  "*",
  createRequestHandler({
    build,
    mode: env.NODE_ENV,
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce as string,
      clientAddress: req.socket.remoteAddress ?? "unknown",
    }),
  }),
);

const server = app.listen(env.PORT, () => {
  console.log(`Frontline is ready on http://localhost:${env.PORT}`);
  if (env.NODE_ENV === "development") broadcastDevReady(build);
});

const { contentCompileCount } = build.entry.module as { contentCompileCount?: () => number };

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.log(`Shutting down; MDX compiles during this run: ${contentCompileCount?.() ?? "unknown"}`);
    server.close(() => process.exit(0));
    server.closeIdleConnections();
  });
}
