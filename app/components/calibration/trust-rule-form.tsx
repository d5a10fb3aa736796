import { getInputProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { message } from "~/i18n/message.ts";
import { IntentForm, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button } from "../ui/button.tsx";
import { Field } from "../ui/field.tsx";

const KAPPA = message("calibration:trust.validation.kappa");
const JUDGED = message("calibration:trust.validation.judged");

export const trustRuleSchema = z.object({
  minKappa: z.number({ required_error: KAPPA, invalid_type_error: KAPPA }).min(0, KAPPA).max(1, KAPPA),
  minJudged: z.number({ required_error: JUDGED, invalid_type_error: JUDGED }).int(JUDGED).min(1, JUDGED).max(1000, JUDGED),
});

/** The organisation's bar for trusting an automatic criterion. */
export function TrustRuleForm({ rule }: { rule: z.infer<typeof trustRuleSchema> }) {
  const [form, fields] = useIntentForm({
    id: "trust-rule",
    intent: "rule",
    schema: trustRuleSchema,
    defaultValue: { minKappa: String(rule.minKappa), minJudged: String(rule.minJudged) },
  });
  const pending = useIsPending({ intent: "rule" });
  const { t } = useTranslation();
  return (
    <IntentForm form={form} intent="rule" className="form form--inline" label={t("calibration:trust.label")}>
      <Field
        label={t("calibration:trust.minKappa")}
        hint={t("calibration:trust.minKappaHint")}
        errors={fields.minKappa.errors}
        inputProps={{ ...getInputProps(fields.minKappa, { type: "number" }), step: "0.05", min: 0, max: 1 }}
      />
      <Field
        label={t("calibration:trust.minJudged")}
        hint={t("calibration:trust.minJudgedHint")}
        errors={fields.minJudged.errors}
        inputProps={{ ...getInputProps(fields.minJudged, { type: "number" }), min: 1, max: 1000 }}
      />
      <Button type="submit" variant="secondary" pending={pending}>
        {t("calibration:trust.save")}
      </Button>
    </IntentForm>
  );
}
