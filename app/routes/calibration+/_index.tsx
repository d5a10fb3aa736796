import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ButtonLink } from "~/components/ui/button.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { Badge, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { CALIBRATION_ORGANISER_ROLES } from "~/engine/access/calibration.ts";
import { hasRole } from "~/engine/access/people.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useFormat } from "~/i18n/use-format.ts";
import { listCalibrationSessions } from "~/models/calibration.server.ts";
import { requireUser, toViewer } from "~/utils/auth.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const viewer = toViewer(user);
  return { canOrganise: hasRole(viewer, CALIBRATION_ORGANISER_ROLES), sessions: await listCalibrationSessions(viewer) };
}

function SeatStatus({ session }: { session: ReturnType<typeof useLoaderData<typeof loader>>["sessions"][number] }) {
  const { t } = useTranslation();
  if (!session.open) return <Badge tone="success">{t("calibration:list.status.closed")}</Badge>;
  if (session.mySeat && !session.mySeat.submitted) return <Badge tone="primary">{t("calibration:list.status.waiting")}</Badge>;
  if (session.mySeat) return <Badge>{t("calibration:list.status.submitted")}</Badge>;
  return <Badge>{t("calibration:list.status.open")}</Badge>;
}

export default function CalibrationPage() {
  const { canOrganise, sessions } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <PageHeader
        title={t("calibration:title")}
        description={t("calibration:list.description")}
        actions={canOrganise ? <ButtonLink to="/calibration/new">{t("calibration:list.newSession")}</ButtonLink> : null}
      />
      {sessions.length === 0 ? (
        <EmptyState
          title={t("calibration:list.empty.title")}
          action={canOrganise ? <ButtonLink to="/calibration/new">{t("calibration:list.empty.start")}</ButtonLink> : null}
        >
          {canOrganise ? t("calibration:list.empty.organiser") : t("calibration:list.empty.invitee")}
        </EmptyState>
      ) : (
        <DataTable
          caption={t("calibration:list.caption")}
          columns={[
            t("calibration:list.column.session"),
            t("calibration:list.column.organiser"),
            t("calibration:list.column.due"),
            t("calibration:list.column.conversations"),
            t("calibration:list.column.scoresIn"),
            t("calibration:list.column.status"),
          ]}
        >
          {sessions.map((session) => (
            <tr key={session.id}>
              <td>
                <Link to={session.open ? `/calibration/${session.id}` : `/calibration/${session.id}/results`}>{session.title}</Link>
              </td>
              <td>{session.organiser.name}</td>
              <td>{format.day(session.dueAt)}</td>
              <td>{format.number(session.conversations)}</td>
              <td>{t("calibration:list.scoresIn", { submitted: session.submitted, raters: session.raters })}</td>
              <td>
                <SeatStatus session={session} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "calibration:title") }];
