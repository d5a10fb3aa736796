import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { requireUser } from "~/utils/auth.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export default function MentoringPage() {
  return (
    <>
      <PageHeader title="Mentoring" description="Find a mentor or offer to be one." />
      <EmptyState title="No mentoring yet">Mentor profiles, requests and pairings will appear here.</EmptyState>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Mentoring · Frontline" }];
