import net from "node:net";
import path from "node:path";
import { z } from "zod";

const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split("/");
  if (rest.length > 0 || !net.isIP(address)) return false;
  if (bits === undefined) return true;
  const max = net.isIPv4(address) ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

/**
 * Which reverse proxies to believe about the client's address (X-Forwarded-For)
 * and scheme (X-Forwarded-Proto): none by default, a number of hops, or a
 * comma-separated list of addresses, CIDR ranges and the names loopback,
 * linklocal and uniquelocal. Sign-in throttling counts per client address, so
 * behind a proxy that is not trusted everyone shares the proxy's address.
 */
const TrustProxySchema = z
  .string()
  .trim()
  .default("")
  .transform((value, ctx): false | number | string[] => {
    if (value === "" || value === "false") return false;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(",").map((entry) => entry.trim());
    const bad = entries.filter((entry) => !isProxyAddress(entry));
    if (bad.length === 0) return entries;
    ctx.addIssue({
      code: "custom",
      message: `must be a number of hops or addresses, CIDR ranges, loopback, linklocal or uniquelocal; not ${bad.join(", ")}`,
    });
    return z.NEVER;
  });

const optional = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/**
 * The organisation's own language model (an OpenAI-compatible chat-completions endpoint): off
 * unless URL, key and model name are all given, so a half-finished setup never runs half on.
 */
const LanguageModelFields = {
  LANGUAGE_MODEL_URL: z.preprocess(
    optional,
    z
      .string()
      .trim()
      .url("must be the endpoint's base URL, such as http://localhost:8080/v1")
      .refine((url) => /^https?:\/\//.test(url), "must be an http or https URL, such as http://localhost:8080/v1")
      .transform((url) => url.replace(/\/+$/, ""))
      .optional(),
  ),
  LANGUAGE_MODEL_API_KEY: z.preprocess(optional, z.string().trim().optional()),
  LANGUAGE_MODEL_NAME: z.preprocess(optional, z.string().trim().max(200).optional()),
  LANGUAGE_MODEL_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(8000),
};

const LANGUAGE_MODEL_TRIO = ["LANGUAGE_MODEL_URL", "LANGUAGE_MODEL_API_KEY", "LANGUAGE_MODEL_NAME"] as const;

function allOrNone(values: Partial<Record<(typeof LANGUAGE_MODEL_TRIO)[number], string>>, ctx: z.RefinementCtx) {
  const missing = LANGUAGE_MODEL_TRIO.filter((name) => values[name] === undefined);
  if (missing.length > 0 && missing.length < LANGUAGE_MODEL_TRIO.length) {
    const also = missing.length > 1 ? ` (so is ${missing.slice(1).join(" and ")})` : "";
    ctx.addIssue({
      code: "custom",
      path: [missing[0]],
      message: `is missing${also}: the language model needs LANGUAGE_MODEL_URL, LANGUAGE_MODEL_API_KEY and LANGUAGE_MODEL_NAME together, or none of them`,
    });
  }
}

const LanguageModelEnvSchema = z.object(LanguageModelFields).superRefine(allOrNone);

/**
 * The key that seals what masking removes from imported conversations: 32 bytes as 64 hex characters
 * or base64. Without it masking cannot be undone, which is the safe default.
 */
const PersonalDataKeySchema = z.preprocess(
  optional,
  z
    .string()
    .trim()
    .transform((value) => (/^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64")))
    .refine((key) => key.length === 32, "must be 32 bytes, as 64 hex characters or base64 (openssl rand -hex 32)")
    .optional(),
);

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^file:.+/, "must be a SQLite file URL such as file:./prisma/data.db")
      .default("file:./prisma/data.db"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    TRUST_PROXY: TrustProxySchema,
    PERSONAL_DATA_KEY: PersonalDataKeySchema,
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    // Seconds a stopping server gives requests in flight before it closes their connections.
    SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
    // Where `npm run db:backup` writes and `npm run db:restore` keeps the database it replaces; by default `backups/` beside the database.
    BACKUP_DIR: z.preprocess(optional, z.string().trim().optional()),
    ...LanguageModelFields,
  })
  .superRefine(allOrNone);

export type Env = z.infer<typeof EnvSchema>;

/** The absolute path of the SQLite file a DATABASE_URL names (relative paths are from the working directory). */
export function databaseFile(databaseUrl: string): string {
  return path.resolve(databaseUrl.replace(/^file:/, ""));
}

/** Reads and validates the environment; a bad value stops the process with one clear message. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  throw new Error(`Invalid environment: ${problems.join("; ")}`);
}

/** For process entry points: a bad environment prints its one-line reason and exits. */
export function readEnvOrExit(): Env {
  try {
    return readEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

export type LanguageModelConfig = { url: string; apiKey: string; model: string; timeoutMs: number };

/**
 * The language model to use, or null when none is configured. Read from the environment on each
 * call (it is four variables) so the setting is never stale; the process already refused to start
 * on a partial or invalid set.
 */
export function languageModelConfig(source: NodeJS.ProcessEnv = process.env): LanguageModelConfig | null {
  const parsed = LanguageModelEnvSchema.safeParse(source);
  if (!parsed.success) return null;
  const { LANGUAGE_MODEL_URL: url, LANGUAGE_MODEL_API_KEY: apiKey, LANGUAGE_MODEL_NAME: model } = parsed.data;
  if (!url || !apiKey || !model) return null;
  return { url, apiKey, model, timeoutMs: parsed.data.LANGUAGE_MODEL_TIMEOUT_MS };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= readEnv();
  return cached;
}

export function personalDataKey(source: NodeJS.ProcessEnv = process.env): Buffer | null {
  const parsed = PersonalDataKeySchema.safeParse(source.PERSONAL_DATA_KEY);
  return parsed.success ? (parsed.data ?? null) : null;
}
