import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AssignmentChangeForm, assignmentChangeSchema, WithdrawAssignmentCard } from "~/components/assignments/assignment-change.tsx";
import { AssignmentStatusBadge } from "~/components/assignments/status-badge.tsx";
import { PageHeader } from "~/components/ui/layout.tsx";
import { ASSIGNMENT_KIND_LABELS } from "~/domain/coaching.ts";
import { todayUtc } from "~/domain/fields.ts";
import { LEADING_ROLES } from "~/engine/access/people.ts";
import { message, translateMessage } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useFormat } from "~/i18n/use-format.ts";
import { changeAssignment, findManagedAssignment, withdrawAssignment, type AssignmentField } from "~/models/assignment.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { handleIntent, invalid, redirectWithNotice, refused } from "~/utils/forms.server.ts";
import { ensureFound, notFound, requireRole } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";

const NOT_YOURS = message("assignments:detail.notYours");

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
      if (result.status === "unchanged") return refused("change", message("assignments:detail.unchanged"), submission);
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
  const { t } = useTranslation();
  const format = useFormat();
  const kind = t(ASSIGNMENT_KIND_LABELS[assignment.kind]);
  const due = format.day(dueAt);
  return (
    <div className="stack">
      <PageHeader
        title={t("assignments:detail.title", { name: assignment.agentName, title: assignment.title })}
        description={
          passBar
            ? t("assignments:detail.descriptionWithBar", { kind, due, bar: translateMessage(t, passBar) })
            : t("assignments:detail.description", { kind, due })
        }
        actions={
          <>
            <Link to="/coaching/assignments">{t("assignments:backToAssignments")}</Link>
            <Link to={link}>{t("assignments:detail.open", { kind: assignment.kind })}</Link>
          </>
        }
      />
      <p>
        {t("assignments:detail.status")} <AssignmentStatusBadge status={status} />
      </p>
      <AssignmentChangeForm key={locationKey} assignment={assignment} today={today} />
      <WithdrawAssignmentCard assignment={assignment} confirming={searchParams.get("confirm") === "withdraw"} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "assignments:detail.pageTitle") }];
