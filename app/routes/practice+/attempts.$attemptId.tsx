import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Conversation, type ConversationTurn } from "~/components/practice/conversation.tsx";
import { GradeReport, type ReportCriterion } from "~/components/practice/grade-report.tsx";
import { ReplyTimer } from "~/components/practice/reply-timer.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Badge, PageHeader } from "~/components/ui/layout.tsx";
import { CHANNEL_LABELS } from "~/content/practice-schemas.ts";
import { getPracticeCatalog, rubricsFor } from "~/content/practice.server.ts";
import { moodLabel, type CustomerState } from "~/engine/simulation/customer.ts";
import { endAttempt, getAttempt, gradedHistory, replyToCustomer } from "~/models/practice.server.ts";
import { requireUser, toViewer } from "~/utils/auth.server.ts";
import { canSeePerson } from "~/utils/permissions.ts";
import { ensureFound, notFound } from "~/utils/permissions.server.ts";
import { badRequest, readFormData } from "~/utils/request.server.ts";

export const MAX_REPLY_LENGTH = 4000;

const ReplySchema = z.object({
  intent: z.literal("reply"),
  expectedIndex: z.coerce.number().int().min(1).max(1000),
  text: z
    .string({ required_error: "Write a reply before sending." })
    .trim()
    .min(1, "Write a reply before sending.")
    .max(MAX_REPLY_LENGTH, `Replies can be at most ${MAX_REPLY_LENGTH.toLocaleString("en")} characters.`),
});

const OUTCOME_TEXT: Record<string, string> = {
  active: "In progress",
  resolved: "Resolved — the customer is satisfied",
  escalated: "Escalated",
  abandoned: "The customer gave up",
  ended: "Ended by you",
};

/** The attempt and its scenario, if the viewer may see it; guessed ids are 404s. */
async function loadVisibleAttempt(request: Request, attemptId: string | undefined) {
  const user = await requireUser(request);
  const attempt = await getAttempt(attemptId ?? "");
  if (!attempt || !canSeePerson(toViewer(user), attempt.user)) notFound("There's no practice conversation at this address.");
  const catalog = await getPracticeCatalog();
  const scenario = ensureFound(
    catalog.scenarios.find((candidate) => candidate.slug === attempt.scenarioSlug),
    "This conversation's scenario is no longer available.",
  );
  return { user, attempt, scenario, rubrics: rubricsFor(catalog, scenario) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, attempt, scenario } = await loadVisibleAttempt(request, params.attemptId);
  const history = attempt.grade ? await gradedHistory(attempt.userId, scenario.slug) : [];
  const graded = history.filter((entry) => entry.grade);
  const best = graded.reduce<(typeof graded)[number] | null>((top, entry) => (!top || entry.grade!.overallScore > top.grade!.overallScore ? entry : top), null);
  const state = JSON.parse(attempt.customerState) as CustomerState;
  return {
    isOwner: attempt.userId === user.id,
    agentName: attempt.user.name,
    scenario: {
      slug: scenario.slug,
      title: scenario.title,
      channel: scenario.channel,
      channelLabel: CHANNEL_LABELS[scenario.channel],
      customer: scenario.persona.name,
      parSeconds: scenario.par.replySeconds,
    },
    status: attempt.status,
    outcome: OUTCOME_TEXT[attempt.status] ?? attempt.status,
    mood: attempt.status === "active" && scenario.persona.showMood ? moodLabel(state.mood) : null,
    turns: attempt.turns.map((turn): ConversationTurn => ({ index: turn.index, speaker: turn.speaker as ConversationTurn["speaker"], text: turn.text, replyMs: turn.replyMs })),
    lastCustomerAt: [...attempt.turns].reverse().find((turn) => turn.speaker === "customer")?.createdAt.toISOString() ?? null,
    expectedIndex: attempt.turns.length,
    grade: attempt.grade
      ? {
          goals: scenario.goals,
          overallScore: attempt.grade.overallScore,
          passed: attempt.grade.passed,
          graderVersion: attempt.grade.graderVersion,
          rubricVersions: JSON.parse(attempt.grade.rubricVersions) as Record<string, number>,
          criticalFailures: attempt.grade.criteria.filter((criterion) => criterion.critical && criterion.applicable && criterion.level === 0).map((criterion) => criterion.title),
          criteria: attempt.grade.criteria.map(
            (criterion): ReportCriterion => ({
              id: criterion.criterionId,
              rubricId: criterion.rubricId,
              title: criterion.title,
              label: criterion.label,
              level: criterion.level,
              maxLevel: criterion.maxLevel,
              applicable: criterion.applicable,
              critical: criterion.critical,
              evidence: JSON.parse(criterion.evidence) as ReportCriterion["evidence"],
              suggestion: criterion.suggestion,
            }),
          ),
          comparison:
            graded.length > 0
              ? {
                  first: graded[0].grade!.overallScore,
                  best: best!.grade!.overallScore,
                  latest: graded[graded.length - 1].grade!.overallScore,
                  attempts: graded.length,
                }
              : null,
        }
      : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, attempt, scenario, rubrics } = await loadVisibleAttempt(request, params.attemptId);
  // Leads may read a team member's attempt; only its owner may take part in it.
  if (attempt.userId !== user.id) notFound("There's no practice conversation at this address.");
  const formData = await readFormData(request);
  const ended = () => {
    throw data({ message: "This conversation has already ended, so it can't take another reply. Its grade is on the conversation page." }, { status: 409 });
  };

  if (formData.get("intent") === "end") {
    const result = await endAttempt(attempt.id, user.id, scenario, rubrics);
    if (result.status === "ended") ended();
    return redirect(`/practice/attempts/${attempt.id}#report`);
  }

  const parsed = ReplySchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const issue = parsed.error.issues.find((candidate) => candidate.path[0] === "text");
    if (!issue) badRequest("This reply could not be understood. Reload the page and try again.");
    return data({ error: issue.message, text: String(formData.get("text") ?? "") }, { status: 400 });
  }
  const result = await replyToCustomer(attempt.id, user.id, { expectedIndex: parsed.data.expectedIndex, text: parsed.data.text }, scenario, rubrics);
  if (result.status === "ended") ended();
  return redirect(`/practice/attempts/${attempt.id}#turn-${parsed.data.expectedIndex + 1}`);
}

export default function AttemptPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { scenario, turns, grade, isOwner } = loaded;
  const active = loaded.status === "active";
  const sending = navigation.state === "submitting" && navigation.formData?.get("intent") === "reply";
  return (
    <div className="stack">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/practice">Practice</Link> <span aria-hidden="true">/</span>{" "}
        <Link to={`/practice/scenarios/${scenario.slug}`}>{scenario.title}</Link>
      </nav>
      <PageHeader
        title={scenario.title}
        description={
          <>
            {scenario.channelLabel} with {scenario.customer}
            {isOwner ? "" : ` · practised by ${loaded.agentName}`} · <Badge tone={active ? "primary" : undefined}>{loaded.outcome}</Badge>
          </>
        }
      />
      {loaded.mood ? (
        <p className={`mood mood--${loaded.mood}`} role="status">
          Customer mood: <strong>{loaded.mood}</strong>
        </p>
      ) : null}

      <Conversation channel={scenario.channel} customer={scenario.customer} turns={turns} criteria={grade?.criteria ?? []} />

      {active && isOwner ? (
        <section className="card reply-box" aria-labelledby="reply-title">
          <h2 id="reply-title" className="visually-hidden">
            Reply to the customer
          </h2>
          {loaded.lastCustomerAt ? <ReplyTimer since={loaded.lastCustomerAt} parSeconds={scenario.parSeconds} /> : null}
          <Form method="post" className="form reply-form" key={loaded.expectedIndex}>
            <input type="hidden" name="intent" value="reply" />
            <input type="hidden" name="expectedIndex" value={loaded.expectedIndex} />
            <div className="field">
              <label htmlFor="reply-text">{scenario.channel === "email" ? "Your email reply" : scenario.channel === "social" ? "Your public reply" : "Your reply"}</label>
              <textarea
                id="reply-text"
                name="text"
                rows={scenario.channel === "email" ? 8 : 3}
                maxLength={MAX_REPLY_LENGTH}
                required
                defaultValue={actionData && "text" in actionData ? actionData.text : ""}
                aria-invalid={actionData && "error" in actionData ? true : undefined}
                aria-describedby={actionData && "error" in actionData ? "reply-error" : undefined}
                autoFocus
              />
              {actionData && "error" in actionData ? (
                <p id="reply-error" className="field__errors" role="alert">
                  {actionData.error}
                </p>
              ) : null}
            </div>
            <div className="row">
              <Button type="submit" pending={sending}>
                {sending ? "Sending…" : "Send reply"}
              </Button>
            </div>
          </Form>
          <Form method="post" className="row end-form">
            <input type="hidden" name="intent" value="end" />
            <Button type="submit" variant="secondary" size="small">
              End the conversation
            </Button>
            <span className="muted">You'll be graded on the conversation so far.</span>
          </Form>
        </section>
      ) : null}

      {grade ? <GradeReport grade={grade} outcome={loaded.outcome} retryTo={isOwner ? `/practice/scenarios/${scenario.slug}` : null} /> : null}
      {!active && !grade ? <p className="muted">This conversation has ended.</p> : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.scenario.title ?? "Conversation"} · Practice · Frontline` }];
