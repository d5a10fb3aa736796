import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import {
  BookOpen,
  CalendarClock,
  ClipboardList,
  GraduationCap,
  MessagesSquare,
  Target,
  TrendingDown,
  TrendingUp,
  type LucideIcon,
} from "lucide-react";
import { useTranslation } from "react-i18next";
import { AssignmentStatusBadge } from "~/components/assignments/status-badge.tsx";
import { SessionTime } from "~/components/coaching/session-time.tsx";
import { Badge } from "~/components/ui/layout.tsx";
import { ProgressBar } from "~/components/ui/progress-bar.tsx";
import { OWN_SCENARIO_STATUS_LABELS } from "~/domain/coaching.ts";
import { translateMessage } from "~/i18n/message.ts";
import type { AgentDashboard as AgentDashboardData } from "~/models/dashboard.server.ts";
import { plural } from "~/utils/format.ts";
import { DashboardCard, DashboardEmpty, DashboardItem, DashboardList, shortDate, Sparkline } from "./dashboard-card.tsx";

type Data = SerializeFrom<AgentDashboardData>;

function DueCard({ due }: { due: Data["due"] }) {
  const { t } = useTranslation();
  return (
    <DashboardCard
      title="What's due"
      icon={ClipboardList}
      count={due.total}
      tone={due.items.some((item) => item.overdue) ? "attention" : undefined}
    >
      {due.items.length === 0 ? (
        <DashboardEmpty>
          Nothing due — browse <Link to="/learn">Learn</Link> or practise a conversation in <Link to="/practice">Practice</Link>.
        </DashboardEmpty>
      ) : (
        <DashboardList label="Open assignments, soonest first">
          {due.items.map((item) => (
            <DashboardItem
              key={item.id}
              meta={
                <>
                  <AssignmentStatusBadge status={item.status} labels={item.kind === "scenario" ? OWN_SCENARIO_STATUS_LABELS : undefined} />
                  <span className={item.overdue ? "dashboard-overdue" : undefined}>
                    {item.overdue ? "Was due" : "Due"} {shortDate(item.dueAt)}
                  </span>
                </>
              }
            >
              <Link to={item.link}>{item.title}</Link>
              {item.passBar ? (
                <span className="dashboard-criteria">
                  {item.automatic ? "To complete it" : "Your lead's bar"}: {translateMessage(t, item.passBar)}
                </span>
              ) : null}
            </DashboardItem>
          ))}
        </DashboardList>
      )}
      {due.total > due.items.length ? (
        <p className="dashboard-card__more">
          See all: <Link to="/learn">assigned modules</Link>, <Link to="/practice">assigned scenarios</Link>
        </p>
      ) : null}
    </DashboardCard>
  );
}

function CoachingCard({ data, timeZone, lead }: { data: Data; timeZone: string; lead: string | null }) {
  const { nextSession, actionItems } = data;
  return (
    <DashboardCard
      title="Your coaching"
      icon={CalendarClock}
      count={actionItems.total}
      seeAll={{ to: "/coaching/my", label: "Open your coaching" }}
    >
      <p>{lead ? `Your lead is ${lead}.` : "You're not on a team with a lead yet; an admin will add you to one."}</p>
      <p>
        {nextSession ? (
          <>
            Next 1:1 with {nextSession.lead}:{" "}
            <Link to={`/coaching/sessions/${nextSession.id}`}>
              <SessionTime at={nextSession.scheduledAt} timeZone={timeZone} />
            </Link>
          </>
        ) : (
          "No 1:1 planned yet — your lead schedules them, and they show here."
        )}
      </p>
      <h3 className="dashboard-card__subtitle">Open action items</h3>
      {actionItems.items.length === 0 ? (
        <DashboardEmpty>No open action items. What you agree in a 1:1 shows here until you tick it off.</DashboardEmpty>
      ) : (
        <DashboardList label="Open action items, soonest due first">
          {actionItems.items.map((item) => (
            <DashboardItem
              key={item.id}
              meta={
                <span className={item.overdue ? "dashboard-overdue" : undefined}>
                  {item.overdue ? "Overdue since" : "Due"} {shortDate(item.dueDate)}
                </span>
              }
            >
              <Link to={`/coaching/sessions/${item.sessionId}`}>{item.text}</Link>
            </DashboardItem>
          ))}
        </DashboardList>
      )}
    </DashboardCard>
  );
}

const TREND_ICON: Record<"up" | "down" | "flat", LucideIcon> = { up: TrendingUp, down: TrendingDown, flat: TrendingUp };

function GradesCard({ grades }: { grades: Data["grades"] }) {
  const { trend } = grades;
  return (
    <DashboardCard title="Latest grades" icon={trend ? TREND_ICON[trend.direction] : TrendingUp} seeAll={{ to: "/practice" }}>
      {grades.items.length === 0 ? (
        <DashboardEmpty>
          No graded conversations yet — <Link to="/practice">practise one</Link> and your scores show here.
        </DashboardEmpty>
      ) : (
        <>
          {trend ? (
            <p className="dashboard-trend">
              <Sparkline values={grades.items.map((item) => item.score).reverse()} />
              <span>
                {trend.direction === "flat"
                  ? `Level over your last ${trend.over}`
                  : `${trend.direction === "up" ? "Up" : "Down"} ${plural(trend.points, "point")} over your last ${trend.over}`}
              </span>
            </p>
          ) : null}
          <DashboardList label="Your latest graded conversations">
            {grades.items.map((item) => (
              <DashboardItem
                key={item.id}
                meta={
                  <>
                    <strong>{item.score}</strong>
                    <Badge tone={item.passed ? "success" : "danger"}>{item.passed ? "Passed" : "Not passed"}</Badge>
                  </>
                }
              >
                <Link to={`/practice/attempts/${item.id}`}>{item.title}</Link>
                <span className="muted">{shortDate(item.at)}</span>
              </DashboardItem>
            ))}
          </DashboardList>
        </>
      )}
    </DashboardCard>
  );
}

function PractiseNextCard({ data }: { data: Data }) {
  const { active, nextSkill } = data;
  return (
    <DashboardCard title="Practise next" icon={Target}>
      {active ? (
        <p className="dashboard-resume">
          <MessagesSquare aria-hidden="true" size={18} />
          <span>
            You have a conversation in progress: <Link to={`/practice/attempts/${active.id}`}>resume {active.title}</Link>
          </span>
        </p>
      ) : null}
      {nextSkill ? (
        <p>
          Your weakest skill lately is <strong>{nextSkill.name}</strong> ({nextSkill.percent}% of the levels available).{" "}
          {nextSkill.scenario ? (
            <Link to={nextSkill.scenario.link}>Practise it with {nextSkill.scenario.title}</Link>
          ) : (
            <Link to="/learn">Find a module on it in Learn</Link>
          )}
        </p>
      ) : active ? null : (
        <DashboardEmpty>
          Once a conversation is graded we suggest the one skill to work on. <Link to="/practice">Start with any scenario</Link>.
        </DashboardEmpty>
      )}
    </DashboardCard>
  );
}

function OnboardingCard({ onboarding }: { onboarding: NonNullable<Data["onboarding"]> }) {
  return (
    <DashboardCard title="Your onboarding" icon={GraduationCap} seeAll={{ to: "/learn", label: "See your path" }}>
      <p>
        {onboarding.completed} of {onboarding.total} modules complete
      </p>
      <ProgressBar label="Onboarding path complete" percent={onboarding.percent} />
      {onboarding.next ? (
        <p>
          <Link className="button button--small" to={onboarding.next.link}>
            Next: {onboarding.next.title}
          </Link>
        </p>
      ) : (
        <DashboardEmpty>You've finished onboarding. Keep your skills fresh in Learn and Practice.</DashboardEmpty>
      )}
    </DashboardCard>
  );
}

function AlsoCard({ data }: { data: Data }) {
  const { career, proposalsAwaiting } = data;
  if (!career && proposalsAwaiting === 0) return null;
  return (
    <DashboardCard title="Also for you" icon={BookOpen}>
      <DashboardList label="Other things waiting for you">
        {proposalsAwaiting > 0 ? (
          <DashboardItem>
            <Link to="/mentoring">{plural(proposalsAwaiting, "mentoring request")} waiting for your answer</Link>
          </DashboardItem>
        ) : null}
        {career ? (
          <DashboardItem>
            <Link to="/career">
              {career.percentReady}% ready for {career.title}
            </Link>
          </DashboardItem>
        ) : null}
      </DashboardList>
    </DashboardCard>
  );
}

/** An agent's home: what to do today, how they are doing, and what to practise. */
export function AgentDashboard({ data, timeZone, lead }: { data: Data; timeZone: string; lead: string | null }) {
  return (
    <div className="dashboard">
      {data.onboarding ? <OnboardingCard onboarding={data.onboarding} /> : null}
      <DueCard due={data.due} />
      <PractiseNextCard data={data} />
      <CoachingCard data={data} timeZone={timeZone} lead={lead} />
      <GradesCard grades={data.grades} />
      <AlsoCard data={data} />
    </div>
  );
}
