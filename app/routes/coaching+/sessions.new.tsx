import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { createSessionSchema, SessionForm } from "~/components/coaching/session-form.tsx";
import { Button } from "~/components/ui/button.tsx";
import { SelectField } from "~/components/ui/field.tsx";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { optionalFilter } from "~/domain/fields.ts";
import { LEADING_ROLES } from "~/engine/access/people.ts";
import { createSession, findCoachee, getTimeZone, listCoachees, listLinkables } from "~/models/coaching-session.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { handleIntent, invalid } from "~/utils/forms.server.ts";
import { ensureFound, notFound, requireRole } from "~/utils/permissions.server.ts";
import { parseSearchParams, readFormData } from "~/utils/request.server.ts";
import { competencyOptions, formContext, LINK_REFUSALS, linkOptions, loadSessionContent } from "./sessions-content.server.ts";

const NOT_YOURS = "That person isn't on a team you lead.";

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
  const links = agent ? linkOptions(content, await listLinkables(agent.id)) : { attempts: [], reflections: [] };
  return {
    coachees: coachees.map((person) => ({ value: person.id, label: person.team ? `${person.name} — ${person.team.name}` : person.name })),
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
  return (
    <div className="stack">
      <PageHeader
        title={agent ? `Plan a 1:1 with ${agent.name}` : "Plan a 1:1"}
        description="Agree what to work on, link the practice and reflections you'll talk through, and leave with action items."
        actions={
          agent ? (
            <Link to={`/coaching/people/${agent.id}`}>{agent.name}'s coaching timeline</Link>
          ) : (
            <Link to="/coaching/people">Your people</Link>
          )
        }
      />
      {coachees.length === 0 ? (
        <EmptyState title="No one to coach yet">People on the teams you lead appear here once they're added.</EmptyState>
      ) : (
        <Card title="Who is it with?">
          <Form method="get" className="form form--inline">
            <SelectField
              label="Person"
              options={coachees}
              placeholder="Choose a person"
              selectProps={{ id: "agentId", name: "agentId", defaultValue: agent?.id ?? "", required: true }}
            />
            <Button type="submit" variant="secondary">
              {agent ? "Switch person" : "Continue"}
            </Button>
          </Form>
        </Card>
      )}
      {agent ? (
        <Card title="The session">
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
            submitLabel="Save the session"
            hiddenFields={{ agentId: agent.id }}
          />
        </Card>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.agent ? `1:1 with ${data.agent.name}` : "Plan a 1:1"} · Coaching · Frontline` },
];
