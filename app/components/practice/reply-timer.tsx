import { useEffect, useState } from "react";

/** Time since the customer's last message, against the scenario's par; shown only with JavaScript. */
export function ReplyTimer({ since, parSeconds }: { since: string; parSeconds: number }) {
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
  const shown = seconds < 120 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return (
    <p className={`reply-timer${over ? " reply-timer--over" : ""}`} aria-live="off">
      Replying for <strong>{shown}</strong>
      {over ? " — over par" : ""}
    </p>
  );
}
