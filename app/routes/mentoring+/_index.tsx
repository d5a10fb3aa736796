import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { PairingTable, pairingRow } from "~/components/mentoring/pairing-table.tsx";
import { ScoreBreakdown } from "~/components/mentoring/score-breakdown.tsx";
import { Button } from "~/components/ui/button.tsx";
import { FormErrors, TextareaField } from "~/components/ui/field.tsx";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { ProgressBar } from "~/components/ui/progress-bar.tsx";
import { getMentoringContent } from "~/content/mentoring.server.ts";
import { mentorIneligibility } from "~/engine/matching/rules.ts";
import {
  getMenteeRequest,
  getMentoringPerson,
  getMentorProfile,
  listPairingsOf,
  listTeamPairings,
  mentorSuggestions,
  requestMentor,
  setMentorActive,
  type PairingView,
} from "~/models/mentoring.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { plural } from "~/utils/format.ts";
import { REQUEST_MESSAGE_MAX, RequestMentorSchema } from "~/utils/mentoring-fields.ts";
import { ensureFound, notFound } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";
import { LEVEL_LABELS, WORK_MODE_LABELS } from "~/utils/user-fields.ts";

const RequestMentorActionSchema = RequestMentorSchema.extend({ intent: z.literal("request-mentor") });

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("pause") }),
  z.object({ intent: z.literal("resume") }),
  RequestMentorActionSchema,
]);

/** Where the person stands in finding a mentor, and what the card offers next. */
async function findingState(userId: string, asMentee: PairingView[]) {
  const open = asMentee.find((pairing) => pairing.status === "active" || pairing.status === "proposed");
  if (open)
    return {
      kind: open.status === "active" ? ("mentored" as const) : ("waiting" as const),
      pairingId: open.id,
      mentor: open.mentor.name,
      source: open.source,
    };
  const request = await getMenteeRequest(userId);
  if (!request || request.status !== "open") return { kind: "no-request" as const, hadRequest: request !== null };
  const content = await getMentoringContent();
  const suggestions = (await mentorSuggestions(userId, content.measure)) ?? [];
  const name = (key: string) => content.competencyNames.get(key) ?? key;
  return {
    kind: "suggestions" as const,
    request: { goals: request.goals, targetLevel: LEVEL_LABELS[request.targetLevel], focus: request.focus.map(name) },
    suggestions: suggestions.map(({ mentor, score, details }) => ({
      id: mentor.id,
      name: mentor.name ?? "",
      level: LEVEL_LABELS[mentor.level],
      timeZone: mentor.timeZone,
      workMode: WORK_MODE_LABELS[mentor.workMode],
      placesFree: mentor.capacity - mentor.activeMentees,
      languages: details.languages,
      availability: details.availability,
      bio: details.bio,
      strengths: details.strengths.map(name),
      score: { total: score.total, parts: score.parts },
    })),
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const person = ensureFound(await getMentoringPerson(user.id));
  const [profile, pairings, team] = await Promise.all([
    getMentorProfile(user.id),
    listPairingsOf(user.id),
    user.role === "lead" ? listTeamPairings(user.ledTeamIds) : null,
  ]);
  return {
    mentor: {
      ineligible: mentorIneligibility(person, new Date()),
      profile: profile && { capacity: profile.capacity, placesTaken: profile.placesTaken, active: profile.active },
    },
    finding: await findingState(user.id, pairings.asMentee),
    asMentee: pairings.asMentee.map(pairingRow),
    asMentor: pairings.asMentor.map(pairingRow),
    team: team?.map(pairingRow) ?? null,
    isAdmin: user.role === "admin",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await readFormData(request), { schema: ActionSchema });
  if (submission.status !== "success") {
    const mentorId = typeof submission.payload.mentorId === "string" ? submission.payload.mentorId : null;
    return data({ mentorId, result: submission.reply() }, { status: 400 });
  }

  const { value } = submission;
  switch (value.intent) {
    case "pause":
    case "resume": {
      const result = await setMentorActive(user.id, value.intent === "resume");
      if (result.status === "not-found") notFound("You don't have a mentor profile yet.");
      return redirect(`/mentoring?notice=${value.intent === "pause" ? "paused" : "resumed"}`);
    }
    case "request-mentor": {
      const { measure } = await getMentoringContent();
      const result = await requestMentor(user, { mentorId: value.mentorId, message: value.message }, measure);
      if (result.status === "refused")
        return data({ mentorId: value.mentorId, result: submission.reply({ formErrors: [result.reason] }) }, { status: 400 });
      return redirect("/mentoring?notice=requested");
    }
  }
}

type Suggestion = Extract<ReturnType<typeof useLoaderData<typeof loader>>["finding"], { kind: "suggestions" }>["suggestions"][number];

function RequestMentorForm({ mentor }: { mentor: Suggestion }) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `request-${mentor.id}`,
    lastResult: actionData?.mentorId === mentor.id ? actionData.result : undefined,
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RequestMentorActionSchema }),
  });
  const pending = navigation.state === "submitting" && navigation.formData?.get("mentorId") === mentor.id;
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="request-mentor" />
      <input type="hidden" name="mentorId" value={mentor.id} />
      <TextareaField
        label={`Message to ${mentor.name} (optional)`}
        hint="What you'd like help with and why them. It goes with your goals and focus."
        errors={fields.message.errors}
        textareaProps={{ ...getTextareaProps(fields.message), maxLength: REQUEST_MESSAGE_MAX }}
      />
      <div className="row">
        <Button type="submit" pending={pending}>
          Request {mentor.name}
        </Button>
      </div>
    </Form>
  );
}

function SuggestionCard({ mentor, rank }: { mentor: Suggestion; rank: number }) {
  return (
    <li className="card mentor-suggestion">
      <h3>
        {rank}. {mentor.name}
      </h3>
      <p className="muted">
        {mentor.level} · {mentor.timeZone} · {mentor.workMode} · {plural(mentor.placesFree, "place")} free
      </p>
      <p className="notes-text">{mentor.bio}</p>
      <dl className="facts">
        <dt>Strong in</dt>
        <dd>{mentor.strengths.join(", ") || "—"}</dd>
        <dt>Languages</dt>
        <dd>{mentor.languages.join(", ")}</dd>
        <dt>Usually free</dt>
        <dd>{mentor.availability}</dd>
      </dl>
      <ScoreBreakdown score={mentor.score} />
      <RequestMentorForm mentor={mentor} />
    </li>
  );
}

function MentorCard() {
  const { mentor } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { profile, ineligible } = mentor;
  if (ineligible) {
    return (
      <Card title="Mentor others">
        <p>{ineligible}</p>
      </Card>
    );
  }
  if (!profile) {
    return (
      <Card title="Mentor others">
        <p>
          Share what you've got good at with someone earlier on. You choose how many people you mentor at once (up to five), what you can
          help with, and when you're free; you can pause whenever you need to.
        </p>
        <Link to="/mentoring/profile">Become a mentor</Link>
      </Card>
    );
  }
  const nextIntent = profile.active ? "pause" : "resume";
  return (
    <Card title="Mentor others">
      <p>
        {profile.active ? <Badge tone="success">Taking mentees</Badge> : <Badge>Paused</Badge>} {profile.placesTaken} of {profile.capacity}{" "}
        places in use
      </p>
      <ProgressBar label="Mentoring places in use" percent={(profile.placesTaken / profile.capacity) * 100} />
      <p className="muted">
        {profile.active
          ? "Mentees can ask you and admins can match you while you have a place free."
          : "No one can ask you or match you while you're paused. Your current mentees carry on."}
      </p>
      <div className="row">
        <Form method="post">
          <input type="hidden" name="intent" value={nextIntent} />
          <Button
            type="submit"
            variant="secondary"
            pending={navigation.state === "submitting" && navigation.formData?.get("intent") === nextIntent}
          >
            {profile.active ? "Pause mentoring" : "Resume mentoring"}
          </Button>
        </Form>
        <Link to="/mentoring/profile">Edit your mentor profile</Link>
      </div>
    </Card>
  );
}

function FindMentorCard() {
  const { finding } = useLoaderData<typeof loader>();
  switch (finding.kind) {
    case "mentored":
      return (
        <Card title="Find a mentor">
          <p>{finding.mentor} is your mentor.</p>
          <Link to={`/mentoring/pairings/${finding.pairingId}`}>Open your mentoring with {finding.mentor}</Link>
        </Card>
      );
    case "waiting":
      return (
        <Card title="Find a mentor">
          <p>
            {finding.source === "pool"
              ? `You've been matched with ${finding.mentor}. They've been asked to accept.`
              : `Your request to ${finding.mentor} is waiting for an answer.`}{" "}
            You'll get a notification either way.
          </p>
          <Link to={`/mentoring/pairings/${finding.pairingId}`}>See the request</Link>
        </Card>
      );
    case "no-request":
      return (
        <Card title="Find a mentor">
          <p>
            Tell us what you want to work on and where you're heading. We'll suggest mentors whose measured strengths match your gaps, best
            first.
          </p>
          <Link to="/mentoring/request">{finding.hadRequest ? "Ask for a mentor again" : "Ask for a mentor"}</Link>
        </Card>
      );
    case "suggestions":
      return (
        <Card title="Find a mentor">
          <dl className="facts">
            <dt>Your goals</dt>
            <dd className="notes-text">{finding.request.goals}</dd>
            <dt>Working towards</dt>
            <dd>{finding.request.targetLevel}</dd>
            <dt>Focus</dt>
            <dd>{finding.request.focus.join(", ")}</dd>
          </dl>
          <p>
            <Link to="/mentoring/request">Change or withdraw your request</Link>
          </p>
        </Card>
      );
  }
}

export default function MentoringPage() {
  const { finding, asMentee, asMentor, team, isAdmin } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <PageHeader title="Mentoring" description="Find a mentor who is strong where you want to grow, or offer to be one." />
      {/* A confirmation from the last redirect is stale once another form on the page has been answered. */}
      <div className="grid">
        <MentorCard />
        <FindMentorCard />
        {isAdmin ? (
          <Card title="Whole-pool matching">
            <p>Match everyone who is waiting for a mentor at once, check the pairs and publish them.</p>
            <Link to="/admin/mentoring">Match the mentoring pool</Link>
          </Card>
        ) : null}
      </div>

      {finding.kind === "suggestions" ? (
        <section className="stack" aria-labelledby="suggestions-title">
          <h2 id="suggestions-title">Suggested mentors</h2>
          {finding.suggestions.length === 0 ? (
            <EmptyState title="No mentor is free right now">
              Every mentor is either full, paused or someone you can't be paired with. Your request stays open: check back soon, or an admin
              may match you.
            </EmptyState>
          ) : (
            <>
              <p className="muted">Best match first. Each score adds up the parts below; ask one mentor at a time.</p>
              <ol className="mentor-suggestions">
                {finding.suggestions.map((mentor, index) => (
                  <SuggestionCard key={mentor.id} mentor={mentor} rank={index + 1} />
                ))}
              </ol>
            </>
          )}
        </section>
      ) : null}

      <Card title="Your pairings">
        <div className="pairing-group">
          <h3>As a mentee</h3>
          {asMentee.length === 0 ? (
            <p className="muted">You haven't been mentored here yet.</p>
          ) : (
            <PairingTable caption="Your pairings as a mentee" rows={asMentee} show="mentor" />
          )}
        </div>
        <div className="pairing-group">
          <h3>As a mentor</h3>
          {asMentor.length === 0 ? (
            <p className="muted">No one has asked you or been matched with you yet.</p>
          ) : (
            <PairingTable caption="Your pairings as a mentor" rows={asMentor} show="mentee" viewerIsMentor />
          )}
        </div>
      </Card>

      {team ? (
        <Card title="Your team's mentoring">
          {team.length === 0 ? (
            <p className="muted">No one on your teams is mentoring or being mentored yet.</p>
          ) : (
            <PairingTable caption="Mentoring on the teams you lead" rows={team} show="both" />
          )}
        </Card>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Mentoring · Frontline" }];
