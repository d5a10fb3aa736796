import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { CheckboxGroup } from "~/components/forms/choice-group.tsx";
import { IntentForm, useIntentForm } from "~/components/forms/intent-form.tsx";
import { useIsPending } from "~/components/forms/use-is-pending.ts";
import { Button } from "~/components/ui/button.tsx";
import { Field, SelectField, TextareaField } from "~/components/ui/field.tsx";
import { Alert, Card, PageHeader } from "~/components/ui/layout.tsx";
import { getMentoringContent } from "~/content/mentoring.server.ts";
import {
  AVAILABILITY_MAX,
  BIO_MAX,
  MENTOR_CAPACITY_MAX,
  MENTOR_CAPACITY_MIN,
  MENTOR_STRENGTHS_MAX,
  mentorProfileSchema,
} from "~/domain/mentoring.ts";
import { listTimeZones, WORK_MODE_LABELS, WORK_MODES } from "~/domain/people.ts";
import { mentorIneligibility } from "~/engine/access/mentoring.ts";
import { suggestedStrengths } from "~/engine/career/measured.ts";
import { translateMessage } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
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

function strengthsHint(t: TFunction, form: ProfileForm): string {
  const max = MENTOR_STRENGTHS_MAX;
  if (!form.suggested) return t("mentoring:profile.strengthsHint.plain", { max });
  if (form.suggested.length === 0) return t("mentoring:profile.strengthsHint.noStrength", { max });
  return t("mentoring:profile.strengthsHint.ticked", { max, list: form.suggested.join(t("mentoring:listSeparator")) });
}

function MentorProfileForm({ form: loaded }: { form: ProfileForm }) {
  const { t } = useTranslation();
  const schema = mentorProfileSchema(loaded.competencies.map((competency) => competency.value));
  const [form, fields] = useIntentForm({ id: "mentor-profile", intent: "save", schema, defaultValue: loaded.defaults });
  const pending = useIsPending({ intent: "save" });
  return (
    <IntentForm form={form} intent="save">
      <Field
        label={t("mentoring:profile.capacityLabel")}
        hint={t("mentoring:profile.capacityHint", { min: MENTOR_CAPACITY_MIN, max: MENTOR_CAPACITY_MAX })}
        errors={fields.capacity.errors}
        inputProps={getInputProps(fields.capacity, { type: "number" })}
      />
      <CheckboxGroup
        meta={fields.strengths}
        legend={t("mentoring:profile.strengthsLegend")}
        hint={strengthsHint(t, loaded)}
        options={loaded.competencies}
        columns
      />
      <TextareaField
        label={t("mentoring:profile.bioLabel")}
        hint={t("mentoring:profile.bioHint")}
        errors={fields.bio.errors}
        textareaProps={{ ...getTextareaProps(fields.bio), rows: 5, maxLength: BIO_MAX }}
      />
      <div className="form-grid">
        <SelectField
          label={t("mentoring:profile.timeZoneLabel")}
          hint={t("mentoring:profile.timeZoneHint")}
          errors={fields.timeZone.errors}
          options={loaded.timeZones.map((zone) => ({ value: zone, label: zone }))}
          placeholder={t("mentoring:profile.timeZonePlaceholder")}
          selectProps={getSelectProps(fields.timeZone)}
        />
        <SelectField
          label={t("mentoring:profile.workModeLabel")}
          hint={t("mentoring:profile.workModeHint")}
          errors={fields.workMode.errors}
          options={WORK_MODES.map((mode) => ({ value: mode, label: t(WORK_MODE_LABELS[mode]) }))}
          placeholder={t("mentoring:profile.workModePlaceholder")}
          selectProps={getSelectProps(fields.workMode)}
        />
      </div>
      <Field
        label={t("mentoring:profile.languagesLabel")}
        hint={t("mentoring:profile.languagesHint")}
        errors={fields.languages.errors}
        inputProps={{ ...getInputProps(fields.languages, { type: "text" }), autoComplete: "off" }}
      />
      <Field
        label={t("mentoring:profile.availabilityLabel")}
        hint={t("mentoring:profile.availabilityHint")}
        errors={fields.availability.errors}
        inputProps={{ ...getInputProps(fields.availability, { type: "text" }), maxLength: AVAILABILITY_MAX, autoComplete: "off" }}
      />
      <div className="row">
        <Button type="submit" pending={pending}>
          {loaded.isNew ? t("mentoring:profile.submitNew") : t("mentoring:profile.submitSave")}
        </Button>
        <Link to="/mentoring">{t("common:actions.cancel")}</Link>
      </div>
    </IntentForm>
  );
}

export default function MentorProfilePage() {
  const { t } = useTranslation();
  const { ineligible, form } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <PageHeader
        title={form && !form.isNew ? t("mentoring:profile.titleEdit") : t("mentoring:profile.titleNew")}
        description={t("mentoring:profile.description")}
        actions={<Link to="/mentoring">{t("mentoring:back")}</Link>}
      />
      {ineligible || !form ? (
        <Alert tone="info">{ineligible ? translateMessage(t, ineligible) : null}</Alert>
      ) : (
        <Card>
          {form.paused ? <Alert tone="warning">{t("mentoring:profile.paused")}</Alert> : null}
          <MentorProfileForm form={form} />
        </Card>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "mentoring:profile.pageTitle") }];
