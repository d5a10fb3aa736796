import { getTextareaProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { REQUEST_MESSAGE_MAX, RequestMentorSchema } from "~/domain/mentoring.ts";
import type { ScorePart } from "~/engine/matching/types.ts";
import { translateMessage } from "~/i18n/message.ts";
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
  const { t } = useTranslation();
  return (
    <IntentForm form={form} intent="request-mentor">
      <input type="hidden" name="mentorId" value={mentor.id} />
      <TextareaField
        label={t("mentoring:suggestions.messageLabel", { name: mentor.name })}
        hint={t("mentoring:suggestions.messageHint")}
        errors={fields.message.errors}
        textareaProps={{ ...getTextareaProps(fields.message), rows: 2, maxLength: REQUEST_MESSAGE_MAX }}
      />
      <div className="row">
        <Button type="submit" pending={pending}>
          {t("mentoring:suggestions.request", { name: mentor.name })}
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
      <h3>{t("mentoring:suggestions.rank", { rank, name: mentor.name })}</h3>
      <p className="muted">
        {t("mentoring:suggestions.summary", {
          level: t(mentor.level),
          timeZone: mentor.timeZone,
          workMode: t(mentor.workMode),
          count: mentor.placesFree,
        })}
      </p>
      <p>{translateMessage(t, mentor.score.parts[0].explanation)}</p>
      <ScoreBreakdown score={mentor.score} collapsed />
      <details>
        <summary>{t("mentoring:suggestions.about", { name: mentor.name })}</summary>
        <p className="notes-text">{mentor.bio}</p>
        <dl className="facts">
          {mentor.strengths.length > 0 ? (
            <>
              <dt>{t("mentoring:suggestions.strengths")}</dt>
              <dd>{mentor.strengths.join(t("mentoring:listSeparator"))}</dd>
            </>
          ) : null}
          <dt>{t("mentoring:suggestions.languages")}</dt>
          <dd>{mentor.languages.join(t("mentoring:listSeparator"))}</dd>
          <dt>{t("mentoring:suggestions.availability")}</dt>
          <dd>{mentor.availability}</dd>
        </dl>
      </details>
      <RequestMentorForm mentor={mentor} />
    </li>
  );
}

/** The ranked mentors for an open request, each with a form to ask them; the best few first, the rest folded. */
export function SuggestedMentors({ suggestions }: { suggestions: MentorSuggestion[] }) {
  const { t } = useTranslation();
  const first = suggestions.slice(0, SHOWN_FIRST);
  const more = suggestions.slice(SHOWN_FIRST);
  return (
    <section className="stack" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">{t("mentoring:suggestions.title")}</h2>
      {suggestions.length === 0 ? (
        <EmptyState title={t("mentoring:suggestions.empty.title")}>{t("mentoring:suggestions.empty.body")}</EmptyState>
      ) : (
        <>
          <p className="muted">{t("mentoring:suggestions.intro")}</p>
          <ol className="mentor-suggestions">
            {first.map((mentor, index) => (
              <SuggestionCard key={mentor.id} mentor={mentor} rank={index + 1} />
            ))}
          </ol>
          {more.length > 0 ? (
            <details className="mentor-suggestions__more">
              <summary>{t("mentoring:suggestions.showMore", { count: more.length })}</summary>
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
