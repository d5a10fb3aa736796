import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AdminDashboard } from "~/components/dashboard/admin-dashboard.tsx";
import { AgentDashboard } from "~/components/dashboard/agent-dashboard.tsx";
import { LeadDashboard } from "~/components/dashboard/lead-dashboard.tsx";
import { PageHeader } from "~/components/ui/layout.tsx";
import { loadDashboard } from "~/models/dashboard.server.ts";
import { requireUser, toViewer } from "~/utils/auth.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return loadDashboard(toViewer(user));
}

const DESCRIPTIONS = {
  agent: "What's due, your coaching and how your practice is going.",
  lead: "What your teams need from you today.",
  admin: "How the organisation and its training content are doing.",
} as const;

export default function Home() {
  const data = useLoaderData<typeof loader>();
  const { me } = data;
  const teams = me.teams.join(", ");
  return (
    <div className="stack">
      <PageHeader
        title={me.newHire ? `Welcome aboard, ${me.firstName}` : `Hello, ${me.firstName}`}
        description={teams ? `${teams} · ${DESCRIPTIONS[data.role]}` : DESCRIPTIONS[data.role]}
      />
      {data.role === "admin" ? <AdminDashboard data={data.admin} /> : null}
      {data.role === "lead" ? <LeadDashboard data={data.lead} timeZone={me.timeZone} /> : null}
      {data.role === "agent" ? <AgentDashboard data={data.agent} timeZone={me.timeZone} lead={me.lead} /> : null}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Home · Frontline" }];
