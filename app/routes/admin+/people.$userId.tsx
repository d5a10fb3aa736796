import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PersonalDataCard } from "~/components/admin/personal-data-card.tsx";
import { ActionButton } from "~/components/forms/action-button.tsx";
import { PersonForm, PersonSchema } from "~/components/person-form.tsx";
import { SetupLinkNotice } from "~/components/setup-link.tsx";
import { buttonClassName } from "~/components/ui/button.tsx";
import { Badge, Card, PageHeader } from "~/components/ui/layout.tsx";
import { EraseConfirmationSchema, listTimeZones, ROLE_LABELS, SETUP_LINK_LIFETIME_DAYS, type Role } from "~/domain/people.ts";
import { message, translateMessage } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useFormat } from "~/i18n/use-format.ts";
import { listAuditEvents } from "~/models/audit.server.ts";
import { setupUrl } from "~/models/password-setup.server.ts";
import { erasePerson } from "~/models/personal-data.server.ts";
import { listTeamOptions } from "~/models/team.server.ts";
import { deactivatePerson, getPerson, issueSetupLink, reactivatePerson, updatePerson } from "~/models/user.server.ts";
import { handleIntent, invalid, redirectWithNotice, refused } from "~/utils/forms.server.ts";
import { ensureFound, notFound, requireRole } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";
import { rejectPersonChange } from "./person-change.server.ts";

const PERSON_MISSING = message("admin:person.notFound");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const person = ensureFound(await getPerson(params.userId ?? ""), PERSON_MISSING);
  const [teams, history] = await Promise.all([listTeamOptions(), listAuditEvents({ targetType: "user", targetId: person.id }, 1)]);
  return {
    isSelf: admin.id === person.id,
    person: {
      id: person.id,
      name: person.name,
      role: person.role as Role,
      active: person.deactivatedAt === null,
      deactivatedAt: person.deactivatedAt?.toISOString() ?? null,
      erasedAt: person.erasedAt?.toISOString() ?? null,
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
      actor: event.actor?.name ?? null,
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
    if (result.status === "not-found") notFound(PERSON_MISSING);
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
        if (result.status === "not-found") notFound(PERSON_MISSING);
        if (result.status === "refused") return refused("issue-link", result.reason);
        return { link: setupUrl(new URL(request.url).origin, result.setupToken) };
      },
      deactivate: () => changeAccount("deactivate"),
      reactivate: () => changeAccount("reactivate"),
      erase: async () => {
        const submission = parseWithZod(formData, { schema: EraseConfirmationSchema });
        if (submission.status !== "success") return invalid("erase", submission);
        const result = await erasePerson(admin, userId, submission.value.confirmEmail);
        if (result.status === "not-found") notFound(PERSON_MISSING);
        if (result.status === "mismatch") {
          return invalid("erase", submission, { confirmEmail: [message("admin:person.personalData.confirmEmailMismatch")] });
        }
        if (result.status === "refused") return refused("erase", result.reason, submission);
        return redirectWithNotice(here, "person-erased");
      },
    },
    message("admin:person.unknownIntent"),
  );
}

export default function PersonPage() {
  const { person, defaults, teams, timeZones, history, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const confirmingDeactivation = searchParams.get("confirm") === "deactivate" && person.active;
  const confirmingErase = searchParams.get("confirm") === "erase" && !person.active;
  const link = actionData && "link" in actionData ? actionData.link : null;
  const { t } = useTranslation();
  const format = useFormat();

  return (
    <>
      <PageHeader
        title={person.name}
        description={
          <>
            {t(ROLE_LABELS[person.role])}{" "}
            {person.active ? (
              <Badge tone="success">{t("admin:status.active")}</Badge>
            ) : (
              <Badge tone="danger">{t("admin:status.deactivated")}</Badge>
            )}
            {person.ledTeams.length > 0 ? (
              <>
                {" · "}
                {t("admin:person.leads", { teams: person.ledTeams.map((team) => team.name).join(t("admin:person.teamSeparator")) })}
              </>
            ) : null}
          </>
        }
        actions={<Link to="/admin/people">{t("admin:person.back")}</Link>}
      />
      {link ? <SetupLinkNotice name={person.name} url={link} validDays={SETUP_LINK_LIFETIME_DAYS} /> : null}

      <div className="stack">
        <Card title={t("admin:person.profile")}>
          {person.erasedAt ? (
            <p className="muted">{t("admin:person.profileErased")}</p>
          ) : (
            <PersonForm
              id="edit-person"
              intent="update"
              defaultValue={defaults}
              teams={teams}
              timeZones={timeZones}
              submitLabel={t("admin:person.saveChanges")}
            />
          )}
        </Card>

        <Card title={t("admin:person.signingIn.title")}>
          <p>{person.hasPassword ? t("admin:person.signingIn.hasPassword") : t("admin:person.signingIn.noPassword")}</p>
          {person.active ? (
            <ActionButton intent="issue-link" variant="secondary">
              {t("admin:person.signingIn.createLink")}
            </ActionButton>
          ) : (
            <p className="muted">{t("admin:person.signingIn.reactivateFirst")}</p>
          )}
        </Card>

        <Card title={t("admin:person.account.title")}>
          {!person.active ? (
            <>
              <p>{t("admin:person.account.deactivatedOn", { day: format.day(person.deactivatedAt!) })}</p>
              {person.erasedAt ? null : <ActionButton intent="reactivate">{t("admin:person.account.reactivate")}</ActionButton>}
            </>
          ) : isSelf ? (
            <p className="muted">{t("admin:person.account.notSelf")}</p>
          ) : confirmingDeactivation ? (
            <div role="alertdialog" aria-labelledby="confirm-deactivate-title" className="alert alert--warning">
              <h3 id="confirm-deactivate-title">{t("admin:person.account.confirmTitle", { name: person.name })}</h3>
              <p>{t("admin:person.account.confirmBody")}</p>
              <div className="row">
                <ActionButton intent="deactivate" variant="danger">
                  {t("admin:person.account.confirmYes")}
                </ActionButton>
                <Link to={`/admin/people/${person.id}`} className={buttonClassName("secondary")}>
                  {t("admin:person.account.cancel")}
                </Link>
              </div>
            </div>
          ) : (
            <>
              <p>{t("admin:person.account.explain")}</p>
              <Link to="?confirm=deactivate" className={buttonClassName("danger")}>
                {t("admin:person.account.deactivate")}
              </Link>
            </>
          )}
        </Card>

        <PersonalDataCard person={person} confirmingErase={confirmingErase} isSelf={isSelf} />

        <Card title={t("admin:person.history.title")}>
          {history.length === 0 ? (
            <p className="muted">{t("admin:person.history.empty")}</p>
          ) : (
            <ul>
              {history.map((event) => (
                <li key={event.id}>
                  {translateMessage(t, event.summary)}{" "}
                  <span className="muted">
                    {t("admin:person.history.byWhen", { actor: event.actor ?? t("admin:system"), when: format.dateTime(event.at) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <Link to={`/admin/audit?targetId=${person.id}`}>{t("admin:person.history.fullLog")}</Link>
        </Card>
      </div>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "admin:person.pageTitle", { name: data.person.name })
      : pageTitle(matches, "admin:person.pageTitleFallback"),
  },
];
