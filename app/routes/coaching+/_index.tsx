import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { Card, PageHeader } from "~/components/ui/layout.tsx";
import { LEADING_ROLES } from "~/engine/access/people.ts";
import { requireRole } from "~/utils/permissions.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, LEADING_ROLES);
  return null;
}

export default function CoachingPage() {
  return (
    <>
      <PageHeader
        title="Coaching"
        description="Turn training and practice into coaching: assign, review, meet and see where the team stands."
      />
      <div className="grid">
        <Card title="Assignments">
          <p>Give modules and scenarios to one person, several or the whole team, with a due date and what passing means.</p>
          <p className="row">
            <Link to="/coaching/assignments">Status board</Link>
            <Link to="/coaching/assignments/new">New assignment</Link>
          </p>
        </Card>
        <Card title="Review queue">
          <p>Read graded conversations, override a level with a reason, comment on turns, and answer disputes.</p>
          <Link to="/coaching/reviews">Open the review queue</Link>
        </Card>
        <Card title="Calibration">
          <p>Score the same conversations blind with other leads, compare with the automatic grader and agree the right levels.</p>
          <p className="row">
            <Link to="/calibration">Calibration sessions</Link>
            <Link to="/calibration/new">Start a session</Link>
          </p>
        </Card>
        <Card title="1:1 sessions">
          <p>Plan focus competencies, keep notes, link attempts and reflections, and agree action items with due dates.</p>
          <p className="row">
            <Link to="/coaching/people">Your people's 1:1s</Link>
            <Link to="/coaching/sessions/new">Schedule a 1:1</Link>
          </p>
        </Card>
        <Card title="Team insights">
          <p>Onboarding and assignment completion, levels per competency, trends and training time against what leading teams give.</p>
          <Link to="/coaching/insights">See team insights</Link>
        </Card>
        <Card title="Career readiness">
          <p>Who is ready or close for their next level, check-ins beside measured evidence, and nominations for promotion.</p>
          <Link to="/career/team">See team readiness</Link>
        </Card>
        <Card title="Practice and learning">
          <p>Every graded conversation and each person's module progress and reflections.</p>
          <p className="row">
            <Link to="/practice/team">Team practice</Link>
            <Link to="/learn/people">People's learning</Link>
          </p>
        </Card>
      </div>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Coaching · Frontline" }];
