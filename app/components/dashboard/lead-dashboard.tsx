import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { CalendarDays, ClipboardCheck, Clock, Handshake, Scale, TrendingDown } from "lucide-react";
import { SessionTime } from "~/components/coaching/session-time.tsx";
import { Badge } from "~/components/ui/layout.tsx";
import type { LeadDashboard as LeadDashboardData } from "~/models/dashboard.server.ts";
import { plural } from "~/utils/format.ts";
import { DashboardCard, DashboardEmpty, DashboardItem, DashboardList, shortDate } from "./dashboard-card.tsx";

type Data = SerializeFrom<LeadDashboardData>;
type QueueItem = Data["reviews"]["items"][number];

function QueueList({ items, label }: { items: QueueItem[]; label: string }) {
  return (
    <DashboardList label={label}>
      {items.map((item) => (
        <DashboardItem
          key={item.id}
          meta={
            <>
              <strong>{item.score}</strong>
              <Badge tone={item.passed ? "success" : "danger"}>{item.passed ? "Passed" : "Not passed"}</Badge>
            </>
          }
        >
          <Link to={`/practice/attempts/${item.id}`}>
            {item.agent}: {item.title}
          </Link>
          {item.openDisputes > 0 ? <span className="muted">{plural(item.openDisputes, "open dispute")}</span> : null}
        </DashboardItem>
      ))}
    </DashboardList>
  );
}

function StandingText({ standing }: { standing: Data["struggling"]["people"][number]["standing"] }) {
  if (standing.kind === "below-pass")
    return (
      <>
        Averaging {standing.recentAverage}, under the pass mark of {standing.passScore}
      </>
    );
  return (
    <>
      Down {standing.drop} points: averaging {standing.recentAverage}, was {standing.earlierAverage}
    </>
  );
}

/** A lead's home: the reviews, disputes, late work, struggling people and 1:1s that need them. */
export function LeadDashboard({ data, timeZone }: { data: Data; timeZone: string }) {
  const { reviews, disputes, overdue, struggling, sessions, proposalsAwaiting } = data;
  return (
    <div className="dashboard">
      <DashboardCard title="Reviews waiting" icon={ClipboardCheck} count={reviews.total} seeAll={{ to: "/coaching/reviews" }}>
        {reviews.items.length === 0 ? (
          <DashboardEmpty>
            Every graded conversation has been reviewed. <Link to="/coaching/reviews?show=all">Browse past reviews</Link>.
          </DashboardEmpty>
        ) : (
          <QueueList items={reviews.items} label="Graded conversations waiting for your review, newest first" />
        )}
      </DashboardCard>

      <DashboardCard
        title="Disputes waiting"
        icon={Scale}
        count={disputes.total}
        tone={disputes.total > 0 ? "attention" : undefined}
        seeAll={disputes.total > 0 ? { to: "/coaching/reviews?show=disputed" } : undefined}
      >
        {disputes.items.length === 0 ? (
          <DashboardEmpty>
            No open disputes. When someone disputes a level, it waits here and in the{" "}
            <Link to="/coaching/reviews?show=disputed">review queue</Link> for your answer.
          </DashboardEmpty>
        ) : (
          <QueueList items={disputes.items} label="Conversations with open disputes" />
        )}
      </DashboardCard>

      <DashboardCard
        title="Overdue work"
        icon={Clock}
        count={overdue.total}
        tone={overdue.total > 0 ? "attention" : undefined}
        seeAll={{ to: "/coaching/assignments?status=past-due" }}
      >
        {overdue.people.length === 0 ? (
          <DashboardEmpty>
            Nothing is past due. <Link to="/coaching/assignments/new">Assign a module or scenario</Link>.
          </DashboardEmpty>
        ) : (
          <DashboardList label="People with past-due assignments">
            {overdue.people.map((person) => (
              <DashboardItem key={person.id} meta={<span className="dashboard-overdue">{plural(person.count, "assignment")}</span>}>
                <Link to={`/coaching/assignments?status=past-due&agent=${person.id}`}>{person.name}</Link>
                <span className="muted">
                  Oldest: {person.oldest.title}, due {shortDate(person.oldest.dueAt)}
                </span>
              </DashboardItem>
            ))}
          </DashboardList>
        )}
      </DashboardCard>

      <DashboardCard
        title="Below pass or slipping"
        icon={TrendingDown}
        count={struggling.total}
        seeAll={{ to: "/coaching/insights", label: "See team insights" }}
      >
        {struggling.people.length === 0 ? (
          <DashboardEmpty>Everyone's recent practice is at or above the pass mark and holding steady.</DashboardEmpty>
        ) : (
          <DashboardList label="People whose recent practice scores need attention">
            {struggling.people.map((person) => (
              <DashboardItem
                key={person.id}
                meta={
                  <Badge tone={person.standing.kind === "below-pass" ? "danger" : undefined}>
                    {person.standing.kind === "below-pass" ? "Below pass" : "Slipping"}
                  </Badge>
                }
              >
                <Link to={`/coaching/people/${person.id}`}>{person.name}</Link>
                <span className="muted">
                  <StandingText standing={person.standing} />
                </span>
              </DashboardItem>
            ))}
          </DashboardList>
        )}
      </DashboardCard>

      <DashboardCard
        title="This week's 1:1s"
        icon={CalendarDays}
        count={sessions.total}
        seeAll={{ to: "/coaching/people", label: "See everyone you coach" }}
      >
        {sessions.items.length === 0 ? (
          <DashboardEmpty>
            No 1:1s this week. <Link to="/coaching/sessions/new">Plan one</Link>.
          </DashboardEmpty>
        ) : (
          <DashboardList label="Your 1:1s this week">
            {sessions.items.map((session) => (
              <DashboardItem key={session.id} meta={session.past ? <span className="muted">Done</span> : null}>
                <Link to={`/coaching/sessions/${session.id}`}>{session.agent}</Link>
                <SessionTime at={session.scheduledAt} timeZone={timeZone} />
              </DashboardItem>
            ))}
          </DashboardList>
        )}
      </DashboardCard>

      {proposalsAwaiting > 0 ? (
        <DashboardCard title="Mentoring" icon={Handshake} count={proposalsAwaiting}>
          <p>
            <Link to="/mentoring">{plural(proposalsAwaiting, "mentoring request")} waiting for your answer</Link>
          </p>
        </DashboardCard>
      ) : null}
    </div>
  );
}
