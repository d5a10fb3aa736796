import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ActionButton } from "~/components/forms/action-button.tsx";
import { PairingTable, pairingRow } from "~/components/mentoring/pairing-table.tsx";
import { PoolPreviewForm } from "~/components/mentoring/pool-preview.tsx";
import { Alert, Card, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { PageSchema } from "~/domain/fields.ts";
import { PAIRINGS_PAGE_SIZE } from "~/domain/pages.ts";
import { countOpenPool } from "~/models/matching-pool.server.ts";
import { listOpenPairings } from "~/models/pairing.server.ts";
import { plural } from "~/utils/format.ts";
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
  const { counts, pairings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const preview = actionData && "preview" in actionData ? actionData.preview : null;
  return (
    <div className="stack">
      <PageHeader
        title="Mentoring pool"
        description="Match everyone waiting for a mentor at once: the best total score under every mentor's capacity, not first come, first served."
        actions={<Link to="/admin">Back to admin</Link>}
      />
      <div className="grid">
        <Card title="Waiting for a mentor">
          <p className="stat">{counts.openRequests}</p>
          <p className="muted">Open requests without a mentor or a proposal.</p>
        </Card>
        <Card title="Mentors with places">
          <p className="stat">{counts.mentorsWithPlaces}</p>
          <p className="muted">{plural(counts.placesFree, "place")} free in all.</p>
        </Card>
      </div>
      {actionData && !preview ? <Alert tone="error">Find the best matches first, then adjust and publish them.</Alert> : null}
      {counts.openRequests === 0 && !preview ? (
        <EmptyState title="No one is waiting">
          When people ask for a mentor and no pairing is proposed yet, they appear here to be matched.
        </EmptyState>
      ) : (
        <Card title="Best matches">
          <ActionButton intent="optimise" variant={preview ? "secondary" : "primary"} className="pool-optimise">
            {preview ? "Start again from the best matches" : "Find the best matches"}
          </ActionButton>
          {preview ? (
            preview.rows.length === 0 ? (
              <p className="muted">No one is waiting for a mentor right now.</p>
            ) : (
              <PoolPreviewForm preview={preview} />
            )
          ) : (
            <p className="muted">Nothing changes until you publish: the preview lives in this page.</p>
          )}
        </Card>
      )}
      <Card title="Current pairings">
        {pairings.total === 0 ? (
          <p className="muted">No pairing is proposed or active. Published matches and accepted requests appear here.</p>
        ) : (
          <>
            <p className="muted">{plural(pairings.total, "pairing")} proposed or active, proposals waiting for the mentor first.</p>
            <PairingTable caption="Proposed and active pairings" rows={pairings.rows} show="both" />
            <Pagination page={pairings.page} pageSize={PAIRINGS_PAGE_SIZE} total={pairings.total} label="Pairings" />
          </>
        )}
      </Card>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Mentoring pool · Admin · Frontline" }];
