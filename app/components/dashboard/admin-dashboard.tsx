import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { Award, Clock, GraduationCap, Handshake, Library } from "lucide-react";
import { useTranslation } from "react-i18next";
import { ProgressBar } from "~/components/ui/progress-bar.tsx";
import { translateMessage } from "~/i18n/message.ts";
import type { AdminDashboard as AdminDashboardData } from "~/models/dashboard.server.ts";
import { plural } from "~/utils/format.ts";
import { DashboardCard, DashboardEmpty, DashboardItem, DashboardList, shortDate } from "./dashboard-card.tsx";

type Data = SerializeFrom<AdminDashboardData>;

/** An admin's home: how the organisation's people and content are doing, and the queues waiting on them. */
export function AdminDashboard({ data }: { data: Data }) {
  const { t } = useTranslation();
  const { onboarding, overdue, promotions, mentoringRequests, proposalsAwaiting, content } = data;
  return (
    <>
      <h2 className="dashboard-section">Organisation health</h2>
      <div className="dashboard">
        <DashboardCard
          headingLevel={3}
          title="Onboarding"
          icon={GraduationCap}
          count={onboarding.newHires}
          seeAll={{ to: "/learn/people", label: "See everyone's learning" }}
        >
          {onboarding.newHires === 0 ? (
            <DashboardEmpty>
              No new hires right now. <Link to="/admin/people/new">Add a person</Link> to start their onboarding.
            </DashboardEmpty>
          ) : (
            <>
              <p>
                {onboarding.finished} of {plural(onboarding.newHires, "new hire")} finished onboarding
              </p>
              <ProgressBar label="Onboarding modules completed across new hires" percent={onboarding.percent} />
            </>
          )}
        </DashboardCard>

        <DashboardCard
          headingLevel={3}
          title="Overdue assignments"
          icon={Clock}
          count={overdue.total}
          tone={overdue.total > 0 ? "attention" : undefined}
          seeAll={{ to: "/coaching/assignments?status=past-due" }}
        >
          {overdue.total === 0 ? (
            <DashboardEmpty>Nothing is past due across the organisation.</DashboardEmpty>
          ) : (
            <p>
              {plural(overdue.total, "assignment")} past due, held by {plural(overdue.peopleCount, "person", "people")}.
            </p>
          )}
        </DashboardCard>

        <DashboardCard headingLevel={3} title="Promotion queue" icon={Award} count={promotions.total} seeAll={{ to: "/admin/promotions" }}>
          {promotions.items.length === 0 ? (
            <DashboardEmpty>No nominations waiting. Leads nominate their people from Career.</DashboardEmpty>
          ) : (
            <DashboardList label="Nominations waiting for a decision, oldest first">
              {promotions.items.map((nomination) => (
                <DashboardItem key={nomination.id} meta={<span className="muted">Since {shortDate(nomination.createdAt)}</span>}>
                  <Link to={`/admin/promotions/${nomination.id}`}>
                    {nomination.agent} for {translateMessage(t, nomination.level)}
                  </Link>
                </DashboardItem>
              ))}
            </DashboardList>
          )}
        </DashboardCard>

        <DashboardCard
          headingLevel={3}
          title="Mentoring requests"
          icon={Handshake}
          count={mentoringRequests}
          seeAll={{ to: "/admin/mentoring", label: "Match the pool" }}
        >
          {mentoringRequests === 0 ? (
            <DashboardEmpty>Everyone who asked for a mentor has one or has been offered one.</DashboardEmpty>
          ) : (
            <p>{plural(mentoringRequests, "person", "people")} waiting for a mentor.</p>
          )}
          {proposalsAwaiting > 0 ? (
            <p>
              <Link to="/mentoring">{plural(proposalsAwaiting, "mentoring request")} waiting for your answer</Link>
            </p>
          ) : null}
        </DashboardCard>
      </div>

      <h2 className="dashboard-section">Content health</h2>
      <div className="dashboard">
        <DashboardCard headingLevel={3} title="Catalog" icon={Library} seeAll={{ to: "/learn", label: "Browse Learn" }}>
          <p>
            {plural(content.modules, "module")} and {plural(content.scenarios, "practice scenario")} published.
          </p>
          {content.unused.items.length === 0 ? (
            <DashboardEmpty>Every module and scenario was used in the last 90 days.</DashboardEmpty>
          ) : (
            <>
              <h4 className="dashboard-card__subtitle">Unused in the last 90 days</h4>
              <DashboardList label="Modules and scenarios nobody opened in the last 90 days">
                {content.unused.items.map((item) => (
                  <DashboardItem key={item.link} meta={<span className="muted">{item.kind === "module" ? "Module" : "Scenario"}</span>}>
                    <Link to={item.link}>{item.title}</Link>
                  </DashboardItem>
                ))}
              </DashboardList>
              {content.unused.total > content.unused.items.length ? (
                <p className="muted">and {content.unused.total - content.unused.items.length} more</p>
              ) : null}
            </>
          )}
        </DashboardCard>
      </div>
    </>
  );
}
