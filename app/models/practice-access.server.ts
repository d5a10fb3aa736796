// Who may open a practice conversation: its agent, and the people who may see
// that agent. Shared by the conversation page and its what-if replay.
import { getPracticeCatalog, rubricsFor } from "~/content/practice.server.ts";
import { requireUser, toViewer } from "~/utils/auth.server.ts";
import { ensureFound, notFound } from "~/utils/permissions.server.ts";
import { canSeePerson } from "~/utils/permissions.ts";
import { getAttempt } from "./practice.server.ts";

/** The attempt and its scenario, if the viewer may see it; guessed ids are 404s. */
export async function loadVisibleAttempt(request: Request, attemptId: string | undefined) {
  const user = await requireUser(request);
  const attempt = await getAttempt(attemptId ?? "");
  if (!attempt || !canSeePerson(toViewer(user), attempt.user)) notFound("There's no practice conversation at this address.");
  const catalog = await getPracticeCatalog();
  const scenario = ensureFound(
    catalog.scenarios.find((candidate) => candidate.slug === attempt.scenarioSlug),
    "This conversation's scenario is no longer available.",
  );
  return { user, attempt, scenario, rubrics: rubricsFor(catalog, scenario) };
}
