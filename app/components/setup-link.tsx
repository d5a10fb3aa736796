import { useState } from "react";
import { Alert } from "./ui/layout.tsx";

/** Shows a one-time password link once, with a copy button when JavaScript is available. */
export function SetupLinkNotice({ name, url, validDays }: { name: string; url: string; validDays: number }) {
  const [copied, setCopied] = useState(false);
  return (
    <Alert tone="success">
      <p>
        Send this one-time link to <strong>{name}</strong> so they can choose a password. It works once and expires in {validDays} days. It
        won't be shown again; you can always create a new one from their page.
      </p>
      <div className="copy-box">
        <label htmlFor="setup-link" className="visually-hidden">
          One-time password link for {name}
        </label>
        <input id="setup-link" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true));
          }}
        >
          {copied ? "Copied" : "Copy link"}
        </button>
      </div>
    </Alert>
  );
}
