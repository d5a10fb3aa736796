import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionButton } from "~/components/forms/action-button.tsx";
import { PersonForm, PersonSchema } from "~/components/person-form.tsx";
import { SetupLinkNotice } from "~/components/setup-link.tsx";
import { buttonClassName } from "~/components/ui/button.tsx";
import { Badge, Card, PageHeader } from "~/components/ui/layout.tsx";
import { listTimeZones, ROLE_LABELS, SETUP_LINK_LIFETIME_DAYS, type Role } from "~/domain/people.ts";
import { listAuditEvents } from "~/models/audit.server.ts";
import { setupUrl } from "~/models/password-setup.server.ts";
import { listTeamOptions } from "~/models/team.server.ts";
import { deactivatePerson, getPerson, issueSetupLink, reactivatePerson, updatePerson } from "~/models/user.server.ts";
import { formatDate, formatDateTime } from "~/utils/format.ts";
import { handleIntent, invalid, redirectWithNotice, refused } from "~/utils/forms.server.ts";
import { ensureFound, notFound, requireRole } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";
import { rejectPersonChange } from "./person-change.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const person = ensureFound(await getPerson(params.userId ?? ""), "That person doesn't exist.");
  const [teams, history] = await Promise.all([listTeamOptions(), listAuditEvents({ targetType: "user", targetId: person.id }, 1)]);
  return {
    isSelf: admin.id === person.id,
    person: {
      id: person.id,
      name: person.name,
      role: person.role as Role,
      active: person.deactivatedAt === null,
      deactivatedAt: person.deactivatedAt?.toISOString() ?? null,
      hasPassword: person.password !== null,
      ledTeams: person.ledTeams,
    },
    defaults: {
      name: person.name,
      email: person.email,
      role: person.role,
      level: person.level,
      teamId: person.teamId ?? "",
      hireDate: person.hireDate.toISOString().slice(0, 10),
      timeZone: person.timeZone,
      workMode: person.workMode,
      locale: person.locale,
    },
    teams: teams.map((team) => ({ value: team.id, label: team.name })),
    timeZones: listTimeZones(),
    history: history.events.map((event) => ({
      id: event.id,
      summary: event.summary,
      actor: event.actor?.name ?? "system",
      at: event.createdAt.toISOString(),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const userId = params.userId ?? "";
  const here = `/admin/people/${userId}`;
  const formData = await readFormData(request);
  const changeAccount = async (intent: "deactivate" | "reactivate") => {
    const result = intent === "deactivate" ? await deactivatePerson(admin, userId) : await reactivatePerson(admin, userId);
    if (result.status === "not-found") notFound("That person doesn't exist.");
    if (result.status === "refused") return refused(intent, result.reason);
    return redirectWithNotice(here, intent === "deactivate" ? "person-deactivated" : "person-reactivated");
  };
  return handleIntent(
    formData,
    {
      update: async () => {
        const submission = parseWithZod(formData, { schema: PersonSchema });
        if (submission.status !== "success") return invalid("update", submission);
        const result = await updatePerson(admin, userId, submission.value);
        if (result.status !== "ok") return rejectPersonChange("update", submission, result);
        return redirectWithNotice(here, "person-saved");
      },
      "issue-link": async () => {
        const result = await issueSetupLink(admin, userId);
        if (result.status === "not-found") notFound("That person doesn't exist.");
        if (result.status === "refused") return refused("issue-link", result.reason);
        return { link: setupUrl(new URL(request.url).origin, result.setupToken) };
      },
      deactivate: () => changeAccount("deactivate"),
      reactivate: () => changeAccount("reactivate"),
    },
    "Unknown action for this person.",
  );
}

export default function PersonPage() {
  const { person, defaults, teams, timeZones, history, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const confirmingDeactivation = searchParams.get("confirm") === "deactivate" && person.active;
  const link = actionData && "link" in actionData ? actionData.link : null;
  const { t } = useTranslation();

  return (
    <>
      <PageHeader
        title={person.name}
        description={
          <>
            {t(ROLE_LABELS[person.role])} {person.active ? <Badge tone="success">Active</Badge> : <Badge tone="danger">Deactivated</Badge>}
            {person.ledTeams.length > 0 ? ` · Leads ${person.ledTeams.map((team) => team.name).join(", ")}` : null}
          </>
        }
        actions={<Link to="/admin/people">Back to people</Link>}
      />
      {link ? <SetupLinkNotice name={person.name} url={link} validDays={SETUP_LINK_LIFETIME_DAYS} /> : null}

      <div className="stack">
        <Card title="Profile">
          <PersonForm
            id="edit-person"
            intent="update"
            defaultValue={defaults}
            teams={teams}
            timeZones={timeZones}
            submitLabel="Save changes"
          />
        </Card>

        <Card title="Signing in">
          <p>
            {person.hasPassword
              ? "This person has set a password. A new link lets them choose a new one; their current password keeps working until they do."
              : "This person hasn't chosen a password yet. Send them a one-time link."}
          </p>
          {person.active ? (
            <ActionButton intent="issue-link" variant="secondary">
              Create a one-time password link
            </ActionButton>
          ) : (
            <p className="muted">Reactivate the account to create a link.</p>
          )}
        </Card>

        <Card title="Account">
          {!person.active ? (
            <>
              <p>
                Deactivated on {formatDate(person.deactivatedAt!)}. They can't sign in. Reactivating lets them sign in again with their
                existing password.
              </p>
              <ActionButton intent="reactivate">Reactivate account</ActionButton>
            </>
          ) : isSelf ? (
            <p className="muted">You can't deactivate your own account.</p>
          ) : confirmingDeactivation ? (
            <div role="alertdialog" aria-labelledby="confirm-deactivate-title" className="alert alert--warning">
              <h3 id="confirm-deactivate-title">Deactivate {person.name}?</h3>
              <p>
                They will be signed out everywhere at once and won't be able to sign in. Their history stays. You can reactivate the account
                later.
              </p>
              <div className="row">
                <ActionButton intent="deactivate" variant="danger">
                  Yes, deactivate
                </ActionButton>
                <Link to={`/admin/people/${person.id}`} className={buttonClassName("secondary")}>
                  Cancel
                </Link>
              </div>
            </div>
          ) : (
            <>
              <p>Deactivating ends all of this person's sessions and stops them from signing in.</p>
              <Link to="?confirm=deactivate" className={buttonClassName("danger")}>
                Deactivate account…
              </Link>
            </>
          )}
        </Card>

        <Card title="History">
          {history.length === 0 ? (
            <p className="muted">No recorded changes yet.</p>
          ) : (
            <ul>
              {history.map((event) => (
                <li key={event.id}>
                  {event.summary}{" "}
                  <span className="muted">
                    — {event.actor}, {formatDateTime(event.at)}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <Link to={`/admin/audit?targetId=${person.id}`}>See the full history in the audit log</Link>
        </Card>
      </div>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.person.name ?? "Person"} · Admin · Frontline` }];
