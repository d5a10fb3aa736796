import { getFormProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { CheckInForm, CheckInTable, createCheckInSchema } from "~/components/career/check-ins.tsx";
import { Readiness } from "~/components/career/readiness.tsx";
import { Button } from "~/components/ui/button.tsx";
import { FormErrors, SelectField, TextareaField, type Option } from "~/components/ui/field.tsx";
import { Alert, Badge, PageHeader } from "~/components/ui/layout.tsx";
import { nominationLevels } from "~/engine/career/evaluate.ts";
import { canCoach } from "~/engine/coaching/sessions.ts";
import { listNominationsFor, nominate, recordCheckIn } from "~/models/career.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { JUSTIFICATION_MAX, JUSTIFICATION_MIN, NOMINATION_STATUS_LABELS, type NominationStatus } from "~/utils/career-fields.ts";
import { formatDate } from "~/utils/format.ts";
import { notFound } from "~/utils/permissions.server.ts";
import { optionalFilter } from "~/utils/query-fields.ts";
import { badRequest, parseSearchParams, readFormData } from "~/utils/request.server.ts";
import { LEVEL_LABELS, LevelSchema, type Level } from "~/utils/user-fields.ts";
import { loadCareerOf, type LoadedCareerOf } from "./career-view.server.ts";

const NOT_YOURS = "That person isn't on a team you lead.";

const SAVED_MESSAGES = {
  "check-in": "Check-in saved. It's now beside their own ratings on their Career page.",
  nomination: "Nomination sent. An admin will approve or decline it, and you'll be notified either way.",
} as const;

const NominationSchema = z.object({
  level: LevelSchema,
  justification: z
    .string({ required_error: "Say why they are ready" })
    .trim()
    .min(JUSTIFICATION_MIN, `Write at least ${JUSTIFICATION_MIN} characters: what have you seen them do at this level?`)
    .max(JUSTIFICATION_MAX, `Keep it under ${JUSTIFICATION_MAX.toLocaleString("en")} characters`),
});

/** Whether the viewer may check in on the person as their lead and nominate them: not once they are deactivated. */
function canActOn({ viewer, record }: LoadedCareerOf, userId: string): boolean {
  return canCoach(viewer, { id: userId, teamId: record.teamId, active: record.active });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const userId = params.userId ?? "";
  if (userId === user.id) throw redirect("/career");
  const { saved } = parseSearchParams(request, z.object({ saved: optionalFilter(z.enum(["check-in", "nomination"])) }));
  const career = await loadCareerOf(user, userId);
  const { record, content } = career;
  const nominations = await listNominationsFor([userId]);
  return {
    person: { id: userId, name: record.name, teamName: record.teamName, active: record.active },
    canAct: canActOn(career, userId),
    readiness: career.readiness,
    checkIns: career.checkInTable,
    competencies: content.gradedCompetencies,
    previousRatings: career.checkIns.lead?.ratings ?? {},
    levelOptions: nominationLevels(record.evidence.currentLevel.key, content.ladder).map((level): Option => ({
      value: level.key,
      label: level.title,
    })),
    pending: record.pendingNomination ? LEVEL_LABELS[record.pendingNomination.level] : null,
    nominations: nominations.map((nomination) => ({
      id: nomination.id,
      level: LEVEL_LABELS[nomination.level as Level],
      status: nomination.status as NominationStatus,
      justification: nomination.justification,
      nominatedBy: nomination.nominatedBy.name,
      at: nomination.createdAt.toISOString(),
      decidedBy: nomination.decidedBy?.name ?? null,
      decidedAt: nomination.decidedAt?.toISOString() ?? null,
      reason: nomination.decisionNote,
    })),
    saved: saved ? SAVED_MESSAGES[saved] : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const userId = params.userId ?? "";
  const career = await loadCareerOf(user, userId);
  if (!canActOn(career, userId)) notFound(NOT_YOURS);
  const formData = await readFormData(request);
  const intent = z.enum(["check-in", "nominate"]).safeParse(formData.get("intent"));
  if (!intent.success) badRequest("Unknown action for this person's career.");

  if (intent.data === "check-in") {
    const submission = parseWithZod(formData, { schema: createCheckInSchema(career.content.gradedCompetencies) });
    if (submission.status !== "success") return data({ intent: intent.data, result: submission.reply() }, { status: 400 });
    await recordCheckIn({ agentId: userId, authorId: user.id, perspective: "lead", ...submission.value });
    return redirect(`/career/people/${userId}?saved=check-in#check-in`);
  }

  const submission = parseWithZod(formData, { schema: NominationSchema });
  if (submission.status !== "success") return data({ intent: intent.data, result: submission.reply() }, { status: 400 });
  const allowedLevels = nominationLevels(career.record.evidence.currentLevel.key, career.content.ladder).map((level) => level.key);
  const outcome = await nominate(user, { agentId: userId, ...submission.value, allowedLevels });
  if (outcome.status === "refused")
    return data({ intent: intent.data, result: submission.reply({ formErrors: [outcome.reason] }) }, { status: 400 });
  return redirect(`/career/people/${userId}?saved=nomination#nominations`);
}

function NominationForm({
  personName,
  options,
  lastResult,
}: {
  personName: string;
  options: Option[];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof NominationSchema>, z.output<typeof NominationSchema>>({
    id: "nominate",
    lastResult,
    defaultValue: { level: options.length === 1 ? options[0].value : undefined },
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NominationSchema }),
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="nominate" />
      <SelectField
        label="Level"
        options={options}
        placeholder="Choose a level"
        errors={fields.level.errors}
        selectProps={getSelectProps(fields.level)}
      />
      <TextareaField
        label="Why they are ready"
        hint={`The admin reads this beside ${personName}'s evidence. Say what you have seen them do at this level, ${JUSTIFICATION_MIN}–${JUSTIFICATION_MAX.toLocaleString("en")} characters.`}
        errors={fields.justification.errors}
        textareaProps={{ ...getTextareaProps(fields.justification), rows: 5, maxLength: JUSTIFICATION_MAX }}
      />
      <div className="row">
        <Button type="submit" pending={navigation.state === "submitting" && navigation.formData?.get("intent") === "nominate"}>
          Nominate {personName}
        </Button>
      </div>
    </Form>
  );
}

const STATUS_TONES: Record<NominationStatus, "success" | "danger" | "primary"> = {
  pending: "primary",
  approved: "success",
  declined: "danger",
};

export default function PersonCareerPage() {
  const { person, canAct, readiness, checkIns, competencies, previousRatings, levelOptions, pending, nominations, saved } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (intent: "check-in" | "nominate") => (actionData?.intent === intent ? actionData.result : undefined);
  return (
    <div className="stack">
      <PageHeader
        title={`${person.name}'s career`}
        description={
          <>
            {person.teamName ?? "No team"}
            {person.active ? null : (
              <>
                {" "}
                <Badge tone="danger">Deactivated</Badge>
              </>
            )}
          </>
        }
        actions={
          <>
            <Link to="/career/team">Team readiness</Link>
            <Link to={`/coaching/people/${person.id}`}>Coaching timeline</Link>
          </>
        }
      />
      {saved ? <Alert tone="success">{saved}</Alert> : null}
      {canAct ? null : (
        <Alert>{person.name}'s account is deactivated: their record stays readable, but check-ins and nominations are closed.</Alert>
      )}
      <Readiness view={readiness} personName={person.name} />

      <section className="card stack" aria-labelledby="check-in">
        <h2 id="check-in">Check-in</h2>
        <p className="muted">
          {person.name}'s own ratings beside yours and what their graded practice measures (the average of their last 5 graded attempts,
          from 0 to 2).
        </p>
        <CheckInTable view={checkIns} personName={person.name} />
        {canAct ? (
          <>
            <h3>Your ratings as their lead</h3>
            <CheckInForm
              perspective="lead"
              competencies={competencies}
              previous={previousRatings}
              lastResult={resultFor("check-in")}
              personName={person.name}
            />
          </>
        ) : null}
      </section>

      <section className="card stack" aria-labelledby="nominations">
        <h2 id="nominations">Nominations</h2>
        {!canAct ? null : pending ? (
          <p>
            {person.name}'s nomination for {pending} is waiting for an admin's decision. You can nominate again once it is decided.
          </p>
        ) : levelOptions.length === 0 ? (
          <p className="muted">There is no level directly above {person.name}'s to nominate them for.</p>
        ) : (
          <>
            <p className="muted">
              A nomination is your sign-off that {person.name} is ready. An admin approves or declines it with a reason; approval changes
              their level.
            </p>
            <NominationForm personName={person.name} options={levelOptions} lastResult={resultFor("nominate")} />
          </>
        )}
        <h3>History</h3>
        {nominations.length === 0 ? (
          <p className="muted">No nominations yet. Each one and the decision on it will be listed here.</p>
        ) : (
          <ul className="nomination-list">
            {nominations.map((nomination) => (
              <li key={nomination.id} className="nomination">
                <p>
                  <strong>{nomination.level}</strong>{" "}
                  <Badge tone={STATUS_TONES[nomination.status]}>{NOMINATION_STATUS_LABELS[nomination.status]}</Badge>
                </p>
                <p className="muted">
                  Nominated by {nomination.nominatedBy} on {formatDate(nomination.at)}
                  {nomination.decidedAt
                    ? ` · decided by ${nomination.decidedBy ?? "an admin"} on ${formatDate(nomination.decidedAt)}`
                    : null}
                </p>
                <p className="notes-text">{nomination.justification}</p>
                {nomination.reason ? (
                  <p className="notes-text">
                    <strong>Reason:</strong> {nomination.reason}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.person.name ?? "Person"}'s career · Frontline` }];
