import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { requireRole } from "~/utils/permissions.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["lead", "admin"]);
  return null;
}

export default function CoachingPage() {
  return (
    <>
      <PageHeader title="Coaching" description="Assignments, reviews and 1:1s for your team." />
      <EmptyState title="Nothing to coach on yet">Once your team starts training and practising, assignments, the review queue and 1:1 notes will live here.</EmptyState>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Coaching · Frontline" }];
