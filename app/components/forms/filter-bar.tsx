import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "../ui/button.tsx";
import { Field, SelectField, type Option } from "../ui/field.tsx";

export type FilterControl =
  | { kind: "search"; name: string; label: string; placeholder?: string }
  | { kind: "date"; name: string; label: string }
  /** `any` labels the empty choice (no filter); without it one of the options is always chosen. */
  | { kind: "select"; name: string; label: string; options: Option[]; any?: string; defaultValue?: string };

type FilterValues = Record<string, string | number | undefined | null>;

const defaultOf = (control: FilterControl) => (control.kind === "select" ? (control.defaultValue ?? "") : "");
const valueOf = (control: FilterControl, values: FilterValues) => String(values[control.name] ?? defaultOf(control));

/** Whether any control differs from the page's default: for "no matches" messages and "Clear filters". */
export function isFiltered(controls: FilterControl[], values: FilterValues): boolean {
  return controls.some((control) => valueOf(control, values) !== defaultOf(control));
}

/**
 * The one filter bar: a GET form of search boxes, dates and selects whose values live in
 * the page's address, so a filtered list can be bookmarked and works without JavaScript.
 * "Clear filters" shows once anything differs from the page's defaults.
 */
export function FilterBar({
  label,
  idPrefix,
  controls,
  values,
  clearTo,
  hidden = {},
}: {
  /** What is being filtered, for assistive technology: "Filter people". */
  label: string;
  idPrefix: string;
  controls: FilterControl[];
  /** The values the page's query schema parsed; a missing one shows the control's default. */
  values: FilterValues;
  /** The page without any filter. */
  clearTo: string;
  /** Values carried along unchanged (e.g. the record an audit view is about). */
  hidden?: Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="form form--inline" role="search" aria-label={label}>
      {controls.map((control) => {
        const id = `${idPrefix}-${control.name}`;
        if (control.kind === "select") {
          return (
            <SelectField
              key={control.name}
              label={control.label}
              options={control.options}
              placeholder={control.any}
              selectProps={{ id, name: control.name, defaultValue: valueOf(control, values) }}
            />
          );
        }
        return (
          <Field
            key={control.name}
            label={control.label}
            inputProps={{
              id,
              name: control.name,
              type: control.kind,
              defaultValue: valueOf(control, values),
              placeholder: control.kind === "search" ? control.placeholder : undefined,
            }}
          />
        );
      })}
      {Object.entries(hidden).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <Button type="submit" variant="secondary">
        {t("common:filters.apply")}
      </Button>
      {isFiltered(controls, values) || Object.values(hidden).some(Boolean) ? <Link to={clearTo}>{t("common:filters.clear")}</Link> : null}
    </Form>
  );
}
