import { shownStatusOf, stateSizeAtCursor, usePlayground } from '../../store';
import { formatSize } from '../../ui/format';
import { Term } from '../../ui/term/Term';
import { CursorPosition } from './CursorPosition';

/** The bottom line: which actor, how it is, how big its state is, how much has happened. */
export function StatusBar() {
  const name = usePlayground((s) => s.actorName);
  const status = usePlayground(shownStatusOf);
  const stateSize = usePlayground(stateSizeAtCursor);
  const following = usePlayground((s) => s.cursor === null);
  const eventCount = usePlayground((s) => s.eventCount);
  return (
    <footer className="statusbar" aria-label="Status bar">
      <span className={`statusbar__item statusbar__actor statusbar__actor--${status}`}>
        <span className="statusbar__dot" aria-hidden="true" />
        {name ?? 'no actor'} <span className="statusbar__muted">{status}</span>
      </span>
      <span className="statusbar__item" title={following ? 'The last committed state: what the next call receives' : 'The state as it was after the selected event'}>
        <Term term="state">state {stateSize === null ? 'none' : formatSize(stateSize)}</Term>
      </span>
      <span className="statusbar__item">
        {eventCount} {eventCount === 1 ? 'event' : 'events'}
      </span>
      <CursorPosition />
      <span className="statusbar__item statusbar__hint">
        press <kbd>?</kbd> for shortcuts
      </span>
    </footer>
  );
}
