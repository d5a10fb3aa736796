import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { PairingTable, pairingRow } from "~/components/mentoring/pairing-table.tsx";
import { formatPoints, ScoreBreakdown } from "~/components/mentoring/score-breakdown.tsx";
import { Button } from "~/components/ui/button.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { FormErrors } from "~/components/ui/field.tsx";
import { Alert, Card, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { getMentoringContent } from "~/content/mentoring.server.ts";
import { scorePoolChoice } from "~/engine/matching/rules.ts";
import {
  countOpenPool,
  listOpenPairings,
  loadMatchingPool,
  optimiseOpenPool,
  publishPool,
  type MatchingPool,
} from "~/models/mentoring.server.ts";
import { plural } from "~/utils/format.ts";
import { PAIRINGS_PAGE_SIZE } from "~/utils/page-sizes.ts";
import { requireRole } from "~/utils/permissions.server.ts";
import { optionalFilter, PageSchema } from "~/utils/query-fields.ts";
import { parseSearchParams, readFormData } from "~/utils/request.server.ts";
import { LEVEL_LABELS } from "~/utils/user-fields.ts";

/** Far more than any real pool; stops a tampered form from making the server score millions of rows. */
const MAX_CHOICES = 5000;

const ChoicesSchema = z.object({
  choices: z
    .array(
      z.object({
        menteeId: z.string({ required_error: "A row lost its mentee: find the best matches again" }).max(64),
        // "No mentor this round" submits an empty value.
        mentorId: z
          .string()
          .max(64)
          .optional()
          .transform((value) => value ?? null),
      }),
      { required_error: "Find the best matches first" },
    )
    .min(1, "Find the best matches first")
    .max(MAX_CHOICES, "Too many rows in one publication"),
});

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("optimise") }),
  ChoicesSchema.extend({ intent: z.literal("preview") }),
  ChoicesSchema.extend({ intent: z.literal("publish") }),
]);

type Choice = z.output<typeof ChoicesSchema>["choices"][number];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const { published, page } = parseSearchParams(
    request,
    z.object({ published: optionalFilter(z.coerce.number().int().min(0).max(MAX_CHOICES)), page: PageSchema }),
  );
  const [counts, { total, pairings }] = await Promise.all([countOpenPool(), listOpenPairings(page)]);
  return { published: published ?? null, counts, pairings: { page, total, rows: pairings.map(pairingRow) } };
}

/** The choice scored against the current pool, as the preview table shows it. */
function previewOf(pool: MatchingPool, choices: Choice[], now: Date) {
  const names = new Map([...pool.mentees, ...pool.mentors].map((person) => [person.id, person.name ?? ""]));
  const rows = scorePoolChoice(pool, choices, now, pool.competencyName).map((entry) => ({
    menteeId: entry.menteeId,
    mentee: names.get(entry.menteeId) ?? "Someone no longer waiting",
    mentorId: entry.mentorId,
    score: entry.score && !entry.problem ? { total: entry.score.total, parts: entry.score.parts } : null,
    problem: entry.problem,
  }));
  const total = rows.reduce((sum, row) => sum + (row.score?.total ?? 0), 0);
  return {
    rows,
    total: Math.round(total * 100) / 100,
    pairs: rows.filter((row) => row.score).length,
    problems: rows.filter((row) => row.problem).length,
    unmatched: rows.filter((row) => !row.mentorId).map((row) => row.mentee),
    mentors: pool.mentors
      .map((mentor) => ({
        value: mentor.id,
        label: `${mentor.name} — ${LEVEL_LABELS[mentor.level]}, ${mentor.capacity - mentor.activeMentees} of ${mentor.capacity} places free`,
      }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const submission = parseWithZod(await readFormData(request), { schema: ActionSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), preview: null }, { status: 400 });

  const { measure } = await getMentoringContent();
  const now = new Date();
  const { value } = submission;
  switch (value.intent) {
    case "optimise": {
      const { pool, result } = await optimiseOpenPool(measure, now);
      const mentorOf = new Map(result.pairs.map((pair) => [pair.menteeId, pair.mentorId]));
      const choices = [...pool.mentees]
        .sort((a, b) => (a.name ?? "").localeCompare(b.name ?? ""))
        .map((mentee) => ({ menteeId: mentee.id, mentorId: mentorOf.get(mentee.id) ?? null }));
      return { result: submission.reply(), preview: previewOf(pool, choices, now) };
    }
    case "preview": {
      const pool = await loadMatchingPool(measure, { unpairedOnly: true });
      return { result: submission.reply(), preview: previewOf(pool, value.choices, now) };
    }
    case "publish": {
      const published = await publishPool(admin, value.choices, measure, now);
      if (published.status === "ok") return redirect(`/admin/mentoring?published=${published.published}`);
      const pool = await loadMatchingPool(measure, { unpairedOnly: true });
      return data(
        {
          result: submission.reply({ formErrors: [`Nothing was published. ${published.reason}`] }),
          preview: previewOf(pool, value.choices, now),
        },
        { status: 400 },
      );
    }
  }
}

type Preview = ReturnType<typeof previewOf>;

function PreviewForm({ preview }: { preview: Preview }) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form] = useForm({ id: "pool-preview", lastResult: actionData?.result });
  const pendingIntent = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <p>
        <strong>Total score {formatPoints(preview.total)}</strong> across {plural(preview.pairs, "pair")}.{" "}
        {preview.problems > 0 ? `${plural(preview.problems, "row needs", "rows need")} a change before publishing.` : null}
      </p>
      <DataTable className="pool-table" caption="Proposed mentoring pairs" columns={["Mentee", "Mentor", "Score"]}>
        {preview.rows.map((row, index) => (
          <tr key={`${row.menteeId}:${row.mentorId ?? ""}`} className={row.problem ? "pool-row--problem" : undefined}>
            <th scope="row">{row.mentee}</th>
            <td>
              <input type="hidden" name={`choices[${index}].menteeId`} value={row.menteeId} />
              <label className="visually-hidden" htmlFor={`mentor-${row.menteeId}`}>
                Mentor for {row.mentee}
              </label>
              <select
                id={`mentor-${row.menteeId}`}
                name={`choices[${index}].mentorId`}
                defaultValue={row.mentorId ?? ""}
                aria-invalid={row.problem ? true : undefined}
                aria-describedby={row.problem ? `problem-${row.menteeId}` : undefined}
              >
                <option value="">No mentor this round</option>
                {preview.mentors.map((mentor) => (
                  <option key={mentor.value} value={mentor.value}>
                    {mentor.label}
                  </option>
                ))}
              </select>
              {row.problem ? (
                <p id={`problem-${row.menteeId}`} className="field__errors">
                  {row.problem}
                </p>
              ) : null}
            </td>
            <td>{row.score ? <ScoreBreakdown score={row.score} collapsed /> : <span className="muted">—</span>}</td>
          </tr>
        ))}
      </DataTable>
      {preview.unmatched.length > 0 ? (
        <p>
          <strong>No mentor this round:</strong> {preview.unmatched.join(", ")}. Their requests stay open.
        </p>
      ) : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="row">
        <Button type="submit" name="intent" value="preview" variant="secondary" pending={pendingIntent === "preview"}>
          Re-score
        </Button>
        <Button type="submit" name="intent" value="publish" pending={pendingIntent === "publish"}>
          Publish {plural(preview.pairs, "pair")}
        </Button>
      </div>
      <p className="muted">
        Publishing proposes each pair to the mentor to accept, and notifies both people. Re-score after changing a mentor to check the
        choice.
      </p>
    </Form>
  );
}

export default function MentoringPoolPage() {
  const { published, counts, pairings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const preview = actionData?.preview ?? null;
  return (
    <div className="stack">
      <PageHeader
        title="Mentoring pool"
        description="Match everyone waiting for a mentor at once: the best total score under every mentor's capacity, not first come, first served."
        actions={<Link to="/admin">Back to admin</Link>}
      />
      {published !== null && !actionData ? (
        <Alert tone="success">
          Published {plural(published, "pair")}. Each mentor has been asked to accept, and both people in every pair have been notified.
        </Alert>
      ) : null}
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
          <Form method="post" className="pool-optimise">
            <input type="hidden" name="intent" value="optimise" />
            <Button
              type="submit"
              variant={preview ? "secondary" : "primary"}
              pending={navigation.state === "submitting" && navigation.formData?.get("intent") === "optimise"}
            >
              {preview ? "Start again from the best matches" : "Find the best matches"}
            </Button>
          </Form>
          {preview ? (
            preview.rows.length === 0 ? (
              <p className="muted">No one is waiting for a mentor right now.</p>
            ) : (
              <PreviewForm preview={preview} />
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
