import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Card, PageHeader } from "~/components/ui/layout.tsx";
import { countPendingNominations } from "~/models/nomination.server.ts";
import { plural } from "~/utils/format.ts";
import { requireRole } from "~/utils/permissions.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  return { pendingNominations: await countPendingNominations() };
}

export default function AdminHome() {
  const { pendingNominations } = useLoaderData<typeof loader>();
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
        <Card title="Promotions">
          <p>Approve or decline the promotions leads nominate their people for, with the evidence beside each one.</p>
          <Link to="/admin/promotions">
            {pendingNominations === 0
              ? "None waiting — see past decisions"
              : `Review ${plural(pendingNominations, "nomination")} waiting for a decision`}
          </Link>
        </Card>
        <Card title="Mentoring pool">
          <p>Match everyone waiting for a mentor at once under each mentor's capacity, adjust the pairs and publish them.</p>
          <Link to="/admin/mentoring">Match the mentoring pool</Link>
        </Card>
        <Card title="Grader agreement">
          <p>How far people agree with the automatic grader, per criterion, and which criteria need human review before they count.</p>
          <Link to="/admin/grader">See grader agreement</Link>
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
