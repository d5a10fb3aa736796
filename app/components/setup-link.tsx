import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Alert } from "./ui/layout.tsx";

/** Shows a one-time password link once, with a copy button when JavaScript is available. */
export function SetupLinkNotice({ name, url, validDays }: { name: string; url: string; validDays: number }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <Alert tone="success">
      <p>
        <Trans i18nKey="notifications:setupLink.text" values={{ name, days: validDays }} components={{ strong: <strong /> }} />
      </p>
      <div className="copy-box">
        <label htmlFor="setup-link" className="visually-hidden">
          {t("notifications:setupLink.label", { name })}
        </label>
        <input id="setup-link" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true));
          }}
        >
          {copied ? t("notifications:setupLink.copied") : t("notifications:setupLink.copy")}
        </button>
      </div>
    </Alert>
  );
}
