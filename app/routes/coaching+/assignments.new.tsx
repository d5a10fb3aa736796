import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { AssignmentForm, assignmentSchema } from "~/components/assignments/assignment-form.tsx";
import { Button } from "~/components/ui/button.tsx";
import { EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { optionalFilter, todayUtc } from "~/domain/fields.ts";
import { LEADING_ROLES } from "~/engine/access/people.ts";
import { fixedT, requestLocale } from "~/i18n/i18next.server.ts";
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
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
  const t = await fixedT(await requestLocale(request, user), "assignments");
  return newAssignmentView(toViewer(user), team, t);
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
      if (result.status === "out-of-scope") notFound(message("assignments:new.outOfScope"));
      if (result.status === "refused") return invalid("create", submission, { [FIELD_NAMES[result.field]]: [result.message] });
      return redirect(`/coaching/assignments?assigned=${result.created}&skipped=${result.skipped.length}`);
    },
  });
}

export default function NewAssignmentPage() {
  const loaded = useLoaderData<typeof loader>();
  const { team, teams } = loaded;
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t("assignments:new.title")}
        description={t("assignments:new.description")}
        actions={<Link to="/coaching/assignments">{t("assignments:backToAssignments")}</Link>}
      />
      {teams.length > 1 && team ? (
        <Form method="get" className="form form--inline" aria-label={t("assignments:new.chooseTeam")}>
          <div className="field">
            <label htmlFor="assign-team">{t("assignments:new.team")}</label>
            <select id="assign-team" name="team" defaultValue={team.id}>
              {teams.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="secondary">
            {t("assignments:new.showTeam")}
          </Button>
        </Form>
      ) : null}
      {team ? (
        <AssignmentForm key={team.id} options={loaded} team={team} />
      ) : (
        <EmptyState title={t("assignments:new.noTeamTitle")}>{t("assignments:new.noTeamBody")}</EmptyState>
      )}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "assignments:new.pageTitle") }];
