import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FilterBar, isFiltered, type FilterControl } from "~/components/forms/filter-bar.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES, type AuditAction, type AuditTargetType } from "~/domain/audit.ts";
import { optionalFilter, PageSchema } from "~/domain/fields.ts";
import { AUDIT_PAGE_SIZE } from "~/domain/pages.ts";
import { message, translateMessage } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useFormat } from "~/i18n/use-format.ts";
import { listAuditActors, listAuditEvents } from "~/models/audit.server.ts";
import { requireRole } from "~/utils/permissions.server.ts";
import { parseSearchParams } from "~/utils/request.server.ts";

const DateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, message("validation:realDate"))
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    // 2026-02-31 parses as 3 March; only a date that survives the round trip is real.
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, message("validation:realDate"))
  .transform((value) => new Date(`${value}T00:00:00Z`));

const AuditQuerySchema = z.object({
  action: optionalFilter(z.enum(AUDIT_ACTIONS)),
  actor: optionalFilter(z.string().max(50)),
  targetType: optionalFilter(z.enum(AUDIT_TARGET_TYPES)),
  targetId: optionalFilter(z.string().max(50)),
  from: optionalFilter(DateParam),
  to: optionalFilter(DateParam),
  page: PageSchema,
});

const DAY_MS = 86_400_000;

/** What the filter and the list call each action; the codes themselves are never shown. */
const ACTION_LABELS = {
  "user.created": "admin:audit.actions.userCreated",
  "user.profile-changed": "admin:audit.actions.userProfileChanged",
  "user.role-changed": "admin:audit.actions.userRoleChanged",
  "user.level-changed": "admin:audit.actions.userLevelChanged",
  "user.team-changed": "admin:audit.actions.userTeamChanged",
  "user.deactivated": "admin:audit.actions.userDeactivated",
  "user.reactivated": "admin:audit.actions.userReactivated",
  "user.setup-link-issued": "admin:audit.actions.userSetupLinkIssued",
  "user.password-set": "admin:audit.actions.userPasswordSet",
  "user.exported": "admin:audit.actions.userExported",
  "user.erased": "admin:audit.actions.userErased",
  "team.created": "admin:audit.actions.teamCreated",
  "team.renamed": "admin:audit.actions.teamRenamed",
  "team.lead-changed": "admin:audit.actions.teamLeadChanged",
  "team.auto-practice-changed": "admin:audit.actions.teamAutoPracticeChanged",
  "assignment.created": "admin:audit.actions.assignmentCreated",
  "assignment.changed": "admin:audit.actions.assignmentChanged",
  "assignment.withdrawn": "admin:audit.actions.assignmentWithdrawn",
  "grade.overridden": "admin:audit.actions.gradeOverridden",
  "dispute.resolved": "admin:audit.actions.disputeResolved",
  "nomination.created": "admin:audit.actions.nominationCreated",
  "nomination.approved": "admin:audit.actions.nominationApproved",
  "nomination.declined": "admin:audit.actions.nominationDeclined",
  "mentoring.pool-published": "admin:audit.actions.mentoringPoolPublished",
  "grader.labels-exported": "admin:audit.actions.graderLabelsExported",
  "grader.rule-changed": "admin:audit.actions.graderRuleChanged",
  "grader.red-line-added": "admin:audit.actions.graderRedLineAdded",
  "grader.red-line-removed": "admin:audit.actions.graderRedLineRemoved",
  "conversations.imported": "admin:audit.actions.conversationsImported",
  "conversations.revealed": "admin:audit.actions.conversationsRevealed",
  "conversations.settings-changed": "admin:audit.actions.conversationsSettingsChanged",
  "conversations.expired": "admin:audit.actions.conversationsExpired",
  "scenario.saved": "admin:audit.actions.scenarioSaved",
} as const satisfies Record<AuditAction, `admin:${string}`>;

const TARGET_TYPE_LABELS = {
  user: "admin:audit.targetTypes.user",
  team: "admin:audit.targetTypes.team",
  assignment: "admin:audit.targetTypes.assignment",
  grade: "admin:audit.targetTypes.grade",
  nomination: "admin:audit.targetTypes.nomination",
  pairing: "admin:audit.targetTypes.pairing",
  grader: "admin:audit.targetTypes.grader",
  conversation: "admin:audit.targetTypes.conversation",
  scenario: "admin:audit.targetTypes.scenario",
} as const satisfies Record<AuditTargetType, `admin:${string}`>;

/** The label key for a stored action; entries written under an action since retired read as a generic change. */
function actionLabel(action: string): `admin:${string}` {
  return Object.hasOwn(ACTION_LABELS, action) ? ACTION_LABELS[action as AuditAction] : "admin:audit.actions.other";
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const query = parseSearchParams(request, AuditQuerySchema);
  const [{ total, events }, actors] = await Promise.all([
    listAuditEvents(
      {
        action: query.action,
        actorId: query.actor,
        targetType: query.targetType,
        targetId: query.targetId,
        from: query.from,
        // "to" is inclusive: everything before the start of the next day
        to: query.to ? new Date(query.to.getTime() + DAY_MS) : undefined,
      },
      query.page,
    ),
    listAuditActors(),
  ]);
  const params = new URL(request.url).searchParams;
  return {
    total,
    page: query.page,
    filters: {
      action: query.action ?? "",
      actor: query.actor ?? "",
      targetType: query.targetType ?? "",
      targetId: query.targetId ?? "",
      from: params.get("from") ?? "",
      to: params.get("to") ?? "",
    },
    actors,
    events: events.map((event) => ({
      id: event.id,
      at: event.createdAt.toISOString(),
      actor: event.actor?.name ?? null,
      action: actionLabel(event.action),
      targetType: event.targetType,
      targetId: event.targetId,
      summary: event.summary,
      details: Object.keys(event.details).length === 0 ? null : JSON.stringify(event.details, null, 2),
    })),
  };
}

export default function AuditLogPage() {
  const { total, page, filters, actors, events } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const format = useFormat();
  const controls: FilterControl[] = [
    {
      kind: "select",
      name: "action",
      label: t("admin:audit.filters.action"),
      any: t("admin:audit.filters.anyAction"),
      options: AUDIT_ACTIONS.map((action) => ({ value: action, label: t(ACTION_LABELS[action]) })),
    },
    {
      kind: "select",
      name: "actor",
      label: t("admin:audit.filters.actor"),
      any: t("admin:audit.filters.anyone"),
      options: actors.map((actor) => ({ value: actor.id, label: actor.name })),
    },
    {
      kind: "select",
      name: "targetType",
      label: t("admin:audit.filters.about"),
      any: t("admin:audit.filters.anything"),
      options: AUDIT_TARGET_TYPES.map((type) => ({ value: type, label: t(TARGET_TYPE_LABELS[type]) })),
    },
    { kind: "date", name: "from", label: t("admin:audit.filters.from") },
    { kind: "date", name: "to", label: t("admin:audit.filters.to") },
  ];
  const filtered = isFiltered(controls, filters) || Boolean(filters.targetId);
  return (
    <>
      <PageHeader
        title={t("admin:audit.title")}
        description={t("admin:audit.description")}
        actions={<Link to="/admin">{t("admin:audit.back")}</Link>}
      />
      <FilterBar
        label={t("admin:audit.filterLabel")}
        idPrefix="audit"
        controls={controls}
        values={filters}
        clearTo="/admin/audit"
        hidden={{ targetId: filters.targetId }}
      />
      <p className="muted" role="status">
        {filters.targetId ? t("admin:audit.countAboutRecord", { count: total }) : t("admin:audit.count", { count: total })}
      </p>
      {events.length === 0 ? (
        <EmptyState title={filtered ? t("admin:audit.emptyFiltered") : t("admin:audit.empty")} />
      ) : (
        <DataTable
          caption={t("admin:audit.caption")}
          columns={[
            t("admin:audit.columns.when"),
            t("admin:audit.columns.who"),
            t("admin:audit.columns.action"),
            t("admin:audit.columns.what"),
          ]}
        >
          {events.map((event) => {
            // Summaries are stored as the model wrote them: a message in the reader's language, or older English text.
            const summary = translateMessage(t, event.summary);
            return (
              <tr key={event.id}>
                <td>{format.dateTime(event.at)}</td>
                <td>{event.actor ?? t("admin:system")}</td>
                <td>{t(event.action)}</td>
                <td>
                  {event.targetType === "user" && event.targetId ? (
                    <Link to={`/admin/people/${event.targetId}`}>{summary}</Link>
                  ) : event.targetType === "team" && event.targetId ? (
                    <Link to={`/admin/teams/${event.targetId}`}>{summary}</Link>
                  ) : (
                    summary
                  )}
                  {event.details ? (
                    <details>
                      <summary>{t("admin:audit.details")}</summary>
                      <pre>{event.details}</pre>
                    </details>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <Pagination page={page} pageSize={AUDIT_PAGE_SIZE} total={total} label={t("admin:audit.pagination")} />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "admin:audit.pageTitle") }];
