import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Card, PageHeader } from "~/components/ui/layout.tsx";
import { pageTitle } from "~/i18n/meta.ts";
import { countPendingNominations } from "~/models/nomination.server.ts";
import { requireRole } from "~/utils/permissions.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  return { pendingNominations: await countPendingNominations() };
}

export default function AdminHome() {
  const { pendingNominations } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("admin:home.title")} description={t("admin:home.description")} />
      <div className="grid">
        <Card title={t("admin:home.people.title")}>
          <p>{t("admin:home.people.body")}</p>
          <Link to="/admin/people">{t("admin:home.people.link")}</Link>
        </Card>
        <Card title={t("admin:home.teams.title")}>
          <p>{t("admin:home.teams.body")}</p>
          <Link to="/admin/teams">{t("admin:home.teams.link")}</Link>
        </Card>
        <Card title={t("admin:home.promotions.title")}>
          <p>{t("admin:home.promotions.body")}</p>
          <Link to="/admin/promotions">{t("admin:home.promotions.link", { count: pendingNominations })}</Link>
        </Card>
        <Card title={t("admin:home.mentoring.title")}>
          <p>{t("admin:home.mentoring.body")}</p>
          <Link to="/admin/mentoring">{t("admin:home.mentoring.link")}</Link>
        </Card>
        <Card title={t("admin:home.conversations.title")}>
          <p>{t("admin:home.conversations.body")}</p>
          <Link to="/admin/conversations">{t("admin:home.conversations.link")}</Link>
        </Card>
        <Card title={t("admin:home.grader.title")}>
          <p>{t("admin:home.grader.body")}</p>
          <Link to="/admin/grader">{t("admin:home.grader.link")}</Link>
        </Card>
        <Card title={t("admin:home.audit.title")}>
          <p>{t("admin:home.audit.body")}</p>
          <Link to="/admin/audit">{t("admin:home.audit.link")}</Link>
        </Card>
      </div>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "admin:home.pageTitle") }];
