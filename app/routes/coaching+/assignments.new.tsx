import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AssignmentForm, assignmentSchema } from "~/components/assignments/assignment-form.tsx";
import { Button } from "~/components/ui/button.tsx";
import { EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { optionalFilter, todayUtc } from "~/domain/fields.ts";
import { LEADING_ROLES } from "~/engine/access/people.ts";
import { createAssignments, type AssignmentField } from "~/models/assignment.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { handleIntent, invalid } from "~/utils/forms.server.ts";
import { notFound, requireRole } from "~/utils/permissions.server.ts";
import { parseSearchParams, readFormData } from "~/utils/request.server.ts";
import { newAssignmentView } from "./new-assignment-view.server.ts";

const FIELD_NAMES: Record<AssignmentField, string> = {
  contentSlug: "contentSlug",
  dueAt: "dueDate",
  minScore: "minScore",
  minLevels: "minLevels",
  assignees: "assignees",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, LEADING_ROLES);
  const { team } = parseSearchParams(request, z.object({ team: optionalFilter(z.string().max(50)) }));
  return newAssignmentView(toViewer(user), team);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, LEADING_ROLES);
  const formData = await readFormData(request);
  return handleIntent(formData, {
    create: async () => {
      const submission = parseWithZod(formData, { schema: assignmentSchema(todayUtc()) });
      if (submission.status !== "success") return invalid("create", submission);
      const value = submission.value;
      const result = await createAssignments(toViewer(user), {
        kind: value.kind,
        contentSlug: value.contentSlug,
        dueAt: value.dueDate,
        minScore: value.minScore ?? null,
        minLevels: Object.fromEntries(value.minLevels.filter((entry) => entry.level).map((entry) => [entry.criterionId, entry.level!])),
        userIds: value.assignees,
        teamId: value.everyone ? (value.teamId ?? null) : null,
      });
      if (result.status === "out-of-scope") notFound("You can assign only to people on the teams you lead.");
      if (result.status === "refused") return invalid("create", submission, { [FIELD_NAMES[result.field]]: [result.message] });
      return redirect(`/coaching/assignments?assigned=${result.created}&skipped=${result.skipped.length}`);
    },
  });
}

export default function NewAssignmentPage() {
  const loaded = useLoaderData<typeof loader>();
  const { team, teams } = loaded;
  return (
    <>
      <PageHeader
        title="New assignment"
        description="Give people a module or a practice conversation with a due date. They're notified straight away and reminded two days before it's due."
        actions={<Link to="/coaching/assignments">Back to assignments</Link>}
      />
      {teams.length > 1 && team ? (
        <Form method="get" className="form form--inline" aria-label="Choose a team">
          <div className="field">
            <label htmlFor="assign-team">Team</label>
            <select id="assign-team" name="team" defaultValue={team.id}>
              {teams.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="secondary">
            Show this team
          </Button>
        </Form>
      ) : null}
      {team ? (
        <AssignmentForm key={team.id} options={loaded} team={team} />
      ) : (
        <EmptyState title="No team to assign to">
          You'll be able to assign work once you lead a team. An admin sets team leads in Admin → Teams.
        </EmptyState>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "New assignment · Coaching · Frontline" }];
