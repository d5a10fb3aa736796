import { prisma } from "~/utils/db.server.ts";

/** For operators and load balancers: 200 when the database answers, 503 when it doesn't. */
export async function loader() {
  try {
    await prisma.user.count();
    return Response.json({ status: "ok", database: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    console.error("Health check failed", error);
    return Response.json({ status: "error", database: "unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
