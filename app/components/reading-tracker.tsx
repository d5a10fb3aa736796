import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

const HEARTBEAT_MS = 60_000;

/**
 * Reports reading as it happens: the furthest section reached, time spent with
 * the page visible, and reaching the end. Without JavaScript the module's
 * "I've read this module" button does the same job.
 */
type PendingReport = { seconds: number; section?: string; reachedEnd: boolean };

export function ReadingTracker({ sectionIds, reachedEnd }: { sectionIds: string[]; reachedEnd: boolean }) {
  const fetcher = useFetcher({ key: "reading" });
  // Every report revalidates the whole page on purpose: one that finishes while a quiz
  // submission is loading completes that navigation with its own data, so a page that
  // skipped revalidation after reports would show the quiz as never submitted.
  // Reports wait while one is in flight and are merged, so none is cut short and lost.
  const pending = useRef<PendingReport | null>(null);
  const latest = useRef({ submit: fetcher.submit, idle: fetcher.state === "idle" });
  latest.current = { submit: fetcher.submit, idle: fetcher.state === "idle" };

  const flush = useRef(() => {
    const report = pending.current;
    if (!report || !latest.current.idle) return;
    pending.current = null;
    const fields: Record<string, string> = { intent: "progress", seconds: String(Math.round(report.seconds)) };
    if (report.section) fields.section = report.section;
    if (report.reachedEnd) fields.reachedEnd = "1";
    void latest.current.submit(fields, { method: "post" });
  });

  useEffect(() => {
    if (fetcher.state === "idle") flush.current();
  }, [fetcher.state]);

  useEffect(() => {
    let furthest = -1;
    let endReported = reachedEnd;
    let visibleSince = document.visibilityState === "visible" ? Date.now() : null;
    const elapsedSeconds = () => {
      if (visibleSince === null) return 0;
      const seconds = (Date.now() - visibleSince) / 1000;
      visibleSince = Date.now();
      return seconds;
    };
    const report = (change: { section?: string; reachedEnd?: boolean }) => {
      const previous = pending.current;
      pending.current = {
        seconds: (previous?.seconds ?? 0) + elapsedSeconds(),
        section: change.section ?? previous?.section ?? (furthest >= 0 ? sectionIds[furthest] : undefined),
        reachedEnd: Boolean(previous?.reachedEnd || change.reachedEnd),
      };
      flush.current();
    };

    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        if (entry.target.id === "module-end") {
          if (!endReported) {
            endReported = true;
            report({ reachedEnd: true });
          }
          continue;
        }
        const index = sectionIds.indexOf(entry.target.id);
        if (index > furthest) {
          furthest = index;
          report({ section: sectionIds[index] });
        }
      }
    });
    for (const id of [...sectionIds, "module-end"]) {
      const element = document.getElementById(id);
      if (element) observer.observe(element);
    }
    const heartbeat = window.setInterval(() => {
      if (document.visibilityState === "visible") report({});
    }, HEARTBEAT_MS);
    const onVisibility = () => {
      if (document.visibilityState === "visible") visibleSince = Date.now();
      else if (visibleSince !== null) {
        report({});
        visibleSince = null;
      }
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      observer.disconnect();
      window.clearInterval(heartbeat);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [sectionIds, reachedEnd]);

  return null;
}

/** How far down the module the reader has scrolled. */
export function ReadingProgressBar() {
  const { t } = useTranslation();
  const [percent, setPercent] = useState(0);
  useEffect(() => {
    const article = document.getElementById("module-article");
    if (!article) return;
    const update = () => {
      const { top, height } = article.getBoundingClientRect();
      const read = Math.min(Math.max(-top + window.innerHeight, 0), height);
      setPercent(height > 0 ? Math.round((read / height) * 100) : 0);
    };
    update();
    window.addEventListener("scroll", update, { passive: true });
    window.addEventListener("resize", update);
    return () => {
      window.removeEventListener("scroll", update);
      window.removeEventListener("resize", update);
    };
  }, []);
  return (
    <div
      className="reading-progress"
      role="progressbar"
      aria-label={t("learn:module.readingProgress")}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
    >
      <div className="reading-progress__bar" style={{ width: `${percent}%` }} />
    </div>
  );
}
