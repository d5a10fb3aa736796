import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { Award, Clock, GraduationCap, Handshake, Library } from "lucide-react";
import { Trans, useTranslation } from "react-i18next";
import { ProgressBar } from "~/components/ui/progress-bar.tsx";
import { translateMessage } from "~/i18n/message.ts";
import { useFormat } from "~/i18n/use-format.ts";
import type { AdminDashboard as AdminDashboardData } from "~/models/dashboard.server.ts";
import { DashboardCard, DashboardEmpty, DashboardItem, DashboardList } from "./dashboard-card.tsx";

type Data = SerializeFrom<AdminDashboardData>;

/** An admin's home: how the organisation's people and content are doing, and the queues waiting on them. */
export function AdminDashboard({ data }: { data: Data }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { onboarding, overdue, promotions, mentoringRequests, proposalsAwaiting, content } = data;
  return (
    <>
      <h2 className="dashboard-section">{t("dashboard:admin.organisation")}</h2>
      <div className="dashboard">
        <DashboardCard
          headingLevel={3}
          title={t("dashboard:admin.onboarding.title")}
          icon={GraduationCap}
          count={onboarding.newHires}
          seeAll={{ to: "/learn/people", label: t("dashboard:admin.onboarding.seeAll") }}
        >
          {onboarding.newHires === 0 ? (
            <DashboardEmpty>
              <Trans i18nKey="dashboard:admin.onboarding.empty" components={{ anchor: <Link to="/admin/people/new" /> }} />
            </DashboardEmpty>
          ) : (
            <>
              <p>{t("dashboard:admin.onboarding.finished", { finished: onboarding.finished, newHires: onboarding.newHires })}</p>
              <ProgressBar label={t("dashboard:admin.onboarding.progress")} percent={onboarding.percent} />
            </>
          )}
        </DashboardCard>

        <DashboardCard
          headingLevel={3}
          title={t("dashboard:admin.overdue.title")}
          icon={Clock}
          count={overdue.total}
          tone={overdue.total > 0 ? "attention" : undefined}
          seeAll={{ to: "/coaching/assignments?status=past-due" }}
        >
          {overdue.total === 0 ? (
            <DashboardEmpty>{t("dashboard:admin.overdue.empty")}</DashboardEmpty>
          ) : (
            <p>{t("dashboard:admin.overdue.summary", { total: overdue.total, people: overdue.peopleCount })}</p>
          )}
        </DashboardCard>

        <DashboardCard
          headingLevel={3}
          title={t("dashboard:admin.promotions.title")}
          icon={Award}
          count={promotions.total}
          seeAll={{ to: "/admin/promotions" }}
        >
          {promotions.items.length === 0 ? (
            <DashboardEmpty>{t("dashboard:admin.promotions.empty")}</DashboardEmpty>
          ) : (
            <DashboardList label={t("dashboard:admin.promotions.list")}>
              {promotions.items.map((nomination) => (
                <DashboardItem
                  key={nomination.id}
                  meta={
                    <span className="muted">{t("dashboard:admin.promotions.since", { date: format.shortDay(nomination.createdAt) })}</span>
                  }
                >
                  <Link to={`/admin/promotions/${nomination.id}`}>
                    {t("dashboard:admin.promotions.item", { agent: nomination.agent, level: translateMessage(t, nomination.level) })}
                  </Link>
                </DashboardItem>
              ))}
            </DashboardList>
          )}
        </DashboardCard>

        <DashboardCard
          headingLevel={3}
          title={t("dashboard:admin.mentoring.title")}
          icon={Handshake}
          count={mentoringRequests}
          seeAll={{ to: "/admin/mentoring", label: t("dashboard:admin.mentoring.seeAll") }}
        >
          {mentoringRequests === 0 ? (
            <DashboardEmpty>{t("dashboard:admin.mentoring.empty")}</DashboardEmpty>
          ) : (
            <p>{t("dashboard:admin.mentoring.waiting", { count: mentoringRequests })}</p>
          )}
          {proposalsAwaiting > 0 ? (
            <p>
              <Link to="/mentoring">{t("dashboard:mentoringAnswers", { count: proposalsAwaiting })}</Link>
            </p>
          ) : null}
        </DashboardCard>
      </div>

      <h2 className="dashboard-section">{t("dashboard:admin.content")}</h2>
      <div className="dashboard">
        <DashboardCard
          headingLevel={3}
          title={t("dashboard:admin.catalog.title")}
          icon={Library}
          seeAll={{ to: "/learn", label: t("dashboard:admin.catalog.seeAll") }}
        >
          <p>{t("dashboard:admin.catalog.published", { modules: content.modules, scenarios: content.scenarios })}</p>
          {content.unused.items.length === 0 ? (
            <DashboardEmpty>{t("dashboard:admin.catalog.allUsed")}</DashboardEmpty>
          ) : (
            <>
              <h4 className="dashboard-card__subtitle">{t("dashboard:admin.catalog.unused")}</h4>
              <DashboardList label={t("dashboard:admin.catalog.unusedList")}>
                {content.unused.items.map((item) => (
                  <DashboardItem
                    key={item.link}
                    meta={
                      <span className="muted">
                        {t(item.kind === "module" ? "dashboard:admin.catalog.module" : "dashboard:admin.catalog.scenario")}
                      </span>
                    }
                  >
                    <Link to={item.link}>{item.title}</Link>
                  </DashboardItem>
                ))}
              </DashboardList>
              {content.unused.total > content.unused.items.length ? (
                <p className="muted">{t("dashboard:andMore", { count: content.unused.total - content.unused.items.length })}</p>
              ) : null}
            </>
          )}
        </DashboardCard>
      </div>
    </>
  );
}
