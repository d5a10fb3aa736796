import { Trans, useTranslation } from "react-i18next";
import type { MoodLabel } from "~/engine/simulation/mood.ts";

export const MOOD_WORDS: Record<MoodLabel, `practice:${string}`> = {
  upset: "practice:mood.upset",
  frustrated: "practice:mood.frustrated",
  neutral: "practice:mood.neutral",
  calmer: "practice:mood.calmer",
  happy: "practice:mood.happy",
};

const MOOD_SYMBOLS: Record<MoodLabel, string> = { upset: "▼▼", frustrated: "▼", neutral: "●", calmer: "▲", happy: "▲▲" };

/** How the customer feels and how much patience they have left, in words first; colour only repeats it. */
export function MoodIndicator({ mood }: { mood: { label: MoodLabel; patienceLeft: number; patience: number } }) {
  const { t } = useTranslation();
  return (
    <div className={`mood-bar mood-bar--${mood.label}`} role="status">
      <p className="mood-bar__mood">
        <span aria-hidden="true" className="mood-bar__symbol">
          {MOOD_SYMBOLS[mood.label]}
        </span>{" "}
        <Trans i18nKey="practice:mood.label" values={{ mood: t(MOOD_WORDS[mood.label]) }} components={{ strong: <strong /> }} />
      </p>
      <p className="mood-bar__patience">
        <Trans
          i18nKey="practice:mood.patience"
          values={{ left: mood.patienceLeft, total: mood.patience }}
          components={{ strong: <strong /> }}
        />
        <span className="mood-bar__meter" aria-hidden="true">
          {Array.from({ length: mood.patience }, (_, index) => (
            <span key={index} className={index < mood.patienceLeft ? "mood-bar__pip mood-bar__pip--left" : "mood-bar__pip"} />
          ))}
        </span>
      </p>
    </div>
  );
}
