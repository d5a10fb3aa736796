import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { requireUser } from "~/utils/auth.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export default function CareerPage() {
  return (
    <>
      <PageHeader title="Career" description="Your path from Agent I to Team Lead and Support Manager." />
      <EmptyState title="Your career view is on its way">The ladder, what each level asks of you and how close you are will appear here.</EmptyState>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Career · Frontline" }];
