// What the people on a session page may do: its coach edits or deletes the session and adds
// or removes action items; the coach and the agent both tick action items done. One handler
// per intent.
import { parseWithZod } from "@conform-to/zod";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { createActionItemSchema, createSessionSchema } from "~/components/coaching/session-form.tsx";
import { localDate } from "~/engine/coaching/sessions.ts";
import { message } from "~/i18n/message.ts";
import {
  addActionItem,
  deleteSession,
  getTimeZone,
  removeActionItem,
  setActionItemDone,
  updateSession,
} from "~/models/coaching-session.server.ts";
import { handleIntent, invalid, redirectWithNotice } from "~/utils/forms.server.ts";
import { forbidden, notFound } from "~/utils/permissions.server.ts";
import { badRequest } from "~/utils/request.server.ts";
import { SESSION_MISSING, type loadVisibleSession } from "./session-view.server.ts";
import { formContext, LINK_REFUSALS, loadSessionContent } from "./sessions-content.server.ts";

const COACH_ONLY = message("coaching:session.coachOnly");
const ITEM_MISSING = message("coaching:actionItems.missing");

const ItemSchema = z.object({ itemId: z.string().min(1).max(64) });
const ToggleSchema = ItemSchema.extend({ done: z.enum(["true", "false"]) });

export async function handleSessionAction({ user, viewer, session }: Awaited<ReturnType<typeof loadVisibleSession>>, formData: FormData) {
  const sessionUrl = `/coaching/sessions/${session.id}`;
  const requireCoach = () => {
    if (session.role !== "coach") forbidden(COACH_ONLY);
  };

  return handleIntent(
    formData,
    {
      update: async () => {
        requireCoach();
        const [timeZone, content] = await Promise.all([getTimeZone(user.id), loadSessionContent()]);
        const submission = parseWithZod(formData, { schema: createSessionSchema(formContext(content, timeZone)) });
        if (submission.status !== "success") return invalid("update", submission);
        // Action items are added one at a time on this page; the edit form has no rows for them.
        const result = await updateSession(viewer, session.id, submission.value);
        if (result.status === "not-found") notFound(SESSION_MISSING);
        if (result.status === "bad-link") return invalid("update", submission, { [result.field]: [LINK_REFUSALS[result.field]] });
        return redirectWithNotice(sessionUrl, "session-saved");
      },
      "add-item": async () => {
        requireCoach();
        const today = localDate(new Date(), await getTimeZone(user.id));
        const submission = parseWithZod(formData, { schema: createActionItemSchema({ today }) });
        if (submission.status !== "success") return invalid("add-item", submission);
        const result = await addActionItem(viewer, session.id, { text: submission.value.text, dueAt: submission.value.dueDate });
        if (result.status === "not-found") notFound(SESSION_MISSING);
        return redirectWithNotice(sessionUrl, "action-item-added");
      },
      "remove-item": async () => {
        requireCoach();
        const parsed = ItemSchema.safeParse(Object.fromEntries(formData));
        if (!parsed.success) badRequest(message("coaching:actionItems.removeBadRequest"));
        if ((await removeActionItem(viewer, session.id, parsed.data.itemId)).status === "not-found") notFound(ITEM_MISSING);
        return redirectWithNotice(sessionUrl, "action-item-removed");
      },
      "toggle-item": async () => {
        const parsed = ToggleSchema.safeParse(Object.fromEntries(formData));
        if (!parsed.success) badRequest(message("coaching:actionItems.toggleBadRequest"));
        const done = parsed.data.done === "true";
        const item = await setActionItemDone(viewer, { itemId: parsed.data.itemId, sessionId: session.id }, done);
        if (item.status === "not-found") notFound(ITEM_MISSING);
        return redirectWithNotice(sessionUrl, done ? "action-item-done" : "action-item-reopened");
      },
      delete: async () => {
        requireCoach();
        if ((await deleteSession(viewer, session.id)).status === "not-found") notFound(SESSION_MISSING);
        return redirect(`/coaching/people/${session.agent.id}`);
      },
    },
    message("coaching:session.unknownAction"),
  );
}
