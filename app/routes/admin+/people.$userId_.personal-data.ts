// An admin's download of everything Frontline holds about one person, as JSON (audited).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { message } from "~/i18n/message.ts";
import { exportPersonalData } from "~/models/personal-data.server.ts";
import { ensureFound, requireRole } from "~/utils/permissions.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const data = ensureFound(await exportPersonalData(admin, params.userId ?? ""), message("admin:person.notFound"));
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="frontline-personal-data-${data.person.id}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
