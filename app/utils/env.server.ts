import net from "node:net";
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

const EnvSchema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^file:.+/, "must be a SQLite file URL such as file:./prisma/data.db")
    .default("file:./prisma/data.db"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  TRUST_PROXY: TrustProxySchema,
});

export type Env = z.infer<typeof EnvSchema>;

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

let cached: Env | undefined;

export function env(): Env {
  cached ??= readEnv();
  return cached;
}
