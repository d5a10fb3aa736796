import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { Card, PageHeader } from "~/components/ui/layout.tsx";
import { requireRole } from "~/utils/permissions.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  return null;
}

export default function AdminHome() {
  return (
    <>
      <PageHeader title="Admin" description="Run people, teams and the record of every change." />
      <div className="grid">
        <Card title="People">
          <p>Add people, set their role, level and team, issue one-time password links and deactivate accounts.</p>
          <Link to="/admin/people">Manage people</Link>
        </Card>
        <Card title="Teams">
          <p>Create and rename teams, choose each team's lead and move members between teams.</p>
          <Link to="/admin/teams">Manage teams</Link>
        </Card>
        <Card title="Audit log">
          <p>Every change to people and teams, who made it and when. Entries are never edited or removed.</p>
          <Link to="/admin/audit">Open the audit log</Link>
        </Card>
      </div>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Admin · Frontline" }];
