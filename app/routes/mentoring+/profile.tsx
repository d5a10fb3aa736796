import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxGroup } from "~/components/forms/choice-group.tsx";
import { IntentForm, useIntentForm } from "~/components/forms/intent-form.tsx";
import { useIsPending } from "~/components/forms/use-is-pending.ts";
import { Button } from "~/components/ui/button.tsx";
import { Field, SelectField, TextareaField } from "~/components/ui/field.tsx";
import { Alert, Card, PageHeader } from "~/components/ui/layout.tsx";
import { getMentoringContent } from "~/content/mentoring.server.ts";
import { AVAILABILITY_MAX, BIO_MAX, MENTOR_STRENGTHS_MAX, mentorProfileSchema } from "~/domain/mentoring.ts";
import { listTimeZones, WORK_MODE_LABELS, WORK_MODES } from "~/domain/people.ts";
import { mentorIneligibility } from "~/engine/access/mentoring.ts";
import { suggestedStrengths } from "~/engine/career/measured.ts";
import { measuredCompetencies } from "~/models/matching-pool.server.ts";
import { getMentoringPerson, getMentorProfile, saveMentorProfile } from "~/models/mentor-profile.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { handleIntent, invalid, redirectWithNotice, refused } from "~/utils/forms.server.ts";
import { ensureFound } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";

/** A first-time mentor's starting point; most people can give one or two mentees real time. */
const DEFAULT_CAPACITY = 2;

async function loadEligiblePerson(request: Request) {
  const user = await requireUser(request);
  const person = ensureFound(await getMentoringPerson(user.id));
  return { user, person, ineligible: mentorIneligibility(person, new Date()) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, person, ineligible } = await loadEligiblePerson(request);
  if (ineligible) return { ineligible, form: null };
  const [profile, content] = await Promise.all([getMentorProfile(user.id), getMentoringContent()]);
  const suggested = profile ? null : suggestedStrengths((await measuredCompetencies([user.id], content.measure)).get(user.id) ?? []);
  return {
    ineligible: null,
    form: {
      isNew: profile === null,
      paused: profile !== null && !profile.active,
      competencies: content.competencies.map((competency) => ({ value: competency.key, label: competency.name })),
      suggested: suggested?.map((key) => content.competencyNames.get(key) ?? key) ?? null,
      timeZones: listTimeZones(),
      defaults: {
        capacity: String(profile?.capacity ?? DEFAULT_CAPACITY),
        strengths: profile?.strengths ?? suggested ?? [],
        bio: profile?.bio ?? "",
        timeZone: person.timeZone,
        workMode: person.workMode,
        languages: profile?.languages.join(", ") ?? "",
        availability: profile?.availability ?? "",
      },
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, ineligible } = await loadEligiblePerson(request);
  const formData = await readFormData(request);
  return handleIntent(formData, {
    save: async () => {
      const { competencies } = await getMentoringContent();
      const submission = parseWithZod(formData, { schema: mentorProfileSchema(competencies.map((competency) => competency.key)) });
      if (ineligible) return refused("save", ineligible, submission);
      if (submission.status !== "success") return invalid("save", submission);
      const result = await saveMentorProfile(user.id, submission.value);
      if (result.status === "refused") {
        return result.field ? invalid("save", submission, { [result.field]: [result.reason] }) : refused("save", result.reason, submission);
      }
      return redirectWithNotice("/mentoring", "profile-saved");
    },
  });
}

type ProfileForm = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["form"]>;

function strengthsHint(form: ProfileForm): string {
  const limit = `Up to ${MENTOR_STRENGTHS_MAX}: what you can genuinely help someone get better at.`;
  if (!form.suggested) return limit;
  if (form.suggested.length === 0) return `${limit} Your graded practice doesn't show a clear strength yet, so nothing is ticked for you.`;
  return `${limit} We ticked ${form.suggested.join(", ")}: your graded practice shows you're strongest there. Change them as you see fit.`;
}

function MentorProfileForm({ form: loaded }: { form: ProfileForm }) {
  const { t } = useTranslation();
  const schema = mentorProfileSchema(loaded.competencies.map((competency) => competency.value));
  const [form, fields] = useIntentForm({ id: "mentor-profile", intent: "save", schema, defaultValue: loaded.defaults });
  const pending = useIsPending({ intent: "save" });
  return (
    <IntentForm form={form} intent="save">
      <Field
        label="How many people can you mentor at once?"
        hint="From 1 to 5. Requests waiting for your answer take a place too."
        errors={fields.capacity.errors}
        inputProps={getInputProps(fields.capacity, { type: "number" })}
      />
      <CheckboxGroup
        meta={fields.strengths}
        legend="What you can help with"
        hint={strengthsHint(loaded)}
        options={loaded.competencies}
        columns
      />
      <TextareaField
        label="About you"
        hint="A few lines for mentees: your experience, and what mentoring with you is like."
        errors={fields.bio.errors}
        textareaProps={{ ...getTextareaProps(fields.bio), rows: 5, maxLength: BIO_MAX }}
      />
      <div className="form-grid">
        <SelectField
          label="Time zone"
          hint="Matching looks for mentees whose working hours overlap yours."
          errors={fields.timeZone.errors}
          options={loaded.timeZones.map((zone) => ({ value: zone, label: zone }))}
          placeholder="Choose a time zone"
          selectProps={getSelectProps(fields.timeZone)}
        />
        <SelectField
          label="Work mode"
          hint="Remote mentees are matched with remote and hybrid mentors first."
          errors={fields.workMode.errors}
          options={WORK_MODES.map((mode) => ({ value: mode, label: t(WORK_MODE_LABELS[mode]) }))}
          placeholder="Choose a work mode"
          selectProps={getSelectProps(fields.workMode)}
        />
      </div>
      <Field
        label="Languages you can mentor in"
        hint="Separate them with commas, e.g. English, Spanish."
        errors={fields.languages.errors}
        inputProps={{ ...getInputProps(fields.languages, { type: "text" }), autoComplete: "off" }}
      />
      <Field
        label="When you're usually free"
        hint="For example: Tuesdays 14:00–15:00 UK time."
        errors={fields.availability.errors}
        inputProps={{ ...getInputProps(fields.availability, { type: "text" }), maxLength: AVAILABILITY_MAX, autoComplete: "off" }}
      />
      <div className="row">
        <Button type="submit" pending={pending}>
          {loaded.isNew ? "Become a mentor" : "Save your profile"}
        </Button>
        <Link to="/mentoring">Cancel</Link>
      </div>
    </IntentForm>
  );
}

export default function MentorProfilePage() {
  const { ineligible, form } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <PageHeader
        title={form && !form.isNew ? "Your mentor profile" : "Become a mentor"}
        description="Mentees see this when they look for a mentor. Your time zone and work mode are saved to your own profile too."
        actions={<Link to="/mentoring">Back to mentoring</Link>}
      />
      {ineligible || !form ? (
        <Alert tone="info">{ineligible}</Alert>
      ) : (
        <Card>
          {form.paused ? (
            <Alert tone="warning">You're paused. Saving keeps you paused; resume from the mentoring page when you're ready.</Alert>
          ) : null}
          <MentorProfileForm form={form} />
        </Card>
      )}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Mentor profile · Mentoring · Frontline" }];
