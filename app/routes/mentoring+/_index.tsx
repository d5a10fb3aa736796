import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SuggestedMentors } from "~/components/mentoring/mentor-suggestions.tsx";
import { FindMentorCard, MentorCard } from "~/components/mentoring/mentoring-cards.tsx";
import { PairingTable } from "~/components/mentoring/pairing-table.tsx";
import { Card, PageHeader } from "~/components/ui/layout.tsx";
import { getMentoringContent } from "~/content/mentoring.server.ts";
import { RequestMentorSchema } from "~/domain/mentoring.ts";
import { setMentorActive } from "~/models/mentor-profile.server.ts";
import { requestMentor } from "~/models/pairing.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { handleIntent, invalid, redirectWithNotice, refused } from "~/utils/forms.server.ts";
import { notFound } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";
import { mentoringPageView } from "./mentoring-view.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  return mentoringPageView(await requireUser(request));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  const setTakingMentees = async (active: boolean) => {
    const result = await setMentorActive(user.id, active);
    if (result.status === "not-found") notFound("You don't have a mentor profile yet.");
    return redirectWithNotice("/mentoring", active ? "resumed" : "paused");
  };
  return handleIntent(formData, {
    pause: () => setTakingMentees(false),
    resume: () => setTakingMentees(true),
    "request-mentor": async () => {
      const submission = parseWithZod(formData, { schema: RequestMentorSchema });
      if (submission.status !== "success") return invalid("request-mentor", submission);
      const { measure } = await getMentoringContent();
      const result = await requestMentor(user, submission.value, measure);
      if (result.status === "refused") return refused("request-mentor", result.reason, submission);
      return redirectWithNotice("/mentoring", "requested");
    },
  });
}

export default function MentoringPage() {
  const { mentor, finding, asMentee, asMentor, team, isAdmin } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <PageHeader title="Mentoring" description="Find a mentor who is strong where you want to grow, or offer to be one." />
      <div className="grid">
        <MentorCard mentor={mentor} />
        <FindMentorCard finding={finding} />
        {isAdmin ? (
          <Card title="Whole-pool matching">
            <p>Match everyone who is waiting for a mentor at once, check the pairs and publish them.</p>
            <Link to="/admin/mentoring">Match the mentoring pool</Link>
          </Card>
        ) : null}
      </div>

      {finding.kind === "suggestions" ? <SuggestedMentors suggestions={finding.suggestions} /> : null}

      <Card title="Your pairings">
        <div className="pairing-group">
          <h3>As a mentee</h3>
          {asMentee.length === 0 ? (
            <p className="muted">You haven't been mentored here yet.</p>
          ) : (
            <PairingTable caption="Your pairings as a mentee" rows={asMentee} show="mentor" />
          )}
        </div>
        <div className="pairing-group">
          <h3>As a mentor</h3>
          {asMentor.length === 0 ? (
            <p className="muted">No one has asked you or been matched with you yet.</p>
          ) : (
            <PairingTable caption="Your pairings as a mentor" rows={asMentor} show="mentee" viewerIsMentor />
          )}
        </div>
      </Card>

      {team ? (
        <Card title="Your team's mentoring">
          {team.length === 0 ? (
            <p className="muted">No one on your teams is mentoring or being mentored yet.</p>
          ) : (
            <PairingTable caption="Mentoring on the teams you lead" rows={team} show="both" />
          )}
        </Card>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Mentoring · Frontline" }];
