// The session page's view: the session as its coach or its agent sees it, and for the
// coach what the edit form needs, built from the session the access check let through.
import { instantToDueDate, isOverdue, localDateTimeInput } from "~/engine/coaching/sessions.ts";
import { fixedT, requestLocale } from "~/i18n/i18next.server.ts";
import { message } from "~/i18n/message.ts";
import { getLinkedRecords, getSession, getTimeZone, listLinkables } from "~/models/coaching-session.server.ts";
import { requireUser, toViewer, type SessionUser } from "~/utils/auth.server.ts";
import { ensureFound } from "~/utils/permissions.server.ts";
import {
  attemptLabel,
  competencyOptions,
  formContext,
  linkOptions,
  loadSessionContent,
  reflectionLabel,
} from "./sessions-content.server.ts";

export const SESSION_MISSING = message("coaching:session.missing");

/** The session, if the signed-in person is its agent or may coach them; anything else is a 404. */
export async function loadVisibleSession(request: Request, sessionId: string | undefined) {
  const user = await requireUser(request);
  const viewer = toViewer(user);
  const session = ensureFound(await getSession(viewer, sessionId ?? ""), SESSION_MISSING);
  return { user, viewer, session };
}

type VisibleSession = Awaited<ReturnType<typeof loadVisibleSession>>["session"];

export async function sessionPageView(request: Request, user: SessionUser, session: VisibleSession) {
  const coach = session.role === "coach";
  const [t, timeZone, content, linked, linkables] = await Promise.all([
    requestLocale(request, user).then((locale) => fixedT(locale, "coaching")),
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
    const options = linkOptions(
      content,
      {
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
      },
      t,
    );
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
    attempts: linked.attempts.map((attempt) => ({ id: attempt.id, ...attemptLabel(content, attempt, t) })),
    reflections: linked.reflections.map((row) => ({ ...reflectionLabel(content, row, t), text: row.text })),
    edit,
  };
}
