import { getMDXComponent } from "mdx-bundler/client/index.js";
import * as React from "react";
import * as jsxRuntime from "react/jsx-runtime";
import * as ReactDOM from "react-dom";
import { useTranslation } from "react-i18next";
import { moduleScriptUrl, registeredModule } from "~/content/module-script.ts";
import { Callout, Checklist, KeyTakeaways } from "./blocks.tsx";
import { Choice, Question, Quiz } from "./quiz.tsx";
import { Reflection } from "./reflection.tsx";
import { ScenarioLink } from "./scenario-link.tsx";

/** The one map of components modules may use (docs/content-authoring.md). */
const components = { Callout, Checklist, KeyTakeaways, Reflection, Quiz, Question, Choice, ScenarioLink };

/**
 * Renders a compiled module. The server evaluates the code; the browser uses the
 * factory registered by the module's static script, which the HTML loads before
 * hydration (or the route's clientLoader loads after a client-side navigation).
 */
export function ModuleBody({ code, hash }: { code: string; hash: string }) {
  const { t } = useTranslation();
  const Component = React.useMemo(
    () => (typeof document === "undefined" ? getMDXComponent(code) : registeredModule(hash, React, ReactDOM, jsxRuntime)),
    [code, hash],
  );
  return (
    <>
      <script src={moduleScriptUrl(hash)} />
      {Component ? <Component components={components} /> : <p role="alert">{t("learn:module.displayError")}</p>}
    </>
  );
}
