import {
  getCollectionProps,
  getFormProps,
  getInputProps,
  getTextareaProps,
  useForm,
  type FieldMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { PairingStatusBadge } from "~/components/mentoring/pairing-status-badge.tsx";
import { formatPoints, MAX_SCORE } from "~/components/mentoring/score-breakdown.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Field, FormErrors, TextareaField } from "~/components/ui/field.tsx";
import { Alert, Card, PageHeader } from "~/components/ui/layout.tsx";
import { getMentoringContent } from "~/content/mentoring.server.ts";
import { localDate } from "~/engine/coaching/sessions.ts";
import { answerFitCheck, endPairing, getMentoringPerson, getPairingFor, logMeeting, respondToProposal } from "~/models/mentoring.server.ts";
import { requireUser, toViewer } from "~/utils/auth.server.ts";
import { formatDate } from "~/utils/format.ts";
import {
  DECLINE_REASON_MAX,
  DeclineSchema,
  END_FEEDBACK_MAX,
  EndPairingSchema,
  FIT_CHECK_LABELS,
  FIT_CHECKS,
  FitCheckAnswerSchema,
  MEETING_NOTES_MAX,
  MEETING_RATING_LABELS,
  MEETING_RATINGS,
  meetingSchema,
  type FitCheck,
  type PairingSource,
  type PairingStatus,
} from "~/utils/mentoring-fields.ts";
import { ensureFound, forbidden, notFound } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";
import { LEVEL_LABELS, type Level } from "~/utils/user-fields.ts";

const MISSING = "There's no mentoring pairing at this address.";

const SOURCE_LABELS: Record<PairingSource, string> = { request: "Asked for by the mentee", pool: "Matched by an admin" };

function actionSchema(today: string) {
  return z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("accept") }),
    DeclineSchema.extend({ intent: z.literal("decline") }),
    meetingSchema(today).extend({ intent: z.literal("log-meeting") }),
    FitCheckAnswerSchema.extend({ intent: z.literal("fit-check") }),
    EndPairingSchema.extend({ intent: z.literal("end") }),
    EndPairingSchema.extend({ intent: z.literal("find-another") }),
  ]);
}

/** The pairing and the viewer's place in it; a 404 for anyone who may not see it, as for an unknown id. */
async function loadPairing(request: Request, pairingId: string | undefined) {
  const user = await requireUser(request);
  const [found, person] = await Promise.all([getPairingFor(toViewer(user), pairingId ?? ""), getMentoringPerson(user.id)]);
  const { access, pairing, request: menteeRequest } = ensureFound(found, MISSING);
  return { user, access, pairing, menteeRequest, today: localDate(new Date(), ensureFound(person).timeZone) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, pairing, menteeRequest, today } = await loadPairing(request, params.pairingId);
  const status = pairing.status as PairingStatus;
  const participant = access !== "observer";
  const { competencyNames } = await getMentoringContent();
  const person = (side: typeof pairing.mentor) => ({ name: side.name, level: LEVEL_LABELS[side.level as Level], timeZone: side.timeZone });
  return {
    access,
    today,
    pairing: {
      id: pairing.id,
      status,
      source: SOURCE_LABELS[pairing.source as PairingSource],
      message: pairing.message,
      score: pairing.score,
      createdAt: pairing.createdAt.toISOString(),
      acceptedAt: pairing.acceptedAt?.toISOString() ?? null,
      endedAt: pairing.endedAt?.toISOString() ?? null,
      declineReason: pairing.declineReason,
      endFeedback: pairing.endFeedback,
      fitCheck: (pairing.fitCheck as FitCheck | null) ?? null,
      mentor: person(pairing.mentor),
      mentee: person(pairing.mentee),
    },
    request: menteeRequest && {
      goals: menteeRequest.goals,
      targetLevel: LEVEL_LABELS[menteeRequest.targetLevel],
      focus: menteeRequest.focus.map((key) => competencyNames.get(key) ?? key),
      preferences: menteeRequest.preferences,
    },
    meetings: pairing.meetings.map((meeting) => ({
      id: meeting.id,
      heldOn: meeting.heldOn.toISOString(),
      notes: meeting.notes,
      rating: MEETING_RATING_LABELS[meeting.rating as (typeof MEETING_RATINGS)[number]] ?? String(meeting.rating),
      loggedBy: meeting.loggedBy.name,
    })),
    can: {
      respond: access === "mentor" && status === "proposed",
      logMeeting: participant && status === "active",
      answerFitCheck: access === "mentee" && status === "active" && pairing.meetings.length > 0,
      end: participant && status === "active",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, access, pairing, today } = await loadPairing(request, params.pairingId);
  if (access === "observer") forbidden("Only the mentor and the mentee can change this pairing. You can read it.");
  const submission = parseWithZod(await readFormData(request), { schema: actionSchema(today) });
  if (submission.status !== "success") {
    const intent = typeof submission.payload.intent === "string" ? submission.payload.intent : null;
    return data({ intent, result: submission.reply() }, { status: 400 });
  }

  const { value } = submission;
  const here = `/mentoring/pairings/${pairing.id}`;
  const result =
    value.intent === "accept" || value.intent === "decline"
      ? await respondToProposal(user, {
          pairingId: pairing.id,
          accept: value.intent === "accept",
          reason: value.intent === "decline" ? value.reason : "",
        })
      : value.intent === "log-meeting"
        ? await logMeeting(user, { pairingId: pairing.id, heldOn: value.heldOn, notes: value.notes, rating: value.rating })
        : value.intent === "fit-check"
          ? await answerFitCheck(user, { pairingId: pairing.id, fit: value.fit })
          : await endPairing(user, { pairingId: pairing.id, feedback: value.feedback, findAnother: value.intent === "find-another" });
  if (result.status === "not-found") notFound(MISSING);
  if (result.status === "refused")
    return data({ intent: value.intent, result: submission.reply({ formErrors: [result.reason] }) }, { status: 400 });

  switch (value.intent) {
    case "accept":
      return redirect(`${here}?notice=accepted`);
    case "decline":
      return redirect(`${here}?notice=declined`);
    case "log-meeting":
      return redirect(`${here}?notice=meeting-logged`);
    case "fit-check":
      return redirect(`${here}?notice=fit-saved`);
    case "end":
      return redirect(`${here}?notice=ended`);
    case "find-another":
      return redirect("/mentoring?notice=find-another");
  }
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

/** The last submission of this form, so each form on the page shows only its own errors. */
function useLastResult(intent: string): SubmissionResult<string[]> | undefined {
  const actionData = useActionData<typeof action>();
  return actionData?.intent === intent ? actionData.result : undefined;
}

function usePending(intent: string): boolean {
  const navigation = useNavigation();
  return navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
}

function RadioGroup({
  meta,
  legend,
  options,
}: {
  meta: FieldMetadata<unknown>;
  legend: string;
  options: { value: string; label: string }[];
}) {
  const labels = new Map(options.map((option) => [option.value, option.label]));
  return (
    <fieldset className="choice-group" aria-describedby={meta.errors?.length ? meta.errorId : undefined}>
      <legend>{legend}</legend>
      {getCollectionProps(meta, { type: "radio", options: options.map((option) => option.value) }).map(({ key, ...props }) => (
        <label key={key} className="choice-option">
          <input {...props} />
          <span>{labels.get(props.value)}</span>
        </label>
      ))}
      {meta.errors?.length ? (
        <ul id={meta.errorId} className="field__errors">
          {meta.errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}

function RespondForms({ menteeName }: { menteeName: string }) {
  const acceptResult = useLastResult("accept");
  const [acceptForm] = useForm({ id: "accept", lastResult: acceptResult });
  const [declineForm, declineFields] = useForm({
    id: "decline",
    lastResult: useLastResult("decline"),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DeclineSchema }),
  });
  const accepting = usePending("accept");
  const declining = usePending("decline");
  return (
    <Card title="Your answer">
      <p>Accepting starts the mentoring and lets you both log meetings. Declining tells {menteeName} so they can choose someone else.</p>
      <Form method="post" {...getFormProps(acceptForm)}>
        <FormErrors id={acceptForm.errorId} errors={acceptForm.errors} />
        <input type="hidden" name="intent" value="accept" />
        <Button type="submit" pending={accepting}>
          Accept and start mentoring
        </Button>
      </Form>
      <Form method="post" className="form end-form" {...getFormProps(declineForm)}>
        <FormErrors id={declineForm.errorId} errors={declineForm.errors} />
        <input type="hidden" name="intent" value="decline" />
        <TextareaField
          label="Why you're declining"
          hint={`${menteeName} sees this. A sentence is enough, e.g. you're too busy this quarter.`}
          errors={declineFields.reason.errors}
          textareaProps={{ ...getTextareaProps(declineFields.reason), maxLength: DECLINE_REASON_MAX }}
        />
        <div className="row">
          <Button type="submit" variant="danger" pending={declining}>
            Decline
          </Button>
        </div>
      </Form>
    </Card>
  );
}

function MeetingForm({ today }: { today: string }) {
  const schema = meetingSchema(today);
  const [form, fields] = useForm({
    id: "log-meeting",
    lastResult: useLastResult("log-meeting"),
    defaultValue: { heldOn: today },
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="log-meeting" />
      <Field
        label="Date of the meeting"
        errors={fields.heldOn.errors}
        inputProps={{ ...getInputProps(fields.heldOn, { type: "date" }), max: today }}
      />
      <TextareaField
        label="What you talked about"
        hint="Both of you can read these notes, and so can your leads."
        errors={fields.notes.errors}
        textareaProps={{ ...getTextareaProps(fields.notes), rows: 4, maxLength: MEETING_NOTES_MAX }}
      />
      <RadioGroup
        meta={fields.rating}
        legend="How useful was it?"
        options={MEETING_RATINGS.map((rating) => ({ value: String(rating), label: MEETING_RATING_LABELS[rating] }))}
      />
      <div className="row">
        <Button type="submit" pending={usePending("log-meeting")}>
          Log the meeting
        </Button>
      </div>
    </Form>
  );
}

function FitCheckForm({ current }: { current: FitCheck | null }) {
  const [form, fields] = useForm({
    id: "fit-check",
    lastResult: useLastResult("fit-check"),
    defaultValue: { fit: current ?? undefined },
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: FitCheckAnswerSchema }),
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="fit-check" />
      <RadioGroup
        meta={fields.fit}
        legend="Is this mentor a good fit for you?"
        options={FIT_CHECKS.map((fit) => ({ value: fit, label: FIT_CHECK_LABELS[fit] }))}
      />
      <div className="row">
        <Button type="submit" variant="secondary" pending={usePending("fit-check")}>
          Save your answer
        </Button>
      </div>
    </Form>
  );
}

/** Ending with feedback; the mentee's "find another" variant reopens their request for new suggestions. */
function EndForm({ intent, submitLabel, hint }: { intent: "end" | "find-another"; submitLabel: string; hint: string }) {
  const [form, fields] = useForm({
    id: intent,
    lastResult: useLastResult(intent),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EndPairingSchema }),
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value={intent} />
      <TextareaField
        label="Feedback"
        hint={hint}
        errors={fields.feedback.errors}
        textareaProps={{ ...getTextareaProps(fields.feedback), maxLength: END_FEEDBACK_MAX }}
      />
      <div className="row">
        <Button type="submit" variant="danger" pending={usePending(intent)}>
          {submitLabel}
        </Button>
      </div>
    </Form>
  );
}

function History({ pairing }: { pairing: Loaded["pairing"] }) {
  if (pairing.status === "declined") {
    return (
      <Card title="Declined">
        <p>
          {pairing.mentor.name} declined on {formatDate(pairing.endedAt!)}.
        </p>
        {pairing.declineReason ? <p className="notes-text">{pairing.declineReason}</p> : null}
      </Card>
    );
  }
  if (pairing.status === "ended") {
    return (
      <Card title="Ended">
        <p>The pairing ended on {formatDate(pairing.endedAt!)}.</p>
        {pairing.endFeedback ? <p className="notes-text">{pairing.endFeedback}</p> : null}
      </Card>
    );
  }
  return null;
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
      {/* A confirmation from the last redirect is stale once another form on the page has been answered. */}
      {access === "observer" ? (
        <Alert tone="info">You can read this pairing as a lead or admin; only the mentor and mentee can change it.</Alert>
      ) : null}

      <div className="grid">
        <Card title="The pair">
          <dl className="facts">
            <dt>Mentor</dt>
            <dd>
              {mentor.name} · {mentor.level} · {mentor.timeZone}
            </dd>
            <dt>Mentee</dt>
            <dd>
              {mentee.name} · {mentee.level} · {mentee.timeZone}
            </dd>
            <dt>Match score</dt>
            <dd>
              {formatPoints(pairing.score)} of {MAX_SCORE} when proposed
            </dd>
            {pairing.fitCheck ? (
              <>
                <dt>Fit check</dt>
                <dd>{FIT_CHECK_LABELS[pairing.fitCheck]}</dd>
              </>
            ) : null}
            {pairing.message ? (
              <>
                <dt>Message</dt>
                <dd className="notes-text">{pairing.message}</dd>
              </>
            ) : null}
          </dl>
        </Card>
        {request ? (
          <Card title={access === "mentee" ? "What you asked for" : `What ${mentee.name} wants`}>
            <dl className="facts">
              <dt>Goals</dt>
              <dd className="notes-text">{request.goals}</dd>
              <dt>Working towards</dt>
              <dd>{request.targetLevel}</dd>
              <dt>Focus</dt>
              <dd>{request.focus.join(", ")}</dd>
              {request.preferences ? (
                <>
                  <dt>Preferences</dt>
                  <dd className="notes-text">{request.preferences}</dd>
                </>
              ) : null}
            </dl>
          </Card>
        ) : null}
      </div>

      {can.respond ? <RespondForms menteeName={mentee.name} /> : null}
      {pairing.status === "proposed" && access === "mentee" ? (
        <p className="muted">Waiting for {mentor.name} to accept. You'll get a notification either way.</p>
      ) : null}

      {can.answerFitCheck ? (
        <Card title="Fit check">
          <p>After your first meeting: how does this pairing feel? Only you answer this; your mentor and your lead see the answer.</p>
          <FitCheckForm current={pairing.fitCheck} />
          {pairing.fitCheck === "not-a-fit" ? (
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

      <Card title="Meetings">
        {meetings.length === 0 ? (
          <p className="muted">{pairing.status === "active" ? "No meetings logged yet." : "No meetings were logged."}</p>
        ) : (
          <ol className="session-list" reversed aria-label="Meetings, newest first">
            {meetings.map((meeting) => (
              <li key={meeting.id} className="session-list__item">
                <p>
                  <strong>{formatDate(meeting.heldOn)}</strong> · {meeting.rating}
                </p>
                <p className="notes-text">{meeting.notes}</p>
                <p className="muted">Logged by {meeting.loggedBy}</p>
              </li>
            ))}
          </ol>
        )}
      </Card>

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
      <History pairing={pairing} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.pairing.mentor.name} and ${data.pairing.mentee.name} · Mentoring · Frontline` : "Mentoring pairing · Frontline" },
];
