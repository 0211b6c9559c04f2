import { cursorOf, usePlayground } from '../../store';
import { ReplayControls } from './ReplayControls';

/**
 * Moving through the history: the cursor every panel follows, a scrubber, and replay. The four
 * moves are icon buttons (named by `aria-label`, explained on hover) so the bar stays one row.
 */
export function HistoryToolbar() {
  const eventCount = usePlayground((s) => s.eventCount);
  const position = usePlayground(cursorOf);
  const following = usePlayground((s) => s.cursor === null);
  const select = usePlayground((s) => s.select);
  const step = usePlayground((s) => s.step);
  const empty = eventCount === 0;
  return (
    <div className="history-toolbar" role="toolbar" aria-label="History">
      <button type="button" onClick={() => select(0)} disabled={empty || position === 0} title="Jump to start" aria-label="Jump to start" className="button history-toolbar__step">
        <span aria-hidden="true">|◀</span>
      </button>
      <button type="button" onClick={() => step(-1)} disabled={empty || position === 0} title="Step back ([)" aria-label="Step back" className="button history-toolbar__step">
        <span aria-hidden="true">◀</span>
      </button>
      <button type="button" onClick={() => step(1)} disabled={empty || position >= eventCount - 1} title="Step forward (])" aria-label="Step forward" className="button history-toolbar__step">
        <span aria-hidden="true">▶</span>
      </button>
      <button type="button" onClick={() => select(null)} disabled={empty || following} title="Jump to end and follow new events" aria-label="Jump to end" className="button history-toolbar__step">
        <span aria-hidden="true">▶|</span>
      </button>
      <input
        type="range"
        className="history-toolbar__scrubber"
        aria-label="History position"
        min={0}
        max={Math.max(0, eventCount - 1)}
        value={Math.max(0, position)}
        disabled={empty}
        onChange={(e) => {
          const seq = Number(e.currentTarget.value);
          select(seq === eventCount - 1 ? null : seq);
        }}
      />
      <output className="history-toolbar__position" aria-live="polite">
        {empty ? 'no events' : `#${position} of ${eventCount}${following ? ' (live)' : ''}`}
      </output>
      <ReplayControls />
    </div>
  );
}
