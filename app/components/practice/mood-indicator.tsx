import type { MoodLabel } from "~/engine/simulation/mood.ts";

const MOOD_WORDS: Record<MoodLabel, string> = {
  upset: "Upset",
  frustrated: "Frustrated",
  neutral: "Neutral",
  calmer: "Calmer",
  happy: "Happy",
};

const MOOD_SYMBOLS: Record<MoodLabel, string> = { upset: "▼▼", frustrated: "▼", neutral: "●", calmer: "▲", happy: "▲▲" };

/** How the customer feels and how much patience they have left, in words first; colour only repeats it. */
export function MoodIndicator({ mood }: { mood: { label: MoodLabel; patienceLeft: number; patience: number } }) {
  return (
    <div className={`mood-bar mood-bar--${mood.label}`} role="status">
      <p className="mood-bar__mood">
        <span aria-hidden="true" className="mood-bar__symbol">
          {MOOD_SYMBOLS[mood.label]}
        </span>{" "}
        Customer mood: <strong>{MOOD_WORDS[mood.label]}</strong>
      </p>
      <p className="mood-bar__patience">
        Patience: <strong>{mood.patienceLeft}</strong> of {mood.patience} left
        <span className="mood-bar__meter" aria-hidden="true">
          {Array.from({ length: mood.patience }, (_, index) => (
            <span key={index} className={index < mood.patienceLeft ? "mood-bar__pip mood-bar__pip--left" : "mood-bar__pip"} />
          ))}
        </span>
      </p>
    </div>
  );
}
