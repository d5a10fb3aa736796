import { getSelectProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import type { TFunction } from "i18next";
import { Trans, useTranslation } from "react-i18next";
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
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
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
      if (result.status === "not-found") notFound(message("mentoring:request.nothingToWithdraw"));
      return redirectWithNotice("/mentoring", "request-withdrawn");
    },
  });
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

function focusHint(t: TFunction, suggested: string[] | null): string {
  if (!suggested) return t("mentoring:request.focusHint.plain", { max: FOCUS_MAX });
  if (suggested.length === 0) return t("mentoring:request.focusHint.noGap", { max: FOCUS_MAX });
  return t("mentoring:request.focusHint.ticked", { max: FOCUS_MAX, list: suggested.join(t("mentoring:listSeparator")) });
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
        label={t("mentoring:request.goalsLabel")}
        hint={t("mentoring:request.goalsHint")}
        errors={fields.goals.errors}
        textareaProps={{ ...getTextareaProps(fields.goals), rows: 5, maxLength: GOALS_MAX }}
      />
      <SelectField
        label={t("mentoring:request.targetLabel")}
        hint={t("mentoring:request.targetHint", { level: t(LEVEL_LABELS[loaded.currentLevel]) })}
        errors={fields.targetLevel.errors}
        options={loaded.levels.map((level) => ({ ...level, label: t(level.label) }))}
        placeholder={t("mentoring:request.targetPlaceholder")}
        selectProps={getSelectProps(fields.targetLevel)}
      />
      <CheckboxGroup
        meta={fields.focus}
        legend={t("mentoring:request.focusLegend")}
        hint={focusHint(t, loaded.suggested)}
        options={loaded.competencies}
        columns
      />
      <TextareaField
        label={t("mentoring:request.preferencesLabel")}
        hint={t("mentoring:request.preferencesHint")}
        errors={fields.preferences.errors}
        textareaProps={{ ...getTextareaProps(fields.preferences), maxLength: PREFERENCES_MAX }}
      />
      <div className="row">
        <Button type="submit" pending={pending}>
          {loaded.mentor ? t("mentoring:request.saveGoals") : t("mentoring:request.saveAndSee")}
        </Button>
        <Link to="/mentoring">{t("common:actions.cancel")}</Link>
      </div>
    </IntentForm>
  );
}

function WithdrawRequest() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  if (searchParams.get("confirm") !== "withdraw") {
    return (
      <p>
        <Link to="?confirm=withdraw">{t("mentoring:request.withdraw.link")}</Link>
      </p>
    );
  }
  return (
    <div role="alertdialog" aria-labelledby="confirm-withdraw-title" className="alert alert--warning">
      <h3 id="confirm-withdraw-title">{t("mentoring:request.withdraw.title")}</h3>
      <p>{t("mentoring:request.withdraw.body")}</p>
      <div className="row">
        <ActionButton intent="withdraw" variant="danger">
          {t("mentoring:request.withdraw.confirm")}
        </ActionButton>
        <Link to="/mentoring/request" className={buttonClassName("secondary")}>
          {t("mentoring:request.withdraw.keep")}
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
        title={loaded.open || loaded.mentor ? t("mentoring:request.titleOpen") : t("mentoring:request.titleNew")}
        description={t("mentoring:request.description")}
        actions={<Link to="/mentoring">{t("mentoring:back")}</Link>}
      />
      {loaded.mentor ? <Alert tone="info">{t("mentoring:request.hasMentor", { mentor: loaded.mentor })}</Alert> : null}
      {loaded.levels.length === 0 ? (
        <Alert tone="info">
          <Trans
            i18nKey="mentoring:request.topOfLadder"
            values={{ level: t(LEVEL_LABELS[loaded.currentLevel]) }}
            components={{ anchor: <Link to="/mentoring/profile" /> }}
          />
        </Alert>
      ) : (
        <Card>
          <MenteeRequestForm loaded={loaded} />
        </Card>
      )}
      {loaded.open ? (
        <Card title={t("mentoring:request.withdraw.cardTitle")}>
          <WithdrawRequest />
        </Card>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "mentoring:request.pageTitle") }];
