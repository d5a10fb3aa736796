import { useEffect, useState } from "react";
import { Trans, useTranslation } from "react-i18next";

/** Time since the customer's last message, against the scenario's par; shown only with JavaScript. */
export function ReplyTimer({ since, parSeconds }: { since: string; parSeconds: number }) {
  const { t } = useTranslation();
  const [seconds, setSeconds] = useState<number | null>(null);
  useEffect(() => {
    const start = new Date(since).getTime();
    const tick = () => setSeconds(Math.max(0, Math.floor((Date.now() - start) / 1000)));
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [since]);
  if (seconds === null) return null;
  const over = seconds > parSeconds;
  const shown =
    seconds < 120
      ? t("practice:timer.seconds", { seconds })
      : t("practice:timer.minutesSeconds", { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
  return (
    <p className={`reply-timer${over ? " reply-timer--over" : ""}`} aria-live="off">
      <Trans
        i18nKey={over ? "practice:timer.replyingOver" : "practice:timer.replying"}
        values={{ time: shown }}
        components={{ strong: <strong /> }}
      />
    </p>
  );
}
