import { getSelectProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionButton } from "~/components/forms/action-button.tsx";
import { CheckboxGroup } from "~/components/forms/choice-group.tsx";
import { IntentForm, useIntentForm } from "~/components/forms/intent-form.tsx";
import { useIsPending } from "~/components/forms/use-is-pending.ts";
import { Button, buttonClassName } from "~/components/ui/button.tsx";
import { SelectField, TextareaField } from "~/components/ui/field.tsx";
import { Alert, Card, PageHeader } from "~/components/ui/layout.tsx";
import { getMentoringContent } from "~/content/mentoring.server.ts";
import { FOCUS_MAX, GOALS_MAX, menteeRequestSchema, PREFERENCES_MAX } from "~/domain/mentoring.ts";
import { LEVEL_LABELS, LEVELS, type Level } from "~/domain/people.ts";
import { nextLevelUp } from "~/engine/career/levels.ts";
import { suggestedFocus } from "~/engine/career/measured.ts";
import { measuredCompetencies } from "~/models/matching-pool.server.ts";
import { getMenteeRequest, saveMenteeRequest, withdrawMenteeRequest } from "~/models/mentee-request.server.ts";
import { listPairingsOf } from "~/models/pairing.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { handleIntent, invalid, redirectWithNotice } from "~/utils/forms.server.ts";
import { notFound } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const level = user.level as Level;
  const [saved, content, pairings] = await Promise.all([getMenteeRequest(user.id), getMentoringContent(), listPairingsOf(user.id)]);
  const mentor = pairings.asMentee.find((pairing) => pairing.status === "active")?.mentor.name ?? null;
  const suggested = saved ? null : suggestedFocus((await measuredCompetencies([user.id], content.measure)).get(user.id) ?? []);
  const targetLevel = saved?.targetLevel ?? nextLevelUp(level);
  return {
    currentLevel: level,
    mentor,
    open: saved?.status === "open",
    competencies: content.competencies.map((competency) => ({ value: competency.key, label: competency.name })),
    levels: LEVELS.filter((candidate) => LEVELS.indexOf(candidate) > LEVELS.indexOf(level)).map((candidate) => ({
      value: candidate,
      label: LEVEL_LABELS[candidate],
    })),
    suggested: suggested?.map((key) => content.competencyNames.get(key) ?? key) ?? null,
    defaults: {
      goals: saved?.goals ?? "",
      targetLevel: targetLevel ?? "",
      focus: saved?.focus ?? suggested ?? [],
      preferences: saved?.preferences ?? "",
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  return handleIntent(formData, {
    save: async () => {
      const { competencies } = await getMentoringContent();
      const schema = menteeRequestSchema(
        competencies.map((competency) => competency.key),
        user.level as Level,
      );
      const submission = parseWithZod(formData, { schema });
      if (submission.status !== "success") return invalid("save", submission);
      await saveMenteeRequest(user.id, submission.value);
      return redirectWithNotice("/mentoring", "request-saved");
    },
    withdraw: async () => {
      const result = await withdrawMenteeRequest(user);
      if (result.status === "not-found") notFound("You have no open request to withdraw.");
      return redirectWithNotice("/mentoring", "request-withdrawn");
    },
  });
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

function focusHint(suggested: string[] | null): string {
  const limit = `Pick 1 to ${FOCUS_MAX}. Mentors are matched on how strong they are in these.`;
  if (!suggested) return limit;
  if (suggested.length === 0) return `${limit} Your graded practice doesn't show a clear gap yet, so nothing is ticked for you.`;
  return `${limit} We ticked ${suggested.join(", ")}: your weakest competencies in graded practice.`;
}

function MenteeRequestForm({ loaded }: { loaded: Loaded }) {
  const { t } = useTranslation();
  const schema = menteeRequestSchema(
    loaded.competencies.map((competency) => competency.value),
    loaded.currentLevel,
  );
  const [form, fields] = useIntentForm({ id: "mentee-request", intent: "save", schema, defaultValue: loaded.defaults });
  const pending = useIsPending({ intent: "save" });
  return (
    <IntentForm form={form} intent="save">
      <TextareaField
        label="What do you want from mentoring?"
        hint="Your goals in a few sentences. Your mentor reads this first."
        errors={fields.goals.errors}
        textareaProps={{ ...getTextareaProps(fields.goals), rows: 5, maxLength: GOALS_MAX }}
      />
      <SelectField
        label="Level you're working towards"
        hint={`You're ${t(LEVEL_LABELS[loaded.currentLevel])} now. Mentors at or beyond this level score higher.`}
        errors={fields.targetLevel.errors}
        options={loaded.levels.map((level) => ({ ...level, label: t(level.label) }))}
        placeholder="Choose a level"
        selectProps={getSelectProps(fields.targetLevel)}
      />
      <CheckboxGroup
        meta={fields.focus}
        legend="Competencies to focus on"
        hint={focusHint(loaded.suggested)}
        options={loaded.competencies}
        columns
      />
      <TextareaField
        label="Anything else that matters to you? (optional)"
        hint="For example: someone remote, someone who has led a team, mornings only."
        errors={fields.preferences.errors}
        textareaProps={{ ...getTextareaProps(fields.preferences), maxLength: PREFERENCES_MAX }}
      />
      <div className="row">
        <Button type="submit" pending={pending}>
          {loaded.mentor ? "Save your goals" : "Save and see suggested mentors"}
        </Button>
        <Link to="/mentoring">Cancel</Link>
      </div>
    </IntentForm>
  );
}

function WithdrawRequest() {
  const [searchParams] = useSearchParams();
  if (searchParams.get("confirm") !== "withdraw") {
    return (
      <p>
        <Link to="?confirm=withdraw">Withdraw your request…</Link>
      </p>
    );
  }
  return (
    <div role="alertdialog" aria-labelledby="confirm-withdraw-title" className="alert alert--warning">
      <h3 id="confirm-withdraw-title">Withdraw your mentoring request?</h3>
      <p>
        You'll stop getting suggestions and won't be matched. A request still waiting for a mentor's answer is withdrawn too. You can ask
        again any time.
      </p>
      <div className="row">
        <ActionButton intent="withdraw" variant="danger">
          Yes, withdraw my request
        </ActionButton>
        <Link to="/mentoring/request" className={buttonClassName("secondary")}>
          Keep it
        </Link>
      </div>
    </div>
  );
}

export default function MenteeRequestPage() {
  const { t } = useTranslation();
  const loaded = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <PageHeader
        title={loaded.open || loaded.mentor ? "Your mentoring request" : "Ask for a mentor"}
        description="Say what you want to grow in. We suggest mentors whose measured strengths match your gaps, and you choose whom to ask."
        actions={<Link to="/mentoring">Back to mentoring</Link>}
      />
      {loaded.mentor ? (
        <Alert tone="info">{loaded.mentor} is your mentor. Updating your goals here keeps them current for both of you.</Alert>
      ) : null}
      {loaded.levels.length === 0 ? (
        <Alert tone="info">
          You're {t(LEVEL_LABELS[loaded.currentLevel])}, the top of the ladder, so there's no level to work towards here. Mentoring others
          may be the better fit: <Link to="/mentoring/profile">become a mentor</Link>.
        </Alert>
      ) : (
        <Card>
          <MenteeRequestForm loaded={loaded} />
        </Card>
      )}
      {loaded.open ? (
        <Card title="Withdraw">
          <WithdrawRequest />
        </Card>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Ask for a mentor · Mentoring · Frontline" }];
