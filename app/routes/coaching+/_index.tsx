import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Card, PageHeader } from "~/components/ui/layout.tsx";
import { LEADING_ROLES } from "~/engine/access/people.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { requireRole } from "~/utils/permissions.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, LEADING_ROLES);
  return null;
}

export default function CoachingPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("coaching:home.title")} description={t("coaching:home.description")} />
      <div className="grid">
        <Card title={t("coaching:home.assignments.title")}>
          <p>{t("coaching:home.assignments.body")}</p>
          <p className="row">
            <Link to="/coaching/assignments">{t("coaching:home.assignments.board")}</Link>
            <Link to="/coaching/assignments/new">{t("coaching:home.assignments.new")}</Link>
          </p>
        </Card>
        <Card title={t("coaching:home.reviews.title")}>
          <p>{t("coaching:home.reviews.body")}</p>
          <Link to="/coaching/reviews">{t("coaching:home.reviews.open")}</Link>
        </Card>
        <Card title={t("coaching:home.calibration.title")}>
          <p>{t("coaching:home.calibration.body")}</p>
          <p className="row">
            <Link to="/calibration">{t("coaching:home.calibration.sessions")}</Link>
            <Link to="/calibration/new">{t("coaching:home.calibration.start")}</Link>
          </p>
        </Card>
        <Card title={t("coaching:home.sessions.title")}>
          <p>{t("coaching:home.sessions.body")}</p>
          <p className="row">
            <Link to="/coaching/people">{t("coaching:home.sessions.people")}</Link>
            <Link to="/coaching/sessions/new">{t("coaching:home.sessions.schedule")}</Link>
          </p>
        </Card>
        <Card title={t("coaching:home.insights.title")}>
          <p>{t("coaching:home.insights.body")}</p>
          <Link to="/coaching/insights">{t("coaching:home.insights.open")}</Link>
        </Card>
        <Card title={t("coaching:home.readiness.title")}>
          <p>{t("coaching:home.readiness.body")}</p>
          <Link to="/career/team">{t("coaching:home.readiness.open")}</Link>
        </Card>
        <Card title={t("coaching:home.practice.title")}>
          <p>{t("coaching:home.practice.body")}</p>
          <p className="row">
            <Link to="/practice/team">{t("coaching:home.practice.team")}</Link>
            <Link to="/learn/people">{t("coaching:home.practice.learning")}</Link>
          </p>
        </Card>
      </div>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "coaching:home.title") }];
