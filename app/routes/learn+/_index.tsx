import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { requireUser } from "~/utils/auth.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export default function LearnPage() {
  return (
    <>
      <PageHeader title="Learn" description="Onboarding path and ongoing training modules." />
      <EmptyState title="No modules published yet">Your onboarding path and the training library will appear here as soon as modules are published.</EmptyState>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Learn · Frontline" }];
