import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MeetingsCard, PairingFacts, PairingOutcome } from "~/components/mentoring/pairing-details.tsx";
import { EndForm, FitCheckForm, MeetingForm, RespondForms } from "~/components/mentoring/pairing-forms.tsx";
import { PairingStatusBadge } from "~/components/mentoring/pairing-status-badge.tsx";
import { Alert, Card, PageHeader } from "~/components/ui/layout.tsx";
import type { FitCheck, PairingStatus } from "~/domain/mentoring.ts";
import { pairingActions, readOnlyReason } from "~/engine/access/mentoring.ts";
import { formatDate } from "~/utils/format.ts";
import { forbidden } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";
import { handlePairingAction } from "./pairing-actions.server.ts";
import { loadPairing, pairingPageView } from "./pairing-view.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const loaded = await loadPairing(request, params.pairingId);
  const { access, pairing } = loaded;
  const actions = pairingActions(access, {
    status: pairing.status as PairingStatus,
    meetingCount: pairing.meetings.length,
    fitCheck: pairing.fitCheck as FitCheck | null,
  });
  return {
    ...(await pairingPageView(loaded)),
    can: {
      respond: actions.includes("respond"),
      logMeeting: actions.includes("log-meeting"),
      answerFitCheck: actions.includes("answer-fit-check"),
      end: actions.includes("end"),
      findAnother: actions.includes("find-another"),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const loaded = await loadPairing(request, params.pairingId);
  const readOnly = readOnlyReason(loaded.access);
  if (readOnly) forbidden(readOnly);
  return handlePairingAction(loaded, await readFormData(request));
}

export default function PairingPage() {
  const { access, today, pairing, request, meetings, can } = useLoaderData<typeof loader>();
  const { mentor, mentee } = pairing;
  const title =
    access === "mentor"
      ? `Mentoring ${mentee.name}`
      : access === "mentee"
        ? `Mentored by ${mentor.name}`
        : `${mentor.name} mentoring ${mentee.name}`;
  return (
    <div className="stack">
      <PageHeader
        title={title}
        description={
          <>
            <PairingStatusBadge status={pairing.status} /> {pairing.source} on {formatDate(pairing.createdAt)}
            {pairing.acceptedAt ? ` · started ${formatDate(pairing.acceptedAt)}` : null}
          </>
        }
        actions={<Link to="/mentoring">Back to mentoring</Link>}
      />
      {access === "observer" ? (
        <Alert tone="info">You can read this pairing as a lead or admin; only the mentor and mentee can change it.</Alert>
      ) : null}

      <PairingFacts pairing={pairing} request={request} viewerIsMentee={access === "mentee"} />

      {can.respond ? <RespondForms menteeName={mentee.name} /> : null}
      {pairing.status === "proposed" && access === "mentee" ? (
        <p className="muted">Waiting for {mentor.name} to accept. You'll get a notification either way.</p>
      ) : null}

      {can.answerFitCheck ? (
        <Card title="Fit check">
          <p>After your first meeting: how does this pairing feel? Only you answer this; your mentor and your lead see the answer.</p>
          <FitCheckForm current={pairing.fitCheck} />
          {can.findAnother ? (
            <div className="end-form">
              <h3>Find another mentor</h3>
              <p>Not every pairing works, and that's fine. End this one and we'll show you other mentors straight away.</p>
              <EndForm
                intent="find-another"
                submitLabel="End and find another mentor"
                hint={`${mentor.name} sees this. Say kindly what didn't fit.`}
              />
            </div>
          ) : null}
        </Card>
      ) : null}

      <MeetingsCard meetings={meetings} active={pairing.status === "active"} />

      {can.logMeeting ? (
        <Card title="Log a meeting">
          <MeetingForm today={today} />
        </Card>
      ) : null}

      {can.end ? (
        <Card title="End the pairing">
          <p>When the mentoring has done its job, or isn't working, end it here. The other person is told and sees your feedback.</p>
          <EndForm intent="end" submitLabel="End pairing" hint="How did it go? What worked, what didn't." />
        </Card>
      ) : null}
      <PairingOutcome pairing={pairing} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.pairing.mentor.name} and ${data.pairing.mentee.name} · Mentoring · Frontline` : "Mentoring pairing · Frontline" },
];
