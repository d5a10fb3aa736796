import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ActionButton } from "~/components/forms/action-button.tsx";
import { PairingTable, pairingRow } from "~/components/mentoring/pairing-table.tsx";
import { PoolPreviewForm } from "~/components/mentoring/pool-preview.tsx";
import { Alert, Card, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { PageSchema } from "~/domain/fields.ts";
import { PAIRINGS_PAGE_SIZE } from "~/domain/pages.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useFormat } from "~/i18n/use-format.ts";
import { countOpenPool } from "~/models/matching-pool.server.ts";
import { listOpenPairings } from "~/models/pairing.server.ts";
import { requireRole } from "~/utils/permissions.server.ts";
import { parseSearchParams, readFormData } from "~/utils/request.server.ts";
import { handlePoolAction } from "./mentoring-pool.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const { page } = parseSearchParams(request, z.object({ page: PageSchema }));
  const [counts, { total, pairings }] = await Promise.all([countOpenPool(), listOpenPairings(page)]);
  return { counts, pairings: { page, total, rows: pairings.map(pairingRow) } };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  return handlePoolAction(admin, await readFormData(request));
}

export default function MentoringPoolPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { counts, pairings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const preview = actionData && "preview" in actionData ? actionData.preview : null;
  return (
    <div className="stack">
      <PageHeader
        title={t("mentoring:pool.title")}
        description={t("mentoring:pool.description")}
        actions={<Link to="/admin">{t("mentoring:pool.back")}</Link>}
      />
      <div className="grid">
        <Card title={t("mentoring:pool.waiting.title")}>
          <p className="stat">{format.number(counts.openRequests)}</p>
          <p className="muted">{t("mentoring:pool.waiting.note")}</p>
        </Card>
        <Card title={t("mentoring:pool.mentors.title")}>
          <p className="stat">{format.number(counts.mentorsWithPlaces)}</p>
          <p className="muted">{t("mentoring:pool.mentors.note", { count: counts.placesFree })}</p>
        </Card>
      </div>
      {actionData && !preview ? <Alert tone="error">{t("mentoring:pool.optimiseFirst")}</Alert> : null}
      {counts.openRequests === 0 && !preview ? (
        <EmptyState title={t("mentoring:pool.empty.title")}>{t("mentoring:pool.empty.body")}</EmptyState>
      ) : (
        <Card title={t("mentoring:pool.best.title")}>
          <ActionButton intent="optimise" variant={preview ? "secondary" : "primary"} className="pool-optimise">
            {preview ? t("mentoring:pool.best.again") : t("mentoring:pool.best.find")}
          </ActionButton>
          {preview ? (
            preview.rows.length === 0 ? (
              <p className="muted">{t("mentoring:pool.best.nobody")}</p>
            ) : (
              <PoolPreviewForm preview={preview} />
            )
          ) : (
            <p className="muted">{t("mentoring:pool.best.note")}</p>
          )}
        </Card>
      )}
      <Card title={t("mentoring:pool.current.title")}>
        {pairings.total === 0 ? (
          <p className="muted">{t("mentoring:pool.current.none")}</p>
        ) : (
          <>
            <p className="muted">{t("mentoring:pool.current.count", { count: pairings.total })}</p>
            <PairingTable caption={t("mentoring:pool.current.caption")} rows={pairings.rows} show="both" />
            <Pagination
              page={pairings.page}
              pageSize={PAIRINGS_PAGE_SIZE}
              total={pairings.total}
              label={t("mentoring:pool.current.paginationLabel")}
            />
          </>
        )}
      </Card>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "mentoring:pool.pageTitle") }];
