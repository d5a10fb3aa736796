import { getTextareaProps } from "@conform-to/react";
import { REQUEST_MESSAGE_MAX, RequestMentorSchema } from "~/domain/mentoring.ts";
import type { ScorePart } from "~/engine/matching/types.ts";
import { plural } from "~/utils/format.ts";
import { IntentForm, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button } from "../ui/button.tsx";
import { TextareaField } from "../ui/field.tsx";
import { EmptyState } from "../ui/layout.tsx";
import { ScoreBreakdown } from "./score-breakdown.tsx";

/** A mentor the mentee may ask, with what the match score rests on. */
export type MentorSuggestion = {
  id: string;
  name: string;
  level: string;
  timeZone: string;
  workMode: string;
  placesFree: number;
  languages: string[];
  availability: string;
  bio: string;
  strengths: string[];
  score: { total: number; parts: ScorePart[] };
};

/** One form per suggested mentor; the mentor's id tells their refusals and pending state apart. */
function RequestMentorForm({ mentor }: { mentor: MentorSuggestion }) {
  const values = { mentorId: mentor.id };
  const [form, fields] = useIntentForm({ id: `request-${mentor.id}`, intent: "request-mentor", schema: RequestMentorSchema, values });
  const pending = useIsPending({ intent: "request-mentor", values });
  return (
    <IntentForm form={form} intent="request-mentor">
      <input type="hidden" name="mentorId" value={mentor.id} />
      <TextareaField
        label={`Message to ${mentor.name} (optional)`}
        hint="What you'd like help with and why them. It goes with your goals and focus."
        errors={fields.message.errors}
        textareaProps={{ ...getTextareaProps(fields.message), maxLength: REQUEST_MESSAGE_MAX }}
      />
      <div className="row">
        <Button type="submit" pending={pending}>
          Request {mentor.name}
        </Button>
      </div>
    </IntentForm>
  );
}

function SuggestionCard({ mentor, rank }: { mentor: MentorSuggestion; rank: number }) {
  return (
    <li className="card mentor-suggestion">
      <h3>
        {rank}. {mentor.name}
      </h3>
      <p className="muted">
        {mentor.level} · {mentor.timeZone} · {mentor.workMode} · {plural(mentor.placesFree, "place")} free
      </p>
      <p className="notes-text">{mentor.bio}</p>
      <dl className="facts">
        <dt>Strong in</dt>
        <dd>{mentor.strengths.join(", ") || "—"}</dd>
        <dt>Languages</dt>
        <dd>{mentor.languages.join(", ")}</dd>
        <dt>Usually free</dt>
        <dd>{mentor.availability}</dd>
      </dl>
      <ScoreBreakdown score={mentor.score} />
      <RequestMentorForm mentor={mentor} />
    </li>
  );
}

/** The ranked mentors for an open request, each with a form to ask them. */
export function SuggestedMentors({ suggestions }: { suggestions: MentorSuggestion[] }) {
  return (
    <section className="stack" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">Suggested mentors</h2>
      {suggestions.length === 0 ? (
        <EmptyState title="No mentor is free right now">
          Every mentor is either full, paused or someone you can't be paired with. Your request stays open: check back soon, or an admin may
          match you.
        </EmptyState>
      ) : (
        <>
          <p className="muted">Best match first. Each score adds up the parts below; ask one mentor at a time.</p>
          <ol className="mentor-suggestions">
            {suggestions.map((mentor, index) => (
              <SuggestionCard key={mentor.id} mentor={mentor} rank={index + 1} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
