// One set of rules for the whole tree (ADR 010): the Remix template's React, hooks, accessibility
// and TypeScript rules, plus import order and no import cycles. Prettier owns formatting.
import fs from "node:fs";
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import i18next from "eslint-plugin-i18next";
import importX from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "public/build/", "app/generated/", "node_modules/", "test-results/", "playwright-report/", "tests/.*/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "import-x": importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "tsconfig.json" })],
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
      "import-x/no-cycle": "error",
      "import-x/no-duplicates": ["error", { "prefer-inline": true }],
      "import-x/no-self-import": "error",
      "import-x/order": [
        "error",
        {
          groups: ["builtin", "external", "internal", "parent", "sibling", "index"],
          pathGroups: [{ pattern: "~/**", group: "internal" }],
          alphabetize: { order: "asc", caseInsensitive: true },
        },
      ],
    },
  },
  {
    files: ["app/**/*.tsx"],
    ...react.configs.flat.recommended,
    ...react.configs.flat["jsx-runtime"],
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    settings: { react: { version: "detect" } },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat["jsx-runtime"].rules,
      // The two classic hook rules: the rest of the recommended set checks code for the React Compiler, which React 18 doesn't use.
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      ...jsxA11y.flatConfigs.recommended.rules,
      "react/prop-types": "off",
      // Apostrophes and quotes are safe in JSX text; only the characters that are usually a typo are flagged.
      "react/no-unescaped-entities": ["error", { forbid: [">", "}"] }],
    },
  },
  {
    // Every user-facing string goes through the message catalogs (locales/); see docs/translating.md.
    // locales/untranslated.json lists the pages not translated yet.
    files: ["app/routes/**/*.tsx", "app/components/**/*.tsx", "app/root.tsx"],
    ignores: JSON.parse(fs.readFileSync("locales/untranslated.json", "utf8")).files,
    plugins: { i18next },
    rules: {
      "i18next/no-literal-string": [
        "error",
        {
          mode: "jsx-only",
          "jsx-attributes": {
            include: [
              "^(label|title|aria-label|aria-description|placeholder|alt|hint|description|heading|caption|legend|summary|message|emptyText|confirm.*)$",
            ],
          },
          "object-properties": {
            exclude: [
              "^(role|type|autoComplete|method|action|variant|size|tone|name|id|inputMode|to|href|rel|target|kind|mode|intent|className|key|align|preventScrollReset|encType)$",
            ],
          },
          words: { exclude: ["[0-9!-/:-@[-`{-~·—–…←→↑↓✓✗×•\\s]+", "Frontline"] },
        },
      ],
    },
  },
  prettier,
);
