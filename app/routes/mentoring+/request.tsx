import { getFormProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { CheckboxGroup } from "~/components/forms/choice-group.tsx";
import { Button, buttonClassName } from "~/components/ui/button.tsx";
import { FormErrors, SelectField, TextareaField } from "~/components/ui/field.tsx";
import { Alert, Card, PageHeader } from "~/components/ui/layout.tsx";
import { getMentoringContent } from "~/content/mentoring.server.ts";
import { suggestedFocus } from "~/engine/career/measured.ts";
import {
  getMenteeRequest,
  listPairingsOf,
  measuredCompetencies,
  saveMenteeRequest,
  withdrawMenteeRequest,
} from "~/models/mentoring.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { FOCUS_MAX, GOALS_MAX, menteeRequestSchema, nextLevelUp, PREFERENCES_MAX } from "~/utils/mentoring-fields.ts";
import { notFound } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";
import { LEVEL_LABELS, LEVELS, type Level } from "~/utils/user-fields.ts";

function actionSchema(competencyKeys: string[], currentLevel: Level) {
  return z.discriminatedUnion("intent", [
    menteeRequestSchema(competencyKeys, currentLevel).extend({ intent: z.literal("save") }),
    z.object({ intent: z.literal("withdraw") }),
  ]);
}

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
  const { competencies } = await getMentoringContent();
  const schema = actionSchema(
    competencies.map((competency) => competency.key),
    user.level as Level,
  );
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });

  if (submission.value.intent === "withdraw") {
    const result = await withdrawMenteeRequest(user);
    if (result.status === "not-found") notFound("You have no open request to withdraw.");
    return redirect("/mentoring?notice=request-withdrawn");
  }
  const { goals, targetLevel, focus, preferences } = submission.value;
  await saveMenteeRequest(user.id, { goals, targetLevel, focus, preferences });
  return redirect("/mentoring?notice=request-saved");
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

function focusHint(suggested: string[] | null): string {
  const limit = `Pick 1 to ${FOCUS_MAX}. Mentors are matched on how strong they are in these.`;
  if (!suggested) return limit;
  if (suggested.length === 0) return `${limit} Your graded practice doesn't show a clear gap yet, so nothing is ticked for you.`;
  return `${limit} We ticked ${suggested.join(", ")}: your weakest competencies in graded practice.`;
}

function MenteeRequestForm({ loaded }: { loaded: Loaded }) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const schema = menteeRequestSchema(
    loaded.competencies.map((competency) => competency.value),
    loaded.currentLevel,
  );
  const [form, fields] = useForm({
    id: "mentee-request",
    lastResult: actionData?.result,
    defaultValue: loaded.defaults,
    constraint: getZodConstraint(schema),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="save" />
      <TextareaField
        label="What do you want from mentoring?"
        hint="Your goals in a few sentences. Your mentor reads this first."
        errors={fields.goals.errors}
        textareaProps={{ ...getTextareaProps(fields.goals), rows: 5, maxLength: GOALS_MAX }}
      />
      <SelectField
        label="Level you're working towards"
        hint={`You're ${LEVEL_LABELS[loaded.currentLevel]} now. Mentors at or beyond this level score higher.`}
        errors={fields.targetLevel.errors}
        options={loaded.levels}
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
        <Button type="submit" pending={navigation.state === "submitting" && navigation.formData?.get("intent") === "save"}>
          {loaded.mentor ? "Save your goals" : "Save and see suggested mentors"}
        </Button>
        <Link to="/mentoring">Cancel</Link>
      </div>
    </Form>
  );
}

function WithdrawRequest() {
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
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
      <Form method="post" className="row">
        <input type="hidden" name="intent" value="withdraw" />
        <Button
          type="submit"
          variant="danger"
          pending={navigation.state === "submitting" && navigation.formData?.get("intent") === "withdraw"}
        >
          Yes, withdraw my request
        </Button>
        <Link to="/mentoring/request" className={buttonClassName("secondary")}>
          Keep it
        </Link>
      </Form>
    </div>
  );
}

export default function MenteeRequestPage() {
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
          You're {LEVEL_LABELS[loaded.currentLevel]}, the top of the ladder, so there's no level to work towards here. Mentoring others may
          be the better fit: <Link to="/mentoring/profile">become a mentor</Link>.
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
