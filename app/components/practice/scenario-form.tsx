import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { Fragment, useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CHANNELS, DIFFICULTIES, TEMPERAMENTS } from "~/content/practice-schemas.ts";
import { LINE_KEYS, SCENARIO_FORM_MESSAGES, ScenarioFormSchema, type scenarioFormDefaults } from "~/domain/scenario-form.ts";
import { CheckboxGroup, type ChoiceOption } from "../forms/choice-group.tsx";
import { IntentForm, useIntentForm } from "../forms/intent-form.tsx";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button } from "../ui/button.tsx";
import { Field, FieldErrors, SelectField, TextareaField } from "../ui/field.tsx";
import { Alert } from "../ui/layout.tsx";

/** Empty rows after the drafted ones: filling one adds a fact or an offer, clearing one removes it. */
const SPARE_ROWS = 1;

/** The lines with a rule of their own to explain. */
const LINE_HINTS: Partial<Record<(typeof LINE_KEYS)[number], `practice:${string}`>> = {
  opening: "practice:draft.lineHints.opening",
  accepted: "practice:draft.lineHints.accepted",
  confirmTime: "practice:draft.lineHints.confirmTime",
};

type Defaults = ReturnType<typeof scenarioFormDefaults>;

function Checkbox({ meta, children }: { meta: FieldMetadata<boolean | undefined>; children: ReactNode }) {
  return (
    <label className="choice-option">
      <input {...getInputProps(meta, { type: "checkbox" })} />
      <span>{children}</span>
    </label>
  );
}

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="scenario-form__section">
      <legend>{title}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

/** Every field of a scenario file, lists one item per line. */
export type ScenarioFile = { fileName: string; yaml: string };

/**
 * The file the form's Download button asked for: fetched for the browser to save at once, and
 * kept as a link, which also works without JavaScript.
 */
function DownloadReady({ file }: { file: ScenarioFile }) {
  const { t } = useTranslation();
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => link.current?.click(), [file]);
  return (
    <Alert tone="success">
      {t("practice:draft.downloadReady")}{" "}
      <a ref={link} href={`data:application/yaml;charset=utf-8,${encodeURIComponent(file.yaml)}`} download={file.fileName}>
        {file.fileName}
      </a>
    </Alert>
  );
}

export function ScenarioForm({
  defaultValue,
  competencies,
  file,
}: {
  defaultValue: Defaults;
  competencies: ChoiceOption[];
  /** The YAML of the last download asked for. */
  file: ScenarioFile | null;
}) {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm({
    id: "scenario",
    intent: "scenario",
    schema: ScenarioFormSchema,
    messages: SCENARIO_FORM_MESSAGES,
    defaultValue: {
      ...defaultValue,
      facts: [...defaultValue.facts, ...Array.from({ length: SPARE_ROWS }, () => ({}))],
      policy: {
        ...defaultValue.policy,
        allowed: [...defaultValue.policy.allowed, ...Array.from({ length: SPARE_ROWS }, () => ({}))],
        forbidden: [...defaultValue.policy.forbidden, ...Array.from({ length: SPARE_ROWS }, () => ({}))],
      },
    },
  });
  const pending = useIsPending({ intent: "scenario" });
  const persona = fields.persona.getFieldset();
  const par = fields.par.getFieldset();
  const policy = fields.policy.getFieldset();
  const lines = fields.lines.getFieldset();
  const text = (meta: FieldMetadata<string | undefined>, label: string, hint?: string) => (
    <Field label={label} hint={hint} errors={meta.errors} inputProps={{ ...getInputProps(meta, { type: "text" }), autoComplete: "off" }} />
  );
  const number = (meta: FieldMetadata<number | undefined>, label: string, hint?: string) => (
    <Field label={label} hint={hint} errors={meta.errors} inputProps={getInputProps(meta, { type: "number" })} />
  );
  const list = (meta: FieldMetadata<string | undefined>, label: string, hint?: string, rows = 3) => (
    <TextareaField label={label} hint={hint} errors={meta.errors} textareaProps={{ ...getTextareaProps(meta), rows }} />
  );

  return (
    <IntentForm form={form} intent="scenario" className="form scenario-form" label={t("practice:draft.formLabel")}>
      <Section title={t("practice:draft.sections.about")}>
        {text(fields.slug, t("practice:draft.fields.slug"), t("practice:draft.hints.slug"))}
        {text(fields.title, t("practice:draft.fields.title"))}
        {list(fields.summary, t("practice:draft.fields.summary"), t("practice:draft.hints.summary"), 2)}
        <SelectField
          label={t("practice:draft.fields.channel")}
          errors={fields.channel.errors}
          options={CHANNELS.map((channel) => ({ value: channel, label: t(`practice:channel.${channel}`) }))}
          selectProps={getSelectProps(fields.channel)}
        />
        <SelectField
          label={t("practice:draft.fields.difficulty")}
          errors={fields.difficulty.errors}
          options={DIFFICULTIES.map((difficulty) => ({ value: difficulty, label: t(`practice:difficulty.${difficulty}`) }))}
          selectProps={getSelectProps(fields.difficulty)}
        />
        <CheckboxGroup meta={fields.competencies} legend={t("practice:draft.fields.competencies")} options={competencies} columns />
        {number(fields.passScore, t("practice:draft.fields.passScore"))}
        {number(par.turns, t("practice:draft.fields.parTurns"), t("practice:draft.hints.parTurns"))}
        {number(par.replySeconds, t("practice:draft.fields.parReplySeconds"), t("practice:draft.hints.parReplySeconds"))}
      </Section>

      <Section title={t("practice:draft.sections.customer")}>
        {text(persona.name, t("practice:draft.fields.personaName"), t("practice:draft.hints.personaName"))}
        <SelectField
          label={t("practice:draft.fields.temperament")}
          hint={t("practice:draft.hints.temperament")}
          errors={persona.temperament.errors}
          options={TEMPERAMENTS.map((temperament) => ({ value: temperament, label: t(`practice:draft.temperament.${temperament}`) }))}
          selectProps={getSelectProps(persona.temperament)}
        />
        {number(persona.patience, t("practice:draft.fields.patience"), t("practice:draft.hints.patience"))}
        <Checkbox meta={persona.showMood}>{t("practice:draft.fields.showMood")}</Checkbox>
      </Section>

      <Section title={t("practice:draft.sections.case")}>
        {list(fields.brief, t("practice:draft.fields.brief"), t("practice:draft.hints.brief"), 5)}
        {list(fields.goals, t("practice:draft.fields.goals"), t("practice:draft.hints.perLine"), 4)}
        {list(fields.jargon, t("practice:draft.fields.jargon"), t("practice:draft.hints.jargon"), 2)}
      </Section>

      <Section title={t("practice:draft.sections.facts")} hint={t("practice:draft.hints.facts")}>
        {fields.facts.getFieldList().map((row, index) => {
          const fact = row.getFieldset();
          return (
            <fieldset key={row.key} className="scenario-form__row">
              <legend>{t("practice:draft.factNumber", { number: index + 1 })}</legend>
              {text(fact.id, t("practice:draft.fields.id"))}
              {text(fact.description, t("practice:draft.fields.factDescription"))}
              {list(fact.ask, t("practice:draft.fields.ask"), t("practice:draft.hints.ask"))}
              {list(fact.answer, t("practice:draft.fields.answer"), undefined, 2)}
              <Checkbox meta={fact.required}>{t("practice:draft.fields.required")}</Checkbox>
            </fieldset>
          );
        })}
      </Section>

      <Section title={t("practice:draft.sections.allowed")} hint={t("practice:draft.hints.allowed")}>
        <FieldErrors id={policy.allowed.errorId} errors={policy.allowed.errors} />
        {policy.allowed.getFieldList().map((row, index) => {
          const offer = row.getFieldset();
          return (
            <fieldset key={row.key} className="scenario-form__row">
              <legend>{t("practice:draft.offerNumber", { number: index + 1 })}</legend>
              {text(offer.id, t("practice:draft.fields.id"))}
              {text(offer.description, t("practice:draft.fields.offerDescription"))}
              {list(offer.match, t("practice:draft.fields.match"), t("practice:draft.hints.match"))}
              {text(offer.heard, t("practice:draft.fields.heard"), t("practice:draft.hints.heard"))}
              <Checkbox meta={offer.resolves}>{t("practice:draft.fields.resolves")}</Checkbox>
            </fieldset>
          );
        })}
        <Checkbox meta={policy.escalationAllowed}>{t("practice:draft.fields.escalationAllowed")}</Checkbox>
      </Section>

      <Section title={t("practice:draft.sections.forbidden")} hint={t("practice:draft.hints.forbidden")}>
        {policy.forbidden.getFieldList().map((row, index) => {
          const offer = row.getFieldset();
          return (
            <fieldset key={row.key} className="scenario-form__row">
              <legend>{t("practice:draft.forbiddenNumber", { number: index + 1 })}</legend>
              {text(offer.id, t("practice:draft.fields.id"))}
              {text(offer.description, t("practice:draft.fields.offerDescription"))}
              {list(offer.match, t("practice:draft.fields.match"), t("practice:draft.hints.match"))}
              {list(offer.reason, t("practice:draft.fields.reason"), undefined, 2)}
              {list(offer.pushback, t("practice:draft.fields.pushback"), t("practice:draft.hints.perLine"))}
            </fieldset>
          );
        })}
      </Section>

      <Section title={t("practice:draft.sections.lines")} hint={t("practice:draft.hints.lines")}>
        {LINE_KEYS.map((key) => (
          <Fragment key={key}>{list(lines[key], t(`practice:draft.lines.${key}`), LINE_HINTS[key] && t(LINE_HINTS[key]))}</Fragment>
        ))}
      </Section>

      {file ? <DownloadReady file={file} /> : null}
      <div className="row">
        <Button type="submit" name="then" value="save" pending={pending}>
          {t("practice:draft.save")}
        </Button>
        <Button type="submit" name="then" value="download" variant="secondary">
          {t("practice:draft.download")}
        </Button>
      </div>
    </IntentForm>
  );
}
