import { cursorOf, usePlayground } from '../../store';

/** Where the person stands in the history, shown only when that is not the newest event. */
export function CursorPosition() {
  const position = usePlayground(cursorOf);
  const eventCount = usePlayground((s) => s.eventCount);
  if (position < 0 || position === eventCount - 1) return null;
  return (
    <span className="statusbar__item statusbar__cursor">
      at #{position} <span className="statusbar__muted">· {eventCount - 1 - position} newer</span>
    </span>
  );
}
