import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/utils/auth.server.ts";
import { notFound } from "~/utils/permissions.server.ts";

// Unknown addresses get the 404 page inside the app's layout (signed-out visitors sign in first).
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  notFound();
}

export default function NotFound() {
  return null;
}
