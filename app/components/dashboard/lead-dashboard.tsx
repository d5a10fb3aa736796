import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { CalendarDays, ClipboardCheck, Clock, Handshake, Scale, TrendingDown } from "lucide-react";
import { Trans, useTranslation } from "react-i18next";
import { SessionTime } from "~/components/coaching/session-time.tsx";
import { Badge } from "~/components/ui/layout.tsx";
import { useFormat } from "~/i18n/use-format.ts";
import type { LeadDashboard as LeadDashboardData } from "~/models/dashboard.server.ts";
import { DashboardCard, DashboardEmpty, DashboardItem, DashboardList } from "./dashboard-card.tsx";

type Data = SerializeFrom<LeadDashboardData>;
type QueueItem = Data["reviews"]["items"][number];

function QueueList({ items, label }: { items: QueueItem[]; label: string }) {
  const { t } = useTranslation();
  return (
    <DashboardList label={label}>
      {items.map((item) => (
        <DashboardItem
          key={item.id}
          meta={
            <>
              <strong>{item.score}</strong>
              <Badge tone={item.passed ? "success" : "danger"}>{t(item.passed ? "dashboard:passed" : "dashboard:notPassed")}</Badge>
            </>
          }
        >
          <Link to={`/practice/attempts/${item.id}`}>{t("dashboard:lead.queueItem", { agent: item.agent, title: item.title })}</Link>
          {item.openDisputes > 0 ? <span className="muted">{t("dashboard:lead.openDisputes", { count: item.openDisputes })}</span> : null}
        </DashboardItem>
      ))}
    </DashboardList>
  );
}

function StandingText({ standing }: { standing: Data["struggling"]["people"][number]["standing"] }) {
  const { t } = useTranslation();
  if (standing.kind === "below-pass")
    return <>{t("dashboard:lead.belowPassText", { average: standing.recentAverage, pass: standing.passScore })}</>;
  return (
    <>{t("dashboard:lead.slippingText", { drop: standing.drop, average: standing.recentAverage, earlier: standing.earlierAverage })}</>
  );
}

/** A lead's home: the reviews, disputes, late work, struggling people and 1:1s that need them. */
export function LeadDashboard({ data, timeZone }: { data: Data; timeZone: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { reviews, disputes, overdue, struggling, sessions, proposalsAwaiting } = data;
  return (
    <div className="dashboard">
      <DashboardCard
        title={t("dashboard:lead.reviews.title")}
        icon={ClipboardCheck}
        count={reviews.total}
        seeAll={{ to: "/coaching/reviews" }}
      >
        {reviews.items.length === 0 ? (
          <DashboardEmpty>
            <Trans i18nKey="dashboard:lead.reviews.empty" components={{ anchor: <Link to="/coaching/reviews?show=all" /> }} />
          </DashboardEmpty>
        ) : (
          <QueueList items={reviews.items} label={t("dashboard:lead.reviews.list")} />
        )}
      </DashboardCard>

      <DashboardCard
        title={t("dashboard:lead.disputes.title")}
        icon={Scale}
        count={disputes.total}
        tone={disputes.total > 0 ? "attention" : undefined}
        seeAll={disputes.total > 0 ? { to: "/coaching/reviews?show=disputed" } : undefined}
      >
        {disputes.items.length === 0 ? (
          <DashboardEmpty>
            <Trans i18nKey="dashboard:lead.disputes.empty" components={{ anchor: <Link to="/coaching/reviews?show=disputed" /> }} />
          </DashboardEmpty>
        ) : (
          <QueueList items={disputes.items} label={t("dashboard:lead.disputes.list")} />
        )}
      </DashboardCard>

      <DashboardCard
        title={t("dashboard:lead.overdue.title")}
        icon={Clock}
        count={overdue.total}
        tone={overdue.total > 0 ? "attention" : undefined}
        seeAll={{ to: "/coaching/assignments?status=past-due" }}
      >
        {overdue.people.length === 0 ? (
          <DashboardEmpty>
            <Trans i18nKey="dashboard:lead.overdue.empty" components={{ anchor: <Link to="/coaching/assignments/new" /> }} />
          </DashboardEmpty>
        ) : (
          <DashboardList label={t("dashboard:lead.overdue.list")}>
            {overdue.people.map((person) => (
              <DashboardItem
                key={person.id}
                meta={<span className="dashboard-overdue">{t("dashboard:lead.overdue.count", { count: person.count })}</span>}
              >
                <Link to={`/coaching/assignments?status=past-due&agent=${person.id}`}>{person.name}</Link>
                <span className="muted">
                  {t("dashboard:lead.overdue.oldest", { title: person.oldest.title, date: format.shortDay(person.oldest.dueAt) })}
                </span>
              </DashboardItem>
            ))}
          </DashboardList>
        )}
      </DashboardCard>

      <DashboardCard
        title={t("dashboard:lead.struggling.title")}
        icon={TrendingDown}
        count={struggling.total}
        seeAll={{ to: "/coaching/insights", label: t("dashboard:lead.struggling.seeAll") }}
      >
        {struggling.people.length === 0 ? (
          <DashboardEmpty>{t("dashboard:lead.struggling.empty")}</DashboardEmpty>
        ) : (
          <DashboardList label={t("dashboard:lead.struggling.list")}>
            {struggling.people.map((person) => (
              <DashboardItem
                key={person.id}
                meta={
                  <Badge tone={person.standing.kind === "below-pass" ? "danger" : undefined}>
                    {t(
                      person.standing.kind === "below-pass" ? "dashboard:lead.struggling.belowPass" : "dashboard:lead.struggling.slipping",
                    )}
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
        title={t("dashboard:lead.sessions.title")}
        icon={CalendarDays}
        count={sessions.total}
        seeAll={{ to: "/coaching/people", label: t("dashboard:lead.sessions.seeAll") }}
      >
        {sessions.items.length === 0 ? (
          <DashboardEmpty>
            <Trans i18nKey="dashboard:lead.sessions.empty" components={{ anchor: <Link to="/coaching/sessions/new" /> }} />
          </DashboardEmpty>
        ) : (
          <DashboardList label={t("dashboard:lead.sessions.list")}>
            {sessions.items.map((session) => (
              <DashboardItem
                key={session.id}
                meta={session.past ? <span className="muted">{t("dashboard:lead.sessions.done")}</span> : null}
              >
                <Link to={`/coaching/sessions/${session.id}`}>{session.agent}</Link>
                <SessionTime at={session.scheduledAt} timeZone={timeZone} />
              </DashboardItem>
            ))}
          </DashboardList>
        )}
      </DashboardCard>

      {proposalsAwaiting > 0 ? (
        <DashboardCard title={t("dashboard:lead.mentoring")} icon={Handshake} count={proposalsAwaiting}>
          <p>
            <Link to="/mentoring">{t("dashboard:mentoringAnswers", { count: proposalsAwaiting })}</Link>
          </p>
        </DashboardCard>
      ) : null}
    </div>
  );
}
