import { getFormProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Button } from "../ui/button.tsx";
import { FormErrors, SelectField, TextareaField, type Option } from "../ui/field.tsx";

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

export const REVIEW_INTENTS = ["override", "comment", "mark-reviewed", "accept-dispute", "reject-dispute"] as const;
export const OWNER_INTENTS = ["acknowledge", "dispute"] as const;

/** Names one form on the attempt page, so a 400 goes back to the form that sent it. */
export function reviewFormId(intent: string, subject = ""): string {
  return subject ? `${intent}-${subject.replace(/[^a-zA-Z0-9-]/g, "-")}` : intent;
}

type Result = SubmissionResult<string[]> | undefined;

function useSubmitting(intent: string, field: string, subject: string) {
  const navigation = useNavigation();
  return navigation.state === "submitting" && navigation.formData?.get("intent") === intent && navigation.formData.get(field) === subject;
}

const levelOptions = (choices: { level: number; label: string }[]): Option[] =>
  choices.map((choice) => ({ value: String(choice.level), label: `${choice.label} (${choice.level})` }));

export function OverrideForm({
  criterion,
  choices,
  lastResult,
}: {
  criterion: { id: string; title: string };
  choices: { level: number; label: string }[];
  lastResult: Result;
}) {
  const [form, fields] = useForm({
    id: reviewFormId("override", criterion.id),
    lastResult,
    constraint: getZodConstraint(OverrideSchema),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OverrideSchema }),
  });
  const submitting = useSubmitting("override", "criterionId", criterion.id);
  return (
    <details className="review-tool" open={lastResult ? true : undefined}>
      <summary>
        Override the level<span className="visually-hidden"> of {criterion.title}</span>
      </summary>
      <Form method="post" className="form review-form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="override" />
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
          <Button type="submit" size="small" pending={submitting}>
            Save override
          </Button>
        </div>
      </Form>
    </details>
  );
}

export function DisputeForm({ criterion, lastResult }: { criterion: { id: string; title: string }; lastResult: Result }) {
  const [form, fields] = useForm({
    id: reviewFormId("dispute", criterion.id),
    lastResult,
    constraint: getZodConstraint(DisputeSchema),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DisputeSchema }),
  });
  const submitting = useSubmitting("dispute", "criterionId", criterion.id);
  return (
    <details className="review-tool" open={lastResult ? true : undefined}>
      <summary>
        Dispute this level<span className="visually-hidden"> of {criterion.title}</span>
      </summary>
      <Form method="post" className="form review-form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="dispute" />
        <input type="hidden" name="criterionId" value={criterion.id} />
        <TextareaField
          label="What did the grader miss?"
          hint="Point to the turn and the words that show it. Your lead answers, and you'll get a notification."
          errors={fields.comment.errors}
          textareaProps={{ ...getTextareaProps(fields.comment), maxLength: DISPUTE_MAX }}
        />
        <div>
          <Button type="submit" size="small" variant="secondary" pending={submitting}>
            Send dispute
          </Button>
        </div>
      </Form>
    </details>
  );
}

export function ResolveDisputeForms({
  dispute,
  choices,
  acceptResult,
  rejectResult,
}: {
  dispute: { id: string; criterionTitle: string };
  choices: { level: number; label: string }[];
  acceptResult: Result;
  rejectResult: Result;
}) {
  const [acceptForm, acceptFields] = useForm({
    id: reviewFormId("accept-dispute", dispute.id),
    lastResult: acceptResult,
    constraint: getZodConstraint(AcceptDisputeSchema),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AcceptDisputeSchema }),
  });
  const [rejectForm, rejectFields] = useForm({
    id: reviewFormId("reject-dispute", dispute.id),
    lastResult: rejectResult,
    constraint: getZodConstraint(RejectDisputeSchema),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RejectDisputeSchema }),
  });
  const accepting = useSubmitting("accept-dispute", "disputeId", dispute.id);
  const rejecting = useSubmitting("reject-dispute", "disputeId", dispute.id);
  return (
    <div className="dispute-answer">
      <Form
        method="post"
        className="form review-form"
        aria-label={`Accept the dispute of ${dispute.criterionTitle}`}
        {...getFormProps(acceptForm)}
      >
        <p className="review-form__title">Accept: change the level</p>
        <FormErrors id={acceptForm.errorId} errors={acceptForm.errors} />
        <input type="hidden" name="intent" value="accept-dispute" />
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
      </Form>
      <Form
        method="post"
        className="form review-form"
        aria-label={`Reject the dispute of ${dispute.criterionTitle}`}
        {...getFormProps(rejectForm)}
      >
        <p className="review-form__title">Reject: keep the level</p>
        <FormErrors id={rejectForm.errorId} errors={rejectForm.errors} />
        <input type="hidden" name="intent" value="reject-dispute" />
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
      </Form>
    </div>
  );
}

export function CommentForm({ turns, lastResult }: { turns: Option[]; lastResult: Result }) {
  const [form, fields] = useForm({
    id: reviewFormId("comment"),
    lastResult,
    constraint: getZodConstraint(CommentSchema),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CommentSchema }),
  });
  const navigation = useNavigation();
  return (
    <Form method="post" className="form review-form" aria-labelledby="comment-form-title" {...getFormProps(form)}>
      <h3 id="comment-form-title">Add a comment</h3>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="comment" />
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
        <Button
          type="submit"
          variant="secondary"
          pending={navigation.state === "submitting" && navigation.formData?.get("intent") === "comment"}
        >
          Add comment
        </Button>
      </div>
    </Form>
  );
}
