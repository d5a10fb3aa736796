import { checkDatabase } from "~/models/health.server.ts";
import { logger } from "~/utils/logger.server.ts";

/** For operators and load balancers: 200 when the database can be written, 503 when it can't. */
export async function loader() {
  const database = await checkDatabase();
  const headers = { "Cache-Control": "no-store" };
  if (database === "ok") return Response.json({ status: "ok", database }, { headers });
  logger.error({ database }, "Health check failed");
  return Response.json({ status: "error", database }, { status: 503, headers });
}
