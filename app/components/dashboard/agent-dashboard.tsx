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
import { Trans, useTranslation } from "react-i18next";
import { AssignmentStatusBadge } from "~/components/assignments/status-badge.tsx";
import { SessionTime } from "~/components/coaching/session-time.tsx";
import { Badge } from "~/components/ui/layout.tsx";
import { ProgressBar } from "~/components/ui/progress-bar.tsx";
import { OWN_SCENARIO_STATUS_LABELS } from "~/domain/coaching.ts";
import { translateMessage } from "~/i18n/message.ts";
import { useFormat } from "~/i18n/use-format.ts";
import type { AgentDashboard as AgentDashboardData } from "~/models/dashboard.server.ts";
import { DashboardCard, DashboardEmpty, DashboardItem, DashboardList, Sparkline } from "./dashboard-card.tsx";

type Data = SerializeFrom<AgentDashboardData>;

function DueCard({ due }: { due: Data["due"] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DashboardCard
      title={t("dashboard:agent.due.title")}
      icon={ClipboardList}
      count={due.total}
      tone={due.items.some((item) => item.overdue) ? "attention" : undefined}
    >
      {due.items.length === 0 ? (
        <DashboardEmpty>
          <Trans i18nKey="dashboard:agent.due.empty" components={{ learn: <Link to="/learn" />, practice: <Link to="/practice" /> }} />
        </DashboardEmpty>
      ) : (
        <DashboardList label={t("dashboard:agent.due.list")}>
          {due.items.map((item) => (
            <DashboardItem
              key={item.id}
              meta={
                <>
                  <AssignmentStatusBadge status={item.status} labels={item.kind === "scenario" ? OWN_SCENARIO_STATUS_LABELS : undefined} />
                  <span className={item.overdue ? "dashboard-overdue" : undefined}>
                    {t(item.overdue ? "dashboard:agent.due.wasDue" : "dashboard:agent.due.dueOn", { date: format.shortDay(item.dueAt) })}
                  </span>
                </>
              }
            >
              <Link to={item.link}>{item.title}</Link>
              {item.passBar ? (
                <span className="dashboard-criteria">
                  {t(item.automatic ? "dashboard:agent.due.automaticBar" : "dashboard:agent.due.leadBar", {
                    bar: translateMessage(t, item.passBar),
                  })}
                </span>
              ) : null}
            </DashboardItem>
          ))}
        </DashboardList>
      )}
      {due.total > due.items.length ? (
        <p className="dashboard-card__more">
          <Trans i18nKey="dashboard:agent.due.seeAll" components={{ modules: <Link to="/learn" />, scenarios: <Link to="/practice" /> }} />
        </p>
      ) : null}
    </DashboardCard>
  );
}

function CoachingCard({ data, timeZone, lead }: { data: Data; timeZone: string; lead: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { nextSession, actionItems } = data;
  return (
    <DashboardCard
      title={t("dashboard:agent.coaching.title")}
      icon={CalendarClock}
      count={actionItems.total}
      seeAll={{ to: "/coaching/my", label: t("dashboard:agent.coaching.seeAll") }}
    >
      <p>{lead ? t("dashboard:agent.coaching.lead", { lead }) : t("dashboard:agent.coaching.noLead")}</p>
      <p>
        {nextSession ? (
          <>
            {t("dashboard:agent.coaching.nextSession", { lead: nextSession.lead })}{" "}
            <Link to={`/coaching/sessions/${nextSession.id}`}>
              <SessionTime at={nextSession.scheduledAt} timeZone={timeZone} />
            </Link>
          </>
        ) : (
          t("dashboard:agent.coaching.noSession")
        )}
      </p>
      <h3 className="dashboard-card__subtitle">{t("dashboard:agent.coaching.actionItems")}</h3>
      {actionItems.items.length === 0 ? (
        <DashboardEmpty>{t("dashboard:agent.coaching.noActionItems")}</DashboardEmpty>
      ) : (
        <DashboardList label={t("dashboard:agent.coaching.actionItemList")}>
          {actionItems.items.map((item) => (
            <DashboardItem
              key={item.id}
              meta={
                <span className={item.overdue ? "dashboard-overdue" : undefined}>
                  {t(item.overdue ? "dashboard:agent.coaching.overdueSince" : "dashboard:agent.due.dueOn", {
                    date: format.shortDay(item.dueDate),
                  })}
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
  const { t } = useTranslation();
  const format = useFormat();
  const { trend } = grades;
  return (
    <DashboardCard
      title={t("dashboard:agent.grades.title")}
      icon={trend ? TREND_ICON[trend.direction] : TrendingUp}
      seeAll={{ to: "/practice" }}
    >
      {grades.items.length === 0 ? (
        <DashboardEmpty>
          <Trans i18nKey="dashboard:agent.grades.empty" components={{ anchor: <Link to="/practice" /> }} />
        </DashboardEmpty>
      ) : (
        <>
          {trend ? (
            <p className="dashboard-trend">
              <Sparkline values={grades.items.map((item) => item.score).reverse()} />
              <span>
                {trend.direction === "flat"
                  ? t("dashboard:agent.grades.level", { over: trend.over })
                  : t(trend.direction === "up" ? "dashboard:agent.grades.up" : "dashboard:agent.grades.down", {
                      points: trend.points,
                      over: trend.over,
                    })}
              </span>
            </p>
          ) : null}
          <DashboardList label={t("dashboard:agent.grades.list")}>
            {grades.items.map((item) => (
              <DashboardItem
                key={item.id}
                meta={
                  <>
                    <strong>{item.score}</strong>
                    <Badge tone={item.passed ? "success" : "danger"}>{t(item.passed ? "dashboard:passed" : "dashboard:notPassed")}</Badge>
                  </>
                }
              >
                <Link to={`/practice/attempts/${item.id}`}>{item.title}</Link>
                <span className="muted">{format.shortDay(item.at)}</span>
              </DashboardItem>
            ))}
          </DashboardList>
        </>
      )}
    </DashboardCard>
  );
}

function PractiseNextCard({ data }: { data: Data }) {
  const { t } = useTranslation();
  const { active, nextSkill } = data;
  return (
    <DashboardCard title={t("dashboard:agent.next.title")} icon={Target}>
      {active ? (
        <p className="dashboard-resume">
          <MessagesSquare aria-hidden="true" size={18} />
          <span>
            <Trans
              i18nKey="dashboard:agent.next.resume"
              values={{ title: active.title }}
              components={{ anchor: <Link to={`/practice/attempts/${active.id}`} /> }}
            />
          </span>
        </p>
      ) : null}
      {nextSkill ? (
        <p>
          <Trans
            i18nKey="dashboard:agent.next.weakest"
            values={{ skill: nextSkill.name, percent: nextSkill.percent }}
            components={{ strong: <strong /> }}
          />{" "}
          {nextSkill.scenario ? (
            <Link to={nextSkill.scenario.link}>{t("dashboard:agent.next.practiseWith", { title: nextSkill.scenario.title })}</Link>
          ) : (
            <Link to="/learn">{t("dashboard:agent.next.findModule")}</Link>
          )}
        </p>
      ) : active ? null : (
        <DashboardEmpty>
          <Trans i18nKey="dashboard:agent.next.empty" components={{ anchor: <Link to="/practice" /> }} />
        </DashboardEmpty>
      )}
    </DashboardCard>
  );
}

function OnboardingCard({ onboarding }: { onboarding: NonNullable<Data["onboarding"]> }) {
  const { t } = useTranslation();
  return (
    <DashboardCard
      title={t("dashboard:agent.onboarding.title")}
      icon={GraduationCap}
      seeAll={{ to: "/learn", label: t("dashboard:agent.onboarding.seeAll") }}
    >
      <p>{t("dashboard:agent.onboarding.progress", { completed: onboarding.completed, total: onboarding.total })}</p>
      <ProgressBar label={t("dashboard:agent.onboarding.progressLabel")} percent={onboarding.percent} />
      {onboarding.next ? (
        <p>
          <Link className="button button--small" to={onboarding.next.link}>
            {t("dashboard:agent.onboarding.next", { title: onboarding.next.title })}
          </Link>
        </p>
      ) : (
        <DashboardEmpty>{t("dashboard:agent.onboarding.done")}</DashboardEmpty>
      )}
    </DashboardCard>
  );
}

function AlsoCard({ data }: { data: Data }) {
  const { t } = useTranslation();
  const { career, proposalsAwaiting } = data;
  if (!career && proposalsAwaiting === 0) return null;
  return (
    <DashboardCard title={t("dashboard:agent.also.title")} icon={BookOpen}>
      <DashboardList label={t("dashboard:agent.also.list")}>
        {proposalsAwaiting > 0 ? (
          <DashboardItem>
            <Link to="/mentoring">{t("dashboard:mentoringAnswers", { count: proposalsAwaiting })}</Link>
          </DashboardItem>
        ) : null}
        {career ? (
          <DashboardItem>
            <Link to="/career">{t("dashboard:agent.also.ready", { percent: career.percentReady, title: career.title })}</Link>
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
