// Compiled modules reach the browser as static scripts that register a factory,
// so the client never evaluates a string of code (the Content-Security-Policy
// forbids eval). Server rendering evaluates the same code directly.
import type { ComponentType } from "react";

const REGISTRY = "__frontlineModules";

type MdxComponent = ComponentType<{ components?: Record<string, unknown> }>;
type ModuleFactory = (react: unknown, reactDom: unknown, jsxRuntime: unknown) => { default: MdxComponent };

export function moduleScriptUrl(hash: string): string {
  return `/build/content/${hash.slice(0, 20)}.js`;
}

/** The static script for a compiled module: it registers the module's factory under its hash. */
export function moduleScriptSource(hash: string, code: string): string {
  return `(self.${REGISTRY} = self.${REGISTRY} || {})[${JSON.stringify(hash)}] = function (React, ReactDOM, _jsx_runtime) {\n${code}\n};\n`;
}

function registry(): Record<string, ModuleFactory> {
  return ((globalThis as Record<string, unknown>)[REGISTRY] as Record<string, ModuleFactory> | undefined) ?? {};
}

export function registeredModule(hash: string, react: unknown, reactDom: unknown, jsxRuntime: unknown): MdxComponent | null {
  const factory = registry()[hash];
  return factory ? factory(react, reactDom, jsxRuntime).default : null;
}

/** Loads a module's script after a client-side navigation (a full page load runs it from the HTML). */
export function loadModuleScript(hash: string): Promise<void> {
  if (registry()[hash]) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = moduleScriptUrl(hash);
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Could not load ${script.src}`));
    document.head.appendChild(script);
  });
}
