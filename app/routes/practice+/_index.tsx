import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { requireUser } from "~/utils/auth.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export default function PracticePage() {
  return (
    <>
      <PageHeader title="Practice" description="Practise conversations with simulated customers and get graded feedback." />
      <EmptyState title="No practice scenarios yet">Chat, email, phone and social scenarios will appear here, each graded on empathy, resolution, communication and efficiency.</EmptyState>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Practice · Frontline" }];
