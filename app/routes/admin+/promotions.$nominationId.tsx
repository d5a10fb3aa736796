import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { LevelReadiness } from "~/components/career/readiness.tsx";
import { Button } from "~/components/ui/button.tsx";
import { FormErrors, TextareaField } from "~/components/ui/field.tsx";
import { Alert, Badge, Card, PageHeader } from "~/components/ui/layout.tsx";
import { getCareerContent } from "~/content/career.server.ts";
import { careerRecord, decideNomination, getNomination } from "~/models/career.server.ts";
import { DECISION_NOTE_MAX, NOMINATION_STATUS_LABELS, type NominationStatus } from "~/utils/career-fields.ts";
import { formatDate, formatDateTime } from "~/utils/format.ts";
import { ensureFound, notFound, requireRole } from "~/utils/permissions.server.ts";
import { optionalFilter } from "~/utils/query-fields.ts";
import { parseSearchParams, readFormData } from "~/utils/request.server.ts";
import { LEVEL_LABELS, type Level } from "~/utils/user-fields.ts";
import { levelReadiness } from "../career+/career-view.server.ts";

const MISSING = "There's no nomination at this address.";

const DecisionSchema = z
  .object({
    decision: z.enum(["approve", "decline"], { errorMap: () => ({ message: "Choose to approve or decline" }) }),
    note: z
      .string()
      .trim()
      .max(DECISION_NOTE_MAX, `Keep the reason under ${DECISION_NOTE_MAX.toLocaleString("en")} characters`)
      .default(""),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "decline" && value.note === "") {
      ctx.addIssue({ code: "custom", path: ["note"], message: "Say why it is declined, so the agent and their lead know what to work on" });
    }
  });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  // Set by the decision's redirect, to confirm it was recorded.
  const { saved } = parseSearchParams(request, z.object({ saved: optionalFilter(z.literal("decision")) }));
  const nomination = ensureFound(await getNomination(params.nominationId ?? ""), MISSING);
  const level = nomination.level as Level;
  // Readiness is shown while the decision is open: afterwards today's evidence is not what was decided on.
  let readiness = null;
  if (nomination.status === "pending") {
    const content = await getCareerContent();
    const record = ensureFound(await careerRecord(nomination.agent.id, content.difficultyOf), MISSING);
    readiness = levelReadiness(content, level, record.evidence, new Date());
  }
  return {
    nomination: {
      id: nomination.id,
      status: nomination.status as NominationStatus,
      level: LEVEL_LABELS[level],
      agent: {
        id: nomination.agent.id,
        name: nomination.agent.name,
        level: LEVEL_LABELS[nomination.agent.level as Level],
        team: nomination.agent.team?.name ?? null,
      },
      nominatedBy: nomination.nominatedBy.name,
      at: nomination.createdAt.toISOString(),
      justification: nomination.justification,
      decidedBy: nomination.decidedBy?.name ?? null,
      decidedAt: nomination.decidedAt?.toISOString() ?? null,
      reason: nomination.decisionNote ?? "",
    },
    readiness,
    saved: Boolean(saved),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const nominationId = params.nominationId ?? "";
  ensureFound(await getNomination(nominationId), MISSING);
  const submission = parseWithZod(await readFormData(request), { schema: DecisionSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await decideNomination(admin, { nominationId, ...submission.value });
  if (outcome.status === "not-found") notFound(MISSING);
  if (outcome.status === "refused") return data({ result: submission.reply({ formErrors: [outcome.reason] }) }, { status: 400 });
  return redirect(`/admin/promotions/${nominationId}?saved=decision`);
}

function DecisionForm({ agentName, level }: { agentName: string; level: string }) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof DecisionSchema>, z.output<typeof DecisionSchema>>({
    id: "decide",
    lastResult: actionData?.result,
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DecisionSchema }),
  });
  const pending = (decision: string) => navigation.state === "submitting" && navigation.formData?.get("decision") === decision;
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(fields.decision.errors ?? [])]} />
      <TextareaField
        label="Reason"
        hint={`Required to decline, optional to approve. ${agentName} and the lead who nominated them read it.`}
        errors={fields.note.errors}
        textareaProps={{ ...getTextareaProps(fields.note), rows: 4, maxLength: DECISION_NOTE_MAX }}
      />
      <div className="row">
        <Button type="submit" name="decision" value="approve" pending={pending("approve")}>
          Approve: make {agentName} {level}
        </Button>
        <Button type="submit" name="decision" value="decline" variant="danger" pending={pending("decline")}>
          Decline
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

export default function NominationPage() {
  const { nomination, readiness, saved } = useLoaderData<typeof loader>();
  const { agent } = nomination;
  return (
    <div className="stack">
      <PageHeader
        title={`${agent.name} for ${nomination.level}`}
        description={
          <>
            <Badge tone={STATUS_TONES[nomination.status]}>{NOMINATION_STATUS_LABELS[nomination.status]}</Badge> Nominated by{" "}
            {nomination.nominatedBy} on {formatDate(nomination.at)}
          </>
        }
        actions={<Link to="/admin/promotions">All nominations</Link>}
      />
      {saved ? <Alert tone="success">Decision recorded. {agent.name} and the lead who nominated them have been notified.</Alert> : null}
      <Card title="The nomination">
        <dl className="facts nomination-facts">
          <dt>Person</dt>
          <dd>
            {agent.name}, {agent.level}
            {agent.team ? ` on ${agent.team}` : ""}
          </dd>
          <dt>Nominated for</dt>
          <dd>{nomination.level}</dd>
          <dt>Nominated by</dt>
          <dd>{nomination.nominatedBy}</dd>
        </dl>
        <h3>Justification</h3>
        <p className="notes-text">{nomination.justification}</p>
      </Card>
      {readiness ? (
        <LevelReadiness level={readiness} heading={`${agent.name}'s readiness for ${nomination.level}`} personName={agent.name} />
      ) : null}
      <Card title="Decision">
        {nomination.status === "pending" ? (
          <DecisionForm agentName={agent.name} level={nomination.level} />
        ) : (
          <>
            <p>
              {nomination.status === "approved" ? "Approved" : "Declined"} by {nomination.decidedBy ?? "an admin"} on{" "}
              {formatDateTime(nomination.decidedAt!)}.
            </p>
            {nomination.reason ? <p className="notes-text">{nomination.reason}</p> : <p className="muted">No reason was given.</p>}
          </>
        )}
      </Card>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `${data.nomination.agent.name} for ${data.nomination.level}` : "Nomination"} · Promotions · Frontline` },
];
