import { getInputProps, getTextareaProps } from "@conform-to/react";
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

const ratingOptions = MEETING_RATINGS.map((rating) => ({ value: String(rating), label: MEETING_RATING_LABELS[rating] }));
const fitOptions = FIT_CHECKS.map((fit) => ({ value: fit, label: FIT_CHECK_LABELS[fit] }));

/** The mentor's answer to a proposal: accept, or decline with a reason the mentee sees. */
export function RespondForms({ menteeName }: { menteeName: string }) {
  const [form, fields] = useIntentForm({ id: "decline", intent: "decline", schema: DeclineSchema });
  const declining = useIsPending({ intent: "decline" });
  return (
    <Card title="Your answer">
      <p>Accepting starts the mentoring and lets you both log meetings. Declining tells {menteeName} so they can choose someone else.</p>
      <ActionButton intent="accept">Accept and start mentoring</ActionButton>
      <IntentForm form={form} intent="decline" className="form end-form">
        <TextareaField
          label="Why you're declining"
          hint={`${menteeName} sees this. A sentence is enough, e.g. you're too busy this quarter.`}
          errors={fields.reason.errors}
          textareaProps={{ ...getTextareaProps(fields.reason), maxLength: DECLINE_REASON_MAX }}
        />
        <div className="row">
          <Button type="submit" variant="danger" pending={declining}>
            Decline
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
  return (
    <IntentForm form={form} intent="log-meeting">
      <Field
        label="Date of the meeting"
        errors={fields.heldOn.errors}
        inputProps={{ ...getInputProps(fields.heldOn, { type: "date" }), max: today }}
      />
      <TextareaField
        label="What you talked about"
        hint="Both of you can read these notes, and so can your leads."
        errors={fields.notes.errors}
        textareaProps={{ ...getTextareaProps(fields.notes), rows: 4, maxLength: MEETING_NOTES_MAX }}
      />
      <RadioGroup meta={fields.rating} legend="How useful was it?" options={ratingOptions} />
      <div className="row">
        <Button type="submit" pending={pending}>
          Log the meeting
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
  return (
    <IntentForm form={form} intent="fit-check">
      <RadioGroup meta={fields.fit} legend="Is this mentor a good fit for you?" options={fitOptions} />
      <div className="row">
        <Button type="submit" variant="secondary" pending={pending}>
          Save your answer
        </Button>
      </div>
    </IntentForm>
  );
}

/** Ending with feedback; the mentee's "find another" variant reopens their request for new suggestions. */
export function EndForm({ intent, submitLabel, hint }: { intent: "end" | "find-another"; submitLabel: string; hint: string }) {
  const [form, fields] = useIntentForm({ id: intent, intent, schema: EndPairingSchema });
  const pending = useIsPending({ intent });
  return (
    <IntentForm form={form} intent={intent}>
      <TextareaField
        label="Feedback"
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
