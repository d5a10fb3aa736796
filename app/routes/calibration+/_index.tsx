import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ButtonLink } from "~/components/ui/button.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { Badge, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { CALIBRATION_ORGANISER_ROLES } from "~/engine/access/calibration.ts";
import { hasRole } from "~/engine/access/people.ts";
import { listCalibrationSessions } from "~/models/calibration.server.ts";
import { requireUser, toViewer } from "~/utils/auth.server.ts";
import { formatDate } from "~/utils/format.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const viewer = toViewer(user);
  return { canOrganise: hasRole(viewer, CALIBRATION_ORGANISER_ROLES), sessions: await listCalibrationSessions(viewer) };
}

function SeatStatus({ session }: { session: ReturnType<typeof useLoaderData<typeof loader>>["sessions"][number] }) {
  if (!session.open) return <Badge tone="success">Closed</Badge>;
  if (session.mySeat && !session.mySeat.submitted) return <Badge tone="primary">Waiting for your scores</Badge>;
  if (session.mySeat) return <Badge>Your scores are in</Badge>;
  return <Badge>Open</Badge>;
}

export default function CalibrationPage() {
  const { canOrganise, sessions } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Calibration"
        description="People score the same graded conversations blind, then compare with each other and with the automatic grader. Agreement per criterion shows where the automatic grade deserves trust."
        actions={canOrganise ? <ButtonLink to="/calibration/new">New session</ButtonLink> : null}
      />
      {sessions.length === 0 ? (
        <EmptyState
          title="No calibration sessions yet"
          action={canOrganise ? <ButtonLink to="/calibration/new">Start the first session</ButtonLink> : null}
        >
          {canOrganise
            ? "Pick a rubric and a handful of graded conversations, invite two or more people, and set a deadline."
            : "When someone invites you to a calibration session, it appears here."}
        </EmptyState>
      ) : (
        <DataTable caption="Calibration sessions" columns={["Session", "Organiser", "Due", "Conversations", "Scores in", "Status"]}>
          {sessions.map((session) => (
            <tr key={session.id}>
              <td>
                <Link to={session.open ? `/calibration/${session.id}` : `/calibration/${session.id}/results`}>{session.title}</Link>
              </td>
              <td>{session.organiser.name}</td>
              <td>{formatDate(session.dueAt)}</td>
              <td>{session.conversations}</td>
              <td>
                {session.submitted} of {session.raters}
              </td>
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

export const meta: MetaFunction = () => [{ title: "Calibration · Frontline" }];
