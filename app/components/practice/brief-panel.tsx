/** The scenario's brief beside the conversation, so the agent can check it while replying; folds away on small screens. */
export function BriefPanel({
  scenario,
}: {
  scenario: { brief: string; customer: string; channelLabel: string; difficultyLabel: string; parTurns: number };
}) {
  return (
    <aside className="brief-panel" aria-labelledby="brief-panel-title">
      <details className="brief-panel__details" open>
        <summary>
          <h2 id="brief-panel-title" className="brief-panel__title">
            The brief
          </h2>
        </summary>
        <p className="brief-panel__text">{scenario.brief}</p>
        <dl className="facts brief-panel__facts">
          <dt>Customer</dt>
          <dd>{scenario.customer}</dd>
          <dt>Channel</dt>
          <dd>{scenario.channelLabel}</dd>
          <dt>Difficulty</dt>
          <dd>{scenario.difficultyLabel}</dd>
          <dt>Par</dt>
          <dd>{scenario.parTurns} replies</dd>
        </dl>
      </details>
    </aside>
  );
}
