import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { createActionItemSchema, createSessionSchema, SessionForm, type LinkOption } from "~/components/coaching/session-form.tsx";
import { SessionTime } from "~/components/coaching/session-time.tsx";
import { Button, buttonClassName } from "~/components/ui/button.tsx";
import { Field } from "~/components/ui/field.tsx";
import { Alert, Badge, Card, PageHeader } from "~/components/ui/layout.tsx";
import { ACTION_ITEM_MAX, instantToDueDate, isOverdue, localDate, localDateTimeInput } from "~/engine/coaching/sessions.ts";
import {
  addActionItem,
  deleteSession,
  getLinkedRecords,
  getSession,
  getTimeZone,
  listLinkables,
  removeActionItem,
  setActionItemDone,
  updateSession,
} from "~/models/coaching-session.server.ts";
import { requireUser, toViewer } from "~/utils/auth.server.ts";
import { formatDate } from "~/utils/format.ts";
import { ensureFound, forbidden, notFound } from "~/utils/permissions.server.ts";
import { badRequest, readFormData } from "~/utils/request.server.ts";
import {
  attemptLabel,
  competencyOptions,
  formContext,
  linkOptions,
  loadSessionContent,
  reflectionLabel,
} from "./sessions-content.server.ts";

const MISSING = "There's no coaching session at this address.";
const COACH_ONLY = "Only the agent's lead or an admin can change this session.";

const IntentSchema = z.enum(["update", "add-item", "remove-item", "toggle-item", "delete"]);
const ItemSchema = z.object({ itemId: z.string().min(1).max(64) });
const ToggleSchema = ItemSchema.extend({ done: z.enum(["true", "false"]) });

async function loadVisibleSession(request: Request, sessionId: string | undefined) {
  const user = await requireUser(request);
  const viewer = toViewer(user);
  const session = ensureFound(await getSession(viewer, sessionId ?? ""), MISSING);
  return { user, viewer, session };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, session } = await loadVisibleSession(request, params.sessionId);
  const coach = session.role === "coach";
  const [timeZone, content, linked, linkables] = await Promise.all([
    getTimeZone(user.id),
    loadSessionContent(),
    getLinkedRecords(session.agent.id, session.linkedAttemptIds, session.linkedReflections),
    coach ? listLinkables(session.agent.id) : null,
  ]);
  const context = formContext(content, timeZone);
  const now = new Date();

  let edit = null;
  if (linkables) {
    // Links older than the latest few must stay in the form, or saving would silently drop them.
    const options = linkOptions(content, {
      attempts: [
        ...linked.attempts.filter((attempt) => !linkables.attempts.some((candidate) => candidate.id === attempt.id)),
        ...linkables.attempts,
      ],
      reflections: [
        ...linked.reflections.filter(
          (row) =>
            !linkables.reflections.some(
              (candidate) => candidate.moduleSlug === row.moduleSlug && candidate.reflectionId === row.reflectionId,
            ),
        ),
        ...linkables.reflections,
      ],
    });
    edit = {
      context,
      competencies: competencyOptions(content),
      ...options,
      defaults: {
        scheduledAt: localDateTimeInput(session.scheduledAt, timeZone),
        focus: session.focus,
        sharedNotes: session.sharedNotes,
        privateNotes: session.privateNotes ?? "",
        attemptIds: linked.attempts.map((attempt) => attempt.id),
        reflections: linked.reflections.map((row) => `${row.moduleSlug}/${row.reflectionId}`),
      },
    };
  }

  return {
    role: session.role,
    timeZone,
    today: context.today,
    session: {
      id: session.id,
      scheduledAt: session.scheduledAt.toISOString(),
      upcoming: session.scheduledAt >= now,
      focus: session.focus.map((key) => ({ key, name: content.competencyNames.get(key) ?? key })),
      sharedNotes: session.sharedNotes,
      privateNotes: session.privateNotes,
      lead: session.lead.name,
      agent: { id: session.agent.id, name: session.agent.name },
    },
    items: session.actionItems.map((item) => ({
      id: item.id,
      text: item.text,
      dueDate: instantToDueDate(item.dueAt),
      done: item.completedAt !== null,
      completedAt: item.completedAt?.toISOString() ?? null,
      overdue: isOverdue(item, context.today),
    })),
    attempts: linked.attempts.map((attempt) => ({ id: attempt.id, ...attemptLabel(content, attempt) })),
    reflections: linked.reflections.map((row) => ({ ...reflectionLabel(content, row), text: row.text })),
    edit,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, viewer, session } = await loadVisibleSession(request, params.sessionId);
  const formData = await readFormData(request);
  const intent = IntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) badRequest("Unknown action for this session.");
  if (intent.data !== "toggle-item" && session.role !== "coach") forbidden(COACH_ONLY);

  switch (intent.data) {
    case "update": {
      const [timeZone, content] = await Promise.all([getTimeZone(user.id), loadSessionContent()]);
      const submission = parseWithZod(formData, { schema: createSessionSchema(formContext(content, timeZone)) });
      if (submission.status !== "success") return data({ intent: intent.data, result: submission.reply() }, { status: 400 });
      // Action items are added one at a time on this page; the edit form has no rows for them.
      const result = await updateSession(viewer, session.id, submission.value);
      if (result.status === "not-found") notFound(MISSING);
      if (result.status === "bad-link") {
        const message =
          result.field === "attemptIds"
            ? "Link only this person's own graded conversations."
            : "Link only reflections this person has written.";
        return data({ intent: intent.data, result: submission.reply({ fieldErrors: { [result.field]: [message] } }) }, { status: 400 });
      }
      return { intent: intent.data, result: submission.reply(), saved: "Session saved." };
    }
    case "add-item": {
      const today = localDate(new Date(), await getTimeZone(user.id));
      const submission = parseWithZod(formData, { schema: createActionItemSchema({ today }) });
      if (submission.status !== "success") return data({ intent: intent.data, result: submission.reply() }, { status: 400 });
      const result = await addActionItem(viewer, session.id, { text: submission.value.text, dueAt: submission.value.dueDate });
      if (result.status === "not-found") notFound(MISSING);
      return { intent: intent.data, result: submission.reply({ resetForm: true }), saved: "Action item added." };
    }
    case "remove-item": {
      const parsed = ItemSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) badRequest("Say which action item to remove.");
      if ((await removeActionItem(viewer, session.id, parsed.data.itemId)).status === "not-found")
        notFound("That action item doesn't exist.");
      return { intent: intent.data, saved: "Action item removed." };
    }
    case "toggle-item": {
      const parsed = ToggleSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) badRequest("Say which action item to mark, and whether it is done.");
      const item = await setActionItemDone(viewer, { itemId: parsed.data.itemId, sessionId: session.id }, parsed.data.done === "true");
      if (item.status === "not-found") notFound("That action item doesn't exist.");
      return { intent: intent.data, saved: parsed.data.done === "true" ? "Marked as done." : "Marked as not done." };
    }
    case "delete": {
      if ((await deleteSession(viewer, session.id)).status === "not-found") notFound(MISSING);
      return redirect(`/coaching/people/${session.agent.id}`);
    }
  }
}

function NewItemForm({ today, lastResult }: { today: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const navigation = useNavigation();
  const schema = createActionItemSchema({ today });
  const [form, fields] = useForm<z.input<typeof schema>, z.output<typeof schema>>({
    id: "add-item",
    lastResult,
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" className="form form--inline" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="add-item" />
      <Field
        label="New action item"
        errors={fields.text.errors}
        inputProps={{ ...getInputProps(fields.text, { type: "text" }), maxLength: ACTION_ITEM_MAX, autoComplete: "off" }}
      />
      <Field
        label="Due date"
        errors={fields.dueDate.errors}
        inputProps={{ ...getInputProps(fields.dueDate, { type: "date" }), min: today }}
      />
      <Button
        type="submit"
        variant="secondary"
        pending={navigation.state === "submitting" && navigation.formData?.get("intent") === "add-item"}
      >
        Add
      </Button>
    </Form>
  );
}

function LinkList({ items }: { items: (LinkOption & { to?: string })[] }) {
  return (
    <ul className="link-list">
      {items.map((item) => (
        <li key={item.value}>
          {item.to ? <Link to={item.to}>{item.label}</Link> : item.label}
          {item.detail ? <span className="muted"> — {item.detail}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export default function SessionPage() {
  const { role, timeZone, today, session, items, attempts, reflections, edit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const coach = role === "coach";
  const confirmingDelete = coach && searchParams.get("confirm") === "delete";
  const openCount = items.filter((item) => !item.done).length;

  return (
    <div className="stack">
      <PageHeader
        title={coach ? `1:1 with ${session.agent.name}` : `Your 1:1 with ${session.lead}`}
        description={
          <>
            <SessionTime at={session.scheduledAt} timeZone={timeZone} /> ({timeZone}){" "}
            {session.upcoming ? <Badge tone="primary">Upcoming</Badge> : <Badge>Held</Badge>}
            {coach ? ` · run by ${session.lead}` : null}
          </>
        }
        actions={
          coach ? (
            <Link to={`/coaching/people/${session.agent.id}`}>{session.agent.name}'s timeline</Link>
          ) : (
            <Link to="/coaching/my">Your coaching</Link>
          )
        }
      />
      {actionData && "saved" in actionData && actionData.saved ? <Alert tone="success">{actionData.saved}</Alert> : null}

      <Card title="Focus">
        <ul className="tag-list" aria-label="Focus competencies">
          {session.focus.map((competency) => (
            <li key={competency.key}>
              <Badge tone="primary">{competency.name}</Badge>
            </li>
          ))}
        </ul>
      </Card>

      <Card title="Action items">
        {items.length === 0 ? (
          <p className="muted">No action items yet.</p>
        ) : (
          <>
            <p>{openCount === 0 ? "All done." : `${openCount} of ${items.length} still open.`}</p>
            <ul className="action-items">
              {items.map((item) => (
                <li key={item.id} className={item.done ? "action-item action-item--done" : "action-item"}>
                  <div>
                    <p className="action-item__text">{item.text}</p>
                    <p className="muted action-item__meta">
                      Due {formatDate(item.dueDate)}
                      {item.overdue ? (
                        <>
                          {" "}
                          <Badge tone="danger">Overdue</Badge>
                        </>
                      ) : null}
                      {item.done && item.completedAt ? ` · done ${formatDate(item.completedAt)}` : null}
                    </p>
                  </div>
                  <div className="row">
                    <Form method="post">
                      <input type="hidden" name="intent" value="toggle-item" />
                      <input type="hidden" name="itemId" value={item.id} />
                      <input type="hidden" name="done" value={item.done ? "false" : "true"} />
                      <Button
                        type="submit"
                        variant="secondary"
                        size="small"
                        aria-label={`${item.done ? "Mark as not done" : "Mark as done"}: ${item.text}`}
                      >
                        {item.done ? "Mark as not done" : "Mark as done"}
                      </Button>
                    </Form>
                    {coach ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove-item" />
                        <input type="hidden" name="itemId" value={item.id} />
                        <Button type="submit" variant="danger" size="small" aria-label={`Remove: ${item.text}`}>
                          Remove
                        </Button>
                      </Form>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
        {coach ? (
          <NewItemForm
            today={today}
            lastResult={actionData?.intent === "add-item" && "result" in actionData ? actionData.result : undefined}
          />
        ) : null}
      </Card>

      <Card title="Shared notes">
        {session.sharedNotes ? <p className="notes-text">{session.sharedNotes}</p> : <p className="muted">No shared notes.</p>}
      </Card>

      {coach ? (
        <Card title="Private notes">
          <p className="muted">Only {session.agent.name}'s lead and admins can read these.</p>
          {session.privateNotes ? <p className="notes-text">{session.privateNotes}</p> : <p className="muted">No private notes.</p>}
        </Card>
      ) : null}

      <Card title="Practice to discuss">
        {attempts.length === 0 ? (
          <p className="muted">No conversations linked.</p>
        ) : (
          <LinkList
            items={attempts.map((attempt) => ({
              value: attempt.id,
              label: attempt.title,
              detail: attempt.detail,
              to: `/practice/attempts/${attempt.id}`,
            }))}
          />
        )}
      </Card>

      <Card title="Reflections to discuss">
        {reflections.length === 0 ? (
          <p className="muted">No reflections linked.</p>
        ) : (
          reflections.map((reflection) => (
            <div key={reflection.key} className="linked-reflection">
              <p className="muted">{reflection.module}</p>
              <p>
                <strong>{reflection.prompt}</strong>
              </p>
              <p className="reflection-text">{reflection.text}</p>
            </div>
          ))
        )}
      </Card>

      {edit ? (
        <Card title="Edit the session">
          <details
            className="session-edit"
            open={actionData?.intent === "update" && "result" in actionData && actionData.result.status === "error"}
          >
            <summary>Change the date, focus, notes or links</summary>
            <SessionForm
              id="edit-session"
              intent="update"
              context={edit.context}
              agentName={session.agent.name}
              competencies={edit.competencies}
              attempts={edit.attempts}
              reflections={edit.reflections}
              defaultValue={edit.defaults}
              lastResult={actionData?.intent === "update" && "result" in actionData ? actionData.result : undefined}
              withActionItems={false}
              submitLabel="Save changes"
            />
          </details>
          {confirmingDelete ? (
            <div role="alertdialog" aria-labelledby="confirm-delete-title" className="alert alert--warning">
              <h3 id="confirm-delete-title">Delete this session?</h3>
              <p>Its notes, links and action items go with it, for {session.agent.name} too. This can't be undone.</p>
              <Form method="post" className="row">
                <input type="hidden" name="intent" value="delete" />
                <Button type="submit" variant="danger">
                  Yes, delete it
                </Button>
                <Link to={`/coaching/sessions/${session.id}`} className={buttonClassName("secondary")}>
                  Keep it
                </Link>
              </Form>
            </div>
          ) : (
            <p>
              <Link to="?confirm=delete">Delete this session…</Link>
            </p>
          )}
        </Card>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.role === "coach" ? `1:1 with ${data.session.agent.name}` : "Your 1:1"} · Coaching · Frontline`
      : "Coaching session · Frontline",
  },
];
