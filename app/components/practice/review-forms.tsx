import { getSelectProps, getTextareaProps } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { message } from "~/i18n/message.ts";
import { IntentForm, useFormReply, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button } from "../ui/button.tsx";
import { SelectField, TextareaField, type Option } from "../ui/field.tsx";

// One schema per form, shared by the browser (instant messages) and the action (the authority).

const IdField = z.string().min(1).max(100);
const LevelField = z
  .number({ required_error: message("practice:forms.chooseLevel"), invalid_type_error: message("practice:forms.chooseLevel") })
  .int(message("practice:forms.chooseCriterionLevel"))
  .min(0, message("practice:forms.chooseCriterionLevel"))
  .max(4, message("practice:forms.chooseCriterionLevel"));

const REASON_MAX = 500;
const reasonField = (missing: string) =>
  z
    .string({ required_error: missing })
    .trim()
    .min(5, message("practice:forms.reasonTooShort", { min: 5 }))
    .max(REASON_MAX, message("practice:forms.reasonTooLong", { max: REASON_MAX }));

export const OverrideSchema = z.object({
  criterionId: IdField,
  level: LevelField,
  reason: reasonField(message("practice:forms.overrideReasonMissing")),
});

const COMMENT_MAX = 2000;
export const CommentSchema = z.object({
  turnIndex: z
    .number({ invalid_type_error: message("practice:forms.chooseTurn") })
    .int(message("practice:forms.chooseTurn"))
    .min(0, message("practice:forms.chooseTurn"))
    .max(1000, message("practice:forms.chooseTurn"))
    .optional(),
  body: z
    .string({ required_error: message("practice:forms.commentMissing") })
    .trim()
    .min(1, message("practice:forms.commentMissing"))
    .max(COMMENT_MAX, message("practice:forms.commentTooLong", { max: COMMENT_MAX })),
});

const DISPUTE_MAX = 1000;
export const DisputeSchema = z.object({
  criterionId: IdField,
  comment: z
    .string({ required_error: message("practice:forms.disputeMissing") })
    .trim()
    .min(5, message("practice:forms.disputeTooShort", { min: 5 }))
    .max(DISPUTE_MAX, message("practice:forms.commentTooLong", { max: DISPUTE_MAX })),
});

export const AcceptDisputeSchema = z.object({
  disputeId: IdField,
  level: LevelField,
  reason: reasonField(message("practice:forms.acceptReasonMissing")),
});

export const RejectDisputeSchema = z.object({
  disputeId: IdField,
  reason: reasonField(message("practice:forms.rejectReasonMissing")),
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
  const { t } = useTranslation();
  const values = { criterionId: criterion.id };
  const [form, fields] = useIntentForm({ id: formId("override", criterion.id), intent: "override", schema: OverrideSchema, values });
  const pending = useIsPending({ intent: "override", values });
  // Opened by the server's refusal only: closing it while the person types a valid reason would hide the button.
  const refused = useFormReply("override", undefined, values);
  return (
    <details className="review-tool" open={refused ? true : undefined}>
      <summary>
        {t("practice:forms.override")}
        <span className="visually-hidden">{t("practice:forms.ofCriterion", { criterion: criterion.title })}</span>
      </summary>
      <IntentForm form={form} intent="override" className="form review-form">
        <input type="hidden" name="criterionId" value={criterion.id} />
        <SelectField
          label={t("practice:forms.newLevel")}
          errors={fields.level.errors}
          options={levelOptions(choices)}
          placeholder={t("practice:forms.chooseLevelPlaceholder")}
          selectProps={getSelectProps(fields.level)}
        />
        <TextareaField
          label={t("practice:forms.reason")}
          hint={t("practice:forms.overrideHint")}
          errors={fields.reason.errors}
          textareaProps={{ ...getTextareaProps(fields.reason), maxLength: REASON_MAX }}
        />
        <div>
          <Button type="submit" size="small" pending={pending}>
            {t("practice:forms.saveOverride")}
          </Button>
        </div>
      </IntentForm>
    </details>
  );
}

/** The one dispute form on the page, opened from the criterion being disputed. */
export function DisputeForm({ criterion, cancelTo }: { criterion: { id: string; title: string }; cancelTo: string }) {
  const { t } = useTranslation();
  const values = { criterionId: criterion.id };
  const [form, fields] = useIntentForm({ id: formId("dispute", criterion.id), intent: "dispute", schema: DisputeSchema, values });
  const pending = useIsPending({ intent: "dispute", values });
  return (
    <div className="review-tool dispute-form" id={`dispute-${criterion.id}`}>
      <IntentForm
        form={form}
        intent="dispute"
        className="form review-form"
        label={t("practice:forms.disputeTitle", { criterion: criterion.title })}
      >
        <p className="review-form__title">{t("practice:forms.disputeTitle", { criterion: criterion.title })}</p>
        <input type="hidden" name="criterionId" value={criterion.id} />
        <TextareaField
          label={t("practice:forms.disputeLabel")}
          hint={t("practice:forms.disputeHint")}
          errors={fields.comment.errors}
          textareaProps={{ ...getTextareaProps(fields.comment), maxLength: DISPUTE_MAX }}
        />
        <div className="row">
          <Button type="submit" size="small" pending={pending}>
            {t("practice:forms.sendDispute")}
          </Button>
          <Link to={cancelTo} preventScrollReset>
            {t("practice:forms.cancel")}
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
  const { t } = useTranslation();
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
        label={t("practice:forms.acceptLabel", { criterion: dispute.criterionTitle })}
      >
        <p className="review-form__title">{t("practice:forms.acceptTitle")}</p>
        <input type="hidden" name="disputeId" value={dispute.id} />
        <SelectField
          label={t("practice:forms.newLevel")}
          errors={acceptFields.level.errors}
          options={levelOptions(choices)}
          placeholder={t("practice:forms.chooseLevelPlaceholder")}
          selectProps={getSelectProps(acceptFields.level)}
        />
        <TextareaField
          label={t("practice:forms.reason")}
          errors={acceptFields.reason.errors}
          textareaProps={{ ...getTextareaProps(acceptFields.reason), maxLength: REASON_MAX }}
        />
        <div>
          <Button type="submit" size="small" pending={accepting}>
            {t("practice:forms.accept")}
          </Button>
        </div>
      </IntentForm>
      <IntentForm
        form={rejectForm}
        intent="reject-dispute"
        className="form review-form"
        label={t("practice:forms.rejectLabel", { criterion: dispute.criterionTitle })}
      >
        <p className="review-form__title">{t("practice:forms.rejectTitle")}</p>
        <input type="hidden" name="disputeId" value={dispute.id} />
        <TextareaField
          label={t("practice:forms.reason")}
          errors={rejectFields.reason.errors}
          textareaProps={{ ...getTextareaProps(rejectFields.reason), maxLength: REASON_MAX }}
        />
        <div>
          <Button type="submit" size="small" variant="secondary" pending={rejecting}>
            {t("practice:forms.reject")}
          </Button>
        </div>
      </IntentForm>
    </div>
  );
}

export function CommentForm({ turns }: { turns: Option[] }) {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm({ id: "comment", intent: "comment", schema: CommentSchema });
  const pending = useIsPending({ intent: "comment" });
  return (
    <IntentForm form={form} intent="comment" className="form review-form" label={t("practice:forms.addCommentTitle")}>
      <h3>{t("practice:forms.addCommentTitle")}</h3>
      <SelectField
        label={t("practice:forms.about")}
        hint={t("practice:forms.aboutHint")}
        errors={fields.turnIndex.errors}
        options={turns}
        placeholder={t("practice:forms.wholeConversation")}
        selectProps={getSelectProps(fields.turnIndex)}
      />
      <TextareaField
        label={t("practice:forms.comment")}
        errors={fields.body.errors}
        textareaProps={{ ...getTextareaProps(fields.body), maxLength: COMMENT_MAX, rows: 4 }}
      />
      <div>
        <Button type="submit" variant="secondary" pending={pending}>
          {t("practice:forms.addComment")}
        </Button>
      </div>
    </IntentForm>
  );
}
