import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { AssignmentChangeForm, assignmentChangeSchema, WithdrawAssignmentCard } from "~/components/assignments/assignment-change.tsx";
import { AssignmentStatusBadge } from "~/components/assignments/status-badge.tsx";
import { PageHeader } from "~/components/ui/layout.tsx";
import { ASSIGNMENT_KIND_LABELS } from "~/domain/coaching.ts";
import { todayUtc } from "~/domain/fields.ts";
import { LEADING_ROLES } from "~/engine/access/people.ts";
import { changeAssignment, findManagedAssignment, withdrawAssignment, type AssignmentField } from "~/models/assignment.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { formatDate } from "~/utils/format.ts";
import { handleIntent, invalid, redirectWithNotice, refused } from "~/utils/forms.server.ts";
import { ensureFound, notFound, requireRole } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";

const NOT_YOURS = "That assignment doesn't exist, or isn't for someone you look after.";

const FIELD_NAMES: Partial<Record<AssignmentField, string>> = { dueAt: "dueDate", minScore: "minScore", minLevels: "minLevels" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, LEADING_ROLES);
  const assignment = ensureFound(await findManagedAssignment(toViewer(user), params.assignmentId ?? ""), NOT_YOURS);
  return {
    today: todayUtc(),
    status: assignment.status,
    passBar: assignment.passBar,
    link: assignment.link,
    dueAt: assignment.dueAt.toISOString(),
    assignment: {
      id: assignment.id,
      title: assignment.title,
      kind: assignment.kind,
      agentName: assignment.agent.name,
      dueDate: assignment.dueAt.toISOString().slice(0, 10),
      minScore: assignment.minScore,
      scenarioPassScore: assignment.scenarioPassScore,
      minLevels: assignment.minLevels,
      criteria: assignment.criteria.map((criterion) => ({ id: criterion.id, title: criterion.title, maxLevel: criterion.maxLevel })),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = toViewer(await requireRole(request, LEADING_ROLES));
  const assignmentId = ensureFound(await findManagedAssignment(viewer, params.assignmentId ?? ""), NOT_YOURS).id;
  const formData = await readFormData(request);
  return handleIntent(formData, {
    change: async () => {
      const submission = parseWithZod(formData, { schema: assignmentChangeSchema(todayUtc()) });
      if (submission.status !== "success") return invalid("change", submission);
      const value = submission.value;
      const result = await changeAssignment(viewer, assignmentId, {
        dueAt: value.dueDate,
        minScore: value.minScore ?? null,
        minLevels: Object.fromEntries(value.minLevels.filter((entry) => entry.level).map((entry) => [entry.criterionId, entry.level!])),
        note: value.note,
      });
      if (result.status === "not-found") notFound(NOT_YOURS);
      if (result.status === "unchanged") return refused("change", "Nothing changed: choose another due date or pass criteria.", submission);
      if (result.status === "refused") {
        const field = FIELD_NAMES[result.field];
        return field ? invalid("change", submission, { [field]: [result.message] }) : refused("change", result.message, submission);
      }
      return redirectWithNotice(`/coaching/assignments/${assignmentId}`, "assignment-changed");
    },
    withdraw: async () => {
      const result = await withdrawAssignment(viewer, assignmentId);
      if (result.status === "not-found") notFound(NOT_YOURS);
      return redirectWithNotice("/coaching/assignments", "assignment-withdrawn");
    },
  });
}

export default function AssignmentPage() {
  const { today, status, passBar, link, dueAt, assignment } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  // Each saved change is a new navigation: the form starts again from what is now stored, with an empty note.
  const { key: locationKey } = useLocation();
  return (
    <div className="stack">
      <PageHeader
        title={`${assignment.agentName}: ${assignment.title}`}
        description={`${ASSIGNMENT_KIND_LABELS[assignment.kind]}, due ${formatDate(dueAt)}${passBar ? `. To pass: ${passBar}` : ""}.`}
        actions={
          <>
            <Link to="/coaching/assignments">Back to assignments</Link>
            <Link to={link}>Open the {assignment.kind}</Link>
          </>
        }
      />
      <p>
        Status: <AssignmentStatusBadge status={status} />
      </p>
      <AssignmentChangeForm key={locationKey} assignment={assignment} today={today} />
      <WithdrawAssignmentCard assignment={assignment} confirming={searchParams.get("confirm") === "withdraw"} />
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Change an assignment · Coaching · Frontline" }];
