import { getSelectProps, getTextareaProps } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { z } from "zod";
import { IntentForm, useFormReply, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button } from "../ui/button.tsx";
import { SelectField, TextareaField, type Option } from "../ui/field.tsx";

// One schema per form, shared by the browser (instant messages) and the action (the authority).

const IdField = z.string().min(1).max(100);
const LevelField = z
  .number({ required_error: "Choose a level", invalid_type_error: "Choose a level" })
  .int("Choose one of this criterion's levels")
  .min(0, "Choose one of this criterion's levels")
  .max(4, "Choose one of this criterion's levels");

const REASON_MAX = 500;
const reasonField = (missing: string) =>
  z
    .string({ required_error: missing })
    .trim()
    .min(5, "Write at least 5 characters, so the agent can follow your reasoning")
    .max(REASON_MAX, `Keep the reason under ${REASON_MAX} characters`);

export const OverrideSchema = z.object({
  criterionId: IdField,
  level: LevelField,
  reason: reasonField("Say why you are changing the level: the agent reads this"),
});

const COMMENT_MAX = 2000;
export const CommentSchema = z.object({
  turnIndex: z
    .number({ invalid_type_error: "Choose a turn" })
    .int("Choose a turn")
    .min(0, "Choose a turn")
    .max(1000, "Choose a turn")
    .optional(),
  body: z
    .string({ required_error: "Write a comment" })
    .trim()
    .min(1, "Write a comment")
    .max(COMMENT_MAX, `Keep the comment under ${COMMENT_MAX.toLocaleString("en")} characters`),
});

const DISPUTE_MAX = 1000;
export const DisputeSchema = z.object({
  criterionId: IdField,
  comment: z
    .string({ required_error: "Explain what the grader missed" })
    .trim()
    .min(5, "Write at least 5 characters, so your lead knows what to look at")
    .max(DISPUTE_MAX, `Keep the comment under ${DISPUTE_MAX.toLocaleString("en")} characters`),
});

export const AcceptDisputeSchema = z.object({
  disputeId: IdField,
  level: LevelField,
  reason: reasonField("Say why the new level is right: the agent reads this"),
});

export const RejectDisputeSchema = z.object({
  disputeId: IdField,
  reason: reasonField("Say why the level stays: the agent reads this"),
});

/** Intents only a reviewer may send. */
export const REVIEW_INTENTS = ["override", "comment", "mark-reviewed", "accept-dispute", "reject-dispute"] as const;
/** Intents only the agent whose conversation it is may send about its review. */
export const OWNER_INTENTS = ["acknowledge", "dispute"] as const;

// A grade report has one form per criterion and per dispute: element ids must stay unique and valid.
const formId = (intent: string, subject: string) => `${intent}-${subject.replace(/[^a-zA-Z0-9-]/g, "-")}`;

const levelOptions = (choices: { level: number; label: string }[]): Option[] =>
  choices.map((choice) => ({ value: String(choice.level), label: `${choice.label} (${choice.level})` }));

export function OverrideForm({
  criterion,
  choices,
}: {
  criterion: { id: string; title: string };
  choices: { level: number; label: string }[];
}) {
  const values = { criterionId: criterion.id };
  const [form, fields] = useIntentForm({ id: formId("override", criterion.id), intent: "override", schema: OverrideSchema, values });
  const pending = useIsPending({ intent: "override", values });
  // Opened by the server's refusal only: closing it while the person types a valid reason would hide the button.
  const refused = useFormReply("override", undefined, values);
  return (
    <details className="review-tool" open={refused ? true : undefined}>
      <summary>
        Override the level<span className="visually-hidden"> of {criterion.title}</span>
      </summary>
      <IntentForm form={form} intent="override" className="form review-form">
        <input type="hidden" name="criterionId" value={criterion.id} />
        <SelectField
          label="New level"
          errors={fields.level.errors}
          options={levelOptions(choices)}
          placeholder="Choose a level"
          selectProps={getSelectProps(fields.level)}
        />
        <TextareaField
          label="Reason"
          hint="The agent sees the automatic level, your level and this reason. It is also kept in the audit log."
          errors={fields.reason.errors}
          textareaProps={{ ...getTextareaProps(fields.reason), maxLength: REASON_MAX }}
        />
        <div>
          <Button type="submit" size="small" pending={pending}>
            Save override
          </Button>
        </div>
      </IntentForm>
    </details>
  );
}

/** The one dispute form on the page, opened from the criterion being disputed. */
export function DisputeForm({ criterion, cancelTo }: { criterion: { id: string; title: string }; cancelTo: string }) {
  const values = { criterionId: criterion.id };
  const [form, fields] = useIntentForm({ id: formId("dispute", criterion.id), intent: "dispute", schema: DisputeSchema, values });
  const pending = useIsPending({ intent: "dispute", values });
  return (
    <div className="review-tool dispute-form" id={`dispute-${criterion.id}`}>
      <IntentForm form={form} intent="dispute" className="form review-form" label={`Dispute the level of ${criterion.title}`}>
        <p className="review-form__title">Dispute the level of {criterion.title}</p>
        <input type="hidden" name="criterionId" value={criterion.id} />
        <TextareaField
          label="What did the grader miss?"
          hint="Point to the turn and the words that show it. Your lead answers, and you'll get a notification."
          errors={fields.comment.errors}
          textareaProps={{ ...getTextareaProps(fields.comment), maxLength: DISPUTE_MAX }}
        />
        <div className="row">
          <Button type="submit" size="small" pending={pending}>
            Send dispute
          </Button>
          <Link to={cancelTo} preventScrollReset>
            Cancel
          </Link>
        </div>
      </IntentForm>
    </div>
  );
}

export function ResolveDisputeForms({
  dispute,
  choices,
}: {
  dispute: { id: string; criterionTitle: string };
  choices: { level: number; label: string }[];
}) {
  const values = { disputeId: dispute.id };
  const [acceptForm, acceptFields] = useIntentForm({
    id: formId("accept-dispute", dispute.id),
    intent: "accept-dispute",
    schema: AcceptDisputeSchema,
    values,
  });
  const [rejectForm, rejectFields] = useIntentForm({
    id: formId("reject-dispute", dispute.id),
    intent: "reject-dispute",
    schema: RejectDisputeSchema,
    values,
  });
  const accepting = useIsPending({ intent: "accept-dispute", values });
  const rejecting = useIsPending({ intent: "reject-dispute", values });
  return (
    <div className="dispute-answer">
      <IntentForm
        form={acceptForm}
        intent="accept-dispute"
        className="form review-form"
        label={`Accept the dispute of ${dispute.criterionTitle}`}
      >
        <p className="review-form__title">Accept: change the level</p>
        <input type="hidden" name="disputeId" value={dispute.id} />
        <SelectField
          label="New level"
          errors={acceptFields.level.errors}
          options={levelOptions(choices)}
          placeholder="Choose a level"
          selectProps={getSelectProps(acceptFields.level)}
        />
        <TextareaField
          label="Reason"
          errors={acceptFields.reason.errors}
          textareaProps={{ ...getTextareaProps(acceptFields.reason), maxLength: REASON_MAX }}
        />
        <div>
          <Button type="submit" size="small" pending={accepting}>
            Accept and change the level
          </Button>
        </div>
      </IntentForm>
      <IntentForm
        form={rejectForm}
        intent="reject-dispute"
        className="form review-form"
        label={`Reject the dispute of ${dispute.criterionTitle}`}
      >
        <p className="review-form__title">Reject: keep the level</p>
        <input type="hidden" name="disputeId" value={dispute.id} />
        <TextareaField
          label="Reason"
          errors={rejectFields.reason.errors}
          textareaProps={{ ...getTextareaProps(rejectFields.reason), maxLength: REASON_MAX }}
        />
        <div>
          <Button type="submit" size="small" variant="secondary" pending={rejecting}>
            Reject the dispute
          </Button>
        </div>
      </IntentForm>
    </div>
  );
}

export function CommentForm({ turns }: { turns: Option[] }) {
  const [form, fields] = useIntentForm({ id: "comment", intent: "comment", schema: CommentSchema });
  const pending = useIsPending({ intent: "comment" });
  return (
    <IntentForm form={form} intent="comment" className="form review-form" label="Add a comment">
      <h3>Add a comment</h3>
      <SelectField
        label="About"
        hint="A comment on a turn appears under it in the conversation."
        errors={fields.turnIndex.errors}
        options={turns}
        placeholder="The whole conversation"
        selectProps={getSelectProps(fields.turnIndex)}
      />
      <TextareaField
        label="Comment"
        errors={fields.body.errors}
        textareaProps={{ ...getTextareaProps(fields.body), maxLength: COMMENT_MAX, rows: 4 }}
      />
      <div>
        <Button type="submit" variant="secondary" pending={pending}>
          Add comment
        </Button>
      </div>
    </IntentForm>
  );
}
