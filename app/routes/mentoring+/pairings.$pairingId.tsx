import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MeetingsCard, PairingFacts, PairingOutcome } from "~/components/mentoring/pairing-details.tsx";
import { EndForm, FitCheckForm, MeetingForm, RespondForms } from "~/components/mentoring/pairing-forms.tsx";
import { PairingStatusBadge } from "~/components/mentoring/pairing-status-badge.tsx";
import { Alert, Card, PageHeader } from "~/components/ui/layout.tsx";
import type { FitCheck, PairingStatus } from "~/domain/mentoring.ts";
import { pairingActions, readOnlyReason } from "~/engine/access/mentoring.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useFormat } from "~/i18n/use-format.ts";
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
  const { t } = useTranslation();
  const format = useFormat();
  const { access, today, pairing, request, meetings, can } = useLoaderData<typeof loader>();
  const { mentor, mentee } = pairing;
  const title =
    access === "mentor"
      ? t("mentoring:pairing.title.mentor", { mentee: mentee.name })
      : access === "mentee"
        ? t("mentoring:pairing.title.mentee", { mentor: mentor.name })
        : t("mentoring:pairing.title.observer", { mentor: mentor.name, mentee: mentee.name });
  const since = { source: t(pairing.source), created: format.day(pairing.createdAt) };
  return (
    <div className="stack">
      <PageHeader
        title={title}
        description={
          <>
            <PairingStatusBadge status={pairing.status} />{" "}
            {pairing.acceptedAt
              ? t("mentoring:pairing.sinceStarted", { ...since, started: format.day(pairing.acceptedAt) })
              : t("mentoring:pairing.since", since)}
          </>
        }
        actions={<Link to="/mentoring">{t("mentoring:back")}</Link>}
      />
      {access === "observer" ? <Alert tone="info">{t("mentoring:pairing.observerNote")}</Alert> : null}

      <PairingFacts pairing={pairing} request={request} viewerIsMentee={access === "mentee"} />

      {can.respond ? <RespondForms menteeName={mentee.name} /> : null}
      {pairing.status === "proposed" && access === "mentee" ? (
        <p className="muted">{t("mentoring:pairing.waiting", { mentor: mentor.name })}</p>
      ) : null}

      {can.answerFitCheck ? (
        <Card title={t("mentoring:table.fitCheck")}>
          <p>{t("mentoring:pairing.fitCheckIntro")}</p>
          <FitCheckForm current={pairing.fitCheck} />
          {can.findAnother ? (
            <div className="end-form">
              <h3>{t("mentoring:pairing.findAnother.title")}</h3>
              <p>{t("mentoring:pairing.findAnother.body")}</p>
              <EndForm
                intent="find-another"
                submitLabel={t("mentoring:pairing.findAnother.submit")}
                hint={t("mentoring:pairing.findAnother.hint", { mentor: mentor.name })}
              />
            </div>
          ) : null}
        </Card>
      ) : null}

      <MeetingsCard meetings={meetings} active={pairing.status === "active"} />

      {can.logMeeting ? (
        <Card title={t("mentoring:pairing.logMeeting")}>
          <MeetingForm today={today} />
        </Card>
      ) : null}

      {can.end ? (
        <Card title={t("mentoring:pairing.end.title")}>
          <p>{t("mentoring:pairing.end.body")}</p>
          <EndForm intent="end" submitLabel={t("mentoring:pairing.end.submit")} hint={t("mentoring:pairing.end.hint")} />
        </Card>
      ) : null}
      <PairingOutcome pairing={pairing} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "mentoring:pairing.pageTitle", { mentor: data.pairing.mentor.name, mentee: data.pairing.mentee.name })
      : pageTitle(matches, "mentoring:pairing.pageTitleMissing"),
  },
];
