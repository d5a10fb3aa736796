/** A labelled, accessible progress bar with its percentage in words. */
export function ProgressBar({ label, percent }: { label: string; percent: number }) {
  const clamped = Math.min(100, Math.max(0, Math.round(percent)));
  return (
    <div className="progress">
      <div className="progress__track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={clamped}>
        <div className="progress__fill" style={{ width: `${clamped}%` }} />
      </div>
      <span className="progress__value">{clamped}%</span>
    </div>
  );
}
