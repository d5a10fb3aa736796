import { useLocation } from "@remix-run/react";
import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { translateMessage } from "~/i18n/message.ts";
import { Alert } from "../ui/layout.tsx";

const DismissNotice = createContext<() => void>(() => {});

/**
 * Shows the confirmation a redirect asked for (`redirectWithNotice`) above the page, until
 * the person leaves the page or submits another form on it: a later refusal must not sit
 * beside the confirmation of an earlier success.
 */
export function NoticeProvider({ notice, children }: { notice: string | null; children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [dismissedAt, setDismissedAt] = useState<string | null>(null);
  const dismiss = useCallback(() => setDismissedAt(location.key), [location.key]);
  return (
    <DismissNotice.Provider value={dismiss}>
      {notice && dismissedAt !== location.key ? <Alert tone="success">{translateMessage(t, notice)}</Alert> : null}
      {children}
    </DismissNotice.Provider>
  );
}

export const useDismissNotice = () => useContext(DismissNotice);
