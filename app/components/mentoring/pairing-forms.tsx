import { getInputProps, getTextareaProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import {
  DECLINE_REASON_MAX,
  DeclineSchema,
  END_FEEDBACK_MAX,
  EndPairingSchema,
  FIT_CHECK_LABELS,
  FIT_CHECKS,
  FitCheckAnswerSchema,
  MEETING_NOTES_MAX,
  MEETING_RATING_LABELS,
  MEETING_RATINGS,
  meetingSchema,
  type FitCheck,
} from "~/domain/mentoring.ts";
import { ActionButton } from "../forms/action-button.tsx";
import { RadioGroup } from "../forms/choice-group.tsx";
import { IntentForm, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button } from "../ui/button.tsx";
import { Field, TextareaField } from "../ui/field.tsx";
import { Card } from "../ui/layout.tsx";

/** The mentor's answer to a proposal: accept, or decline with a reason the mentee sees. */
export function RespondForms({ menteeName }: { menteeName: string }) {
  const [form, fields] = useIntentForm({ id: "decline", intent: "decline", schema: DeclineSchema });
  const declining = useIsPending({ intent: "decline" });
  const { t } = useTranslation();
  return (
    <Card title={t("mentoring:forms.respond.title")}>
      <p>{t("mentoring:forms.respond.intro", { mentee: menteeName })}</p>
      <ActionButton intent="accept">{t("mentoring:forms.respond.accept")}</ActionButton>
      <IntentForm form={form} intent="decline" className="form end-form">
        <TextareaField
          label={t("mentoring:forms.respond.reasonLabel")}
          hint={t("mentoring:forms.respond.reasonHint", { mentee: menteeName })}
          errors={fields.reason.errors}
          textareaProps={{ ...getTextareaProps(fields.reason), maxLength: DECLINE_REASON_MAX }}
        />
        <div className="row">
          <Button type="submit" variant="danger" pending={declining}>
            {t("mentoring:forms.respond.decline")}
          </Button>
        </div>
      </IntentForm>
    </Card>
  );
}

export function MeetingForm({ today }: { today: string }) {
  const [form, fields] = useIntentForm({
    id: "log-meeting",
    intent: "log-meeting",
    schema: meetingSchema(today),
    defaultValue: { heldOn: today },
  });
  const pending = useIsPending({ intent: "log-meeting" });
  const { t } = useTranslation();
  const ratingOptions = MEETING_RATINGS.map((rating) => ({ value: String(rating), label: t(MEETING_RATING_LABELS[rating]) }));
  return (
    <IntentForm form={form} intent="log-meeting">
      <Field
        label={t("mentoring:forms.meeting.dateLabel")}
        errors={fields.heldOn.errors}
        inputProps={{ ...getInputProps(fields.heldOn, { type: "date" }), max: today }}
      />
      <TextareaField
        label={t("mentoring:forms.meeting.notesLabel")}
        hint={t("mentoring:forms.meeting.notesHint")}
        errors={fields.notes.errors}
        textareaProps={{ ...getTextareaProps(fields.notes), rows: 4, maxLength: MEETING_NOTES_MAX }}
      />
      <RadioGroup meta={fields.rating} legend={t("mentoring:forms.meeting.ratingLegend")} options={ratingOptions} />
      <div className="row">
        <Button type="submit" pending={pending}>
          {t("mentoring:forms.meeting.submit")}
        </Button>
      </div>
    </IntentForm>
  );
}

export function FitCheckForm({ current }: { current: FitCheck | null }) {
  const [form, fields] = useIntentForm({
    id: "fit-check",
    intent: "fit-check",
    schema: FitCheckAnswerSchema,
    defaultValue: { fit: current ?? undefined },
  });
  const pending = useIsPending({ intent: "fit-check" });
  const { t } = useTranslation();
  const fitOptions = FIT_CHECKS.map((fit) => ({ value: fit, label: t(FIT_CHECK_LABELS[fit]) }));
  return (
    <IntentForm form={form} intent="fit-check">
      <RadioGroup meta={fields.fit} legend={t("mentoring:forms.fit.legend")} options={fitOptions} />
      <div className="row">
        <Button type="submit" variant="secondary" pending={pending}>
          {t("mentoring:forms.fit.submit")}
        </Button>
      </div>
    </IntentForm>
  );
}

/** Ending with feedback; the mentee's "find another" variant reopens their request for new suggestions. */
export function EndForm({ intent, submitLabel, hint }: { intent: "end" | "find-another"; submitLabel: string; hint: string }) {
  const [form, fields] = useIntentForm({ id: intent, intent, schema: EndPairingSchema });
  const pending = useIsPending({ intent });
  const { t } = useTranslation();
  return (
    <IntentForm form={form} intent={intent}>
      <TextareaField
        label={t("mentoring:forms.end.feedbackLabel")}
        hint={hint}
        errors={fields.feedback.errors}
        textareaProps={{ ...getTextareaProps(fields.feedback), maxLength: END_FEEDBACK_MAX }}
      />
      <div className="row">
        <Button type="submit" variant="danger" pending={pending}>
          {submitLabel}
        </Button>
      </div>
    </IntentForm>
  );
}
