import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AssignmentsSection } from "~/components/assignments/assignment-list.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { ProgressBar } from "~/components/ui/progress-bar.tsx";
import { ROLE_LABELS } from "~/domain/people.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { formatDate, formatDateTime, plural } from "~/utils/format.ts";
import { loadHome } from "./home-view.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  return loadHome(await requireUser(request));
}

export default function Home() {
  const { me, ledTeams, organisation, learning, career, proposalsAwaiting, assignments } = useLoaderData<typeof loader>();
  const firstName = me.name.split(" ")[0];
  return (
    <div className="stack">
      <PageHeader
        title={me.newHire ? `Welcome aboard, ${firstName}` : `Hello, ${firstName}`}
        description={
          me.newHire
            ? "Your first weeks are about learning how we help customers. Your onboarding path lives in Learn."
            : [me.level, me.team?.name ?? ledTeams.map((team) => team.name).join(", ")].filter(Boolean).join(" · ")
        }
      />
      <AssignmentsSection
        id="your-assignments"
        items={assignments}
        empty={
          me.role === "agent"
            ? "Nothing is assigned to you right now. When your lead assigns a module or a practice conversation, it shows here with its due date."
            : undefined
        }
      />
      <div className="grid">
        <Card title="About you">
          <dl className="facts">
            <dt>Name</dt>
            <dd>{me.name}</dd>
            <dt>Email</dt>
            <dd>{me.email}</dd>
            <dt>Role</dt>
            <dd>
              {ROLE_LABELS[me.role]} {me.newHire ? <Badge tone="primary">New hire</Badge> : null}
            </dd>
            <dt>Level</dt>
            <dd>{me.level}</dd>
            <dt>With us</dt>
            <dd>
              {me.tenure} (since {formatDate(me.hireDate)})
            </dd>
            <dt>Works</dt>
            <dd>
              {me.workMode} · {me.timeZone}
            </dd>
          </dl>
        </Card>
        {me.role !== "admin" ? (
          <Card title="Your team">
            {me.team ? (
              <dl className="facts">
                <dt>Team</dt>
                <dd>{me.team.name}</dd>
                <dt>Team lead</dt>
                <dd>{me.team.lead ? `${me.team.lead.name} (${me.team.lead.email})` : "No lead assigned yet"}</dd>
              </dl>
            ) : ledTeams.length > 0 ? (
              <p>
                You lead {ledTeams.map((team) => team.name).join(", ")} with{" "}
                {plural(
                  ledTeams.reduce((sum, team) => sum + team.members.length, 0),
                  "person",
                  "people",
                )}
                .
              </p>
            ) : (
              <p className="muted">You're not on a team yet. An admin will add you to one.</p>
            )}
          </Card>
        ) : null}
        <Card title="What's next">
          {me.role === "agent" ? (
            <p>
              <Link to="/coaching/my">Your coaching: 1:1s and action items</Link>
            </p>
          ) : null}
          {career ? (
            <p>
              <Link to="/career">
                Career: {career.percentReady}% ready for {career.title}
              </Link>
            </p>
          ) : null}
          {proposalsAwaiting > 0 ? (
            <p>
              <Link to="/mentoring">{plural(proposalsAwaiting, "mentoring request")} waiting for your answer</Link>
            </p>
          ) : null}
          {learning.onboarding ? (
            <>
              <p>
                Onboarding: {learning.onboarding.completed} of {learning.onboarding.total} modules complete
              </p>
              <ProgressBar label="Onboarding path complete" percent={learning.onboarding.percent} />
              {learning.onboarding.next ? (
                <p>
                  <Link className="button button--small" to={`/learn/modules/${learning.onboarding.next.slug}`}>
                    Continue onboarding: {learning.onboarding.next.title}
                  </Link>
                </p>
              ) : null}
            </>
          ) : null}
          {learning.inProgress.length > 0 ? (
            <>
              <p>Pick up where you left off:</p>
              <ul>
                {learning.inProgress.map((module) => (
                  <li key={module.slug}>
                    <Link to={`/learn/modules/${module.slug}`}>{module.title}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {!learning.onboarding && learning.inProgress.length === 0 ? (
            <p>
              Keep your skills fresh in the <Link to="/learn">Learn library</Link>, practise a conversation in{" "}
              <Link to="/practice">Practice</Link>, and see your path up in <Link to="/career">Career</Link>.
            </p>
          ) : null}
        </Card>
      </div>

      {ledTeams.map((team) => (
        <section key={team.id} aria-labelledby={`team-${team.id}`} className="stack">
          <h2 id={`team-${team.id}`}>{team.name}</h2>
          {team.members.length === 0 ? (
            <EmptyState title="No one on this team yet">An admin can move people onto your team from Admin → Teams.</EmptyState>
          ) : (
            <DataTable caption={`Members of ${team.name}`} columns={["Name", "Level", "With us", "Works"]}>
              {team.members.map((member) => (
                <tr key={member.id}>
                  <td>{member.name}</td>
                  <td>{member.level}</td>
                  <td>{member.tenure}</td>
                  <td>
                    {member.workMode} · {member.timeZone}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      ))}

      {organisation ? (
        <>
          <div className="grid">
            <Card title="Agents">
              <p className="stat">{organisation.counts.active.agent ?? 0}</p>
              <p className="muted">active</p>
            </Card>
            <Card title="Team leads">
              <p className="stat">{organisation.counts.active.lead ?? 0}</p>
              <p className="muted">active</p>
            </Card>
            <Card title="Teams">
              <p className="stat">{organisation.counts.teams}</p>
              <p className="muted">
                <Link to="/admin/teams">Manage teams</Link>
              </p>
            </Card>
            <Card title="Deactivated">
              <p className="stat">{organisation.counts.deactivated}</p>
              <p className="muted">
                <Link to="/admin/people?status=deactivated">See accounts</Link>
              </p>
            </Card>
          </div>
          <Card title="Recent changes">
            {organisation.recent.length === 0 ? (
              <p className="muted">No changes yet. Everything admins change will be listed here and in the audit log.</p>
            ) : (
              <ul>
                {organisation.recent.map((event) => (
                  <li key={event.id}>
                    {event.summary}{" "}
                    <span className="muted">
                      — {event.actor?.name ?? "system"}, {formatDateTime(event.createdAt)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <Link to="/admin/audit">Open the audit log</Link>
          </Card>
        </>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Home · Frontline" }];
