import { getInputProps } from "@conform-to/react";
import { z } from "zod";
import { IntentForm, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button } from "../ui/button.tsx";
import { Field } from "../ui/field.tsx";

const KAPPA = "Enter a kappa from 0 to 1, such as 0.4";
const JUDGED = "Enter a whole number from 1 to 1000";

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
  return (
    <IntentForm form={form} intent="rule" className="form form--inline" label="Trust rule">
      <Field
        label="Lowest kappa to trust"
        hint="Cohen's kappa between people and the grader. 0.4 is moderate agreement."
        errors={fields.minKappa.errors}
        inputProps={{ ...getInputProps(fields.minKappa, { type: "number" }), step: "0.05", min: 0, max: 1 }}
      />
      <Field
        label="Judged conversations needed"
        hint="Below this, there is too little evidence to judge the criterion either way."
        errors={fields.minJudged.errors}
        inputProps={{ ...getInputProps(fields.minJudged, { type: "number" }), min: 1, max: 1000 }}
      />
      <Button type="submit" variant="secondary" pending={pending}>
        Save the rule
      </Button>
    </IntentForm>
  );
}
