import { getTextareaProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { REQUEST_MESSAGE_MAX, RequestMentorSchema } from "~/domain/mentoring.ts";
import type { ScorePart } from "~/engine/matching/types.ts";
import { translateMessage } from "~/i18n/message.ts";
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
  /** Competencies the mentor offers and is measured strong in (isStrength), by name. */
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
        textareaProps={{ ...getTextareaProps(fields.message), rows: 2, maxLength: REQUEST_MESSAGE_MAX }}
      />
      <div className="row">
        <Button type="submit" pending={pending}>
          Request {mentor.name}
        </Button>
      </div>
    </IntentForm>
  );
}

/** Suggestions shown before "Show more": enough to choose from without a page of scrolling. */
const SHOWN_FIRST = 3;

function SuggestionCard({ mentor, rank }: { mentor: MentorSuggestion; rank: number }) {
  const { t } = useTranslation();
  return (
    <li className="card mentor-suggestion">
      <h3>
        {rank}. {mentor.name}
      </h3>
      <p className="muted">
        {t(mentor.level)} · {mentor.timeZone} · {t(mentor.workMode)} · {plural(mentor.placesFree, "place")} free
      </p>
      <p>{translateMessage(t, mentor.score.parts[0].explanation)}</p>
      <ScoreBreakdown score={mentor.score} collapsed />
      <details>
        <summary>About {mentor.name}</summary>
        <p className="notes-text">{mentor.bio}</p>
        <dl className="facts">
          {mentor.strengths.length > 0 ? (
            <>
              <dt>Measured strengths</dt>
              <dd>{mentor.strengths.join(", ")}</dd>
            </>
          ) : null}
          <dt>Languages</dt>
          <dd>{mentor.languages.join(", ")}</dd>
          <dt>Usually free</dt>
          <dd>{mentor.availability}</dd>
        </dl>
      </details>
      <RequestMentorForm mentor={mentor} />
    </li>
  );
}

/** The ranked mentors for an open request, each with a form to ask them; the best few first, the rest folded. */
export function SuggestedMentors({ suggestions }: { suggestions: MentorSuggestion[] }) {
  const first = suggestions.slice(0, SHOWN_FIRST);
  const more = suggestions.slice(SHOWN_FIRST);
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
          <p className="muted">Your best match first. Open a score to see what it rests on, and ask one mentor at a time.</p>
          <ol className="mentor-suggestions">
            {first.map((mentor, index) => (
              <SuggestionCard key={mentor.id} mentor={mentor} rank={index + 1} />
            ))}
          </ol>
          {more.length > 0 ? (
            <details className="mentor-suggestions__more">
              <summary>Show {plural(more.length, "more mentor")}</summary>
              <ol className="mentor-suggestions" start={SHOWN_FIRST + 1}>
                {more.map((mentor, index) => (
                  <SuggestionCard key={mentor.id} mentor={mentor} rank={SHOWN_FIRST + index + 1} />
                ))}
              </ol>
            </details>
          ) : null}
        </>
      )}
    </section>
  );
}
