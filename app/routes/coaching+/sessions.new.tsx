import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { createSessionSchema, SessionForm } from "~/components/coaching/session-form.tsx";
import { Button } from "~/components/ui/button.tsx";
import { SelectField } from "~/components/ui/field.tsx";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { optionalFilter } from "~/domain/fields.ts";
import { LEADING_ROLES } from "~/engine/access/people.ts";
import { fixedT, requestLocale } from "~/i18n/i18next.server.ts";
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { createSession, findCoachee, getTimeZone, listCoachees, listLinkables } from "~/models/coaching-session.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { handleIntent, invalid } from "~/utils/forms.server.ts";
import { ensureFound, notFound, requireRole } from "~/utils/permissions.server.ts";
import { parseSearchParams, readFormData } from "~/utils/request.server.ts";
import { competencyOptions, formContext, LINK_REFUSALS, linkOptions, loadSessionContent } from "./sessions-content.server.ts";

const NOT_YOURS = message("coaching:newSession.notYours");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, LEADING_ROLES);
  const viewer = toViewer(user);
  const { agentId } = parseSearchParams(request, z.object({ agentId: optionalFilter(z.string().max(64)) }));
  const [coachees, timeZone, content] = await Promise.all([listCoachees(viewer), getTimeZone(user.id), loadSessionContent()]);
  const agent = agentId
    ? ensureFound(
        coachees.find((person) => person.id === agentId),
        NOT_YOURS,
      )
    : null;
  const t = await fixedT(await requestLocale(request, user), "coaching");
  const links = agent ? linkOptions(content, await listLinkables(agent.id), t) : { attempts: [], reflections: [] };
  return {
    coachees: coachees.map((person) => ({
      value: person.id,
      label: person.team ? t("coaching:newSession.personWithTeam", { name: person.name, team: person.team.name }) : person.name,
    })),
    agent: agent ? { id: agent.id, name: agent.name } : null,
    context: formContext(content, timeZone),
    competencies: competencyOptions(content),
    ...links,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, LEADING_ROLES);
  const viewer = toViewer(user);
  const formData = await readFormData(request);
  return handleIntent(formData, {
    create: async () => {
      const agent = ensureFound(await findCoachee(viewer, String(formData.get("agentId") ?? "")), NOT_YOURS);
      const [timeZone, content] = await Promise.all([getTimeZone(user.id), loadSessionContent()]);
      const submission = parseWithZod(formData, { schema: createSessionSchema(formContext(content, timeZone)) });
      if (submission.status !== "success") return invalid("create", submission);
      const { actionItems, ...session } = submission.value;
      const result = await createSession(viewer, agent.id, session, actionItems);
      if (result.status === "not-found") notFound(NOT_YOURS);
      if (result.status === "bad-link") return invalid("create", submission, { [result.field]: [LINK_REFUSALS[result.field]] });
      return redirect(`/coaching/sessions/${result.sessionId}`);
    },
  });
}

export default function NewSessionPage() {
  const { coachees, agent, context, competencies, attempts, reflections } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeader
        title={agent ? t("coaching:people.planWith", { name: agent.name }) : t("coaching:people.plan")}
        description={t("coaching:newSession.description")}
        actions={
          agent ? (
            <Link to={`/coaching/people/${agent.id}`}>{t("coaching:timeline.title", { name: agent.name })}</Link>
          ) : (
            <Link to="/coaching/people">{t("coaching:people.yourPeople")}</Link>
          )
        }
      />
      {coachees.length === 0 ? (
        <EmptyState title={t("coaching:people.emptyTitle")}>{t("coaching:people.emptyBody")}</EmptyState>
      ) : (
        <Card title={t("coaching:newSession.who")}>
          <Form method="get" className="form form--inline">
            <SelectField
              label={t("coaching:newSession.person")}
              options={coachees}
              placeholder={t("coaching:teamForm.choosePerson")}
              selectProps={{ id: "agentId", name: "agentId", defaultValue: agent?.id ?? "", required: true }}
            />
            <Button type="submit" variant="secondary">
              {agent ? t("coaching:newSession.switch") : t("coaching:newSession.continue")}
            </Button>
          </Form>
        </Card>
      )}
      {agent ? (
        <Card title={t("coaching:newSession.session")}>
          <SessionForm
            id="new-session"
            intent="create"
            context={context}
            agentName={agent.name}
            competencies={competencies}
            attempts={attempts}
            reflections={reflections}
            defaultValue={{}}
            withActionItems
            submitLabel={t("coaching:newSession.save")}
            hiddenFields={{ agentId: agent.id }}
          />
        </Card>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data?.agent
      ? pageTitle(matches, "coaching:session.pageTitleCoach", { name: data.agent.name })
      : pageTitle(matches, "coaching:newSession.pageTitle"),
  },
];
