import { sessionLabel, type SavedSession } from './sessionsSlice';

const modified = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** One saved session: its actor, its size and age, and what can be done with it. */
export function SavedSessionItem({ session, current, onOpen, onDelete }: { session: SavedSession; current: boolean; onOpen: () => void; onDelete: () => void }) {
  const label = sessionLabel(session);
  // The open session is being saved as it changes: opening it again does nothing, and deleting
  // it from under the page would only have it written back.
  const why = current ? 'This is the open session' : undefined;
  return (
    <li className={`sessions__item${current ? ' sessions__item--current' : ''}`} aria-current={current ? 'true' : undefined}>
      <div className="sessions__about">
        <span className="sessions__name">{session.name}</span>{' '}
        <span className="count">
          {session.eventCount} {session.eventCount === 1 ? 'event' : 'events'}
        </span>
        {current && <span className="tag tag--ok">open</span>}
        <div className="sessions__when">
          modified <time dateTime={new Date(session.modifiedAt).toISOString()}>{modified.format(session.modifiedAt)}</time>
        </div>
      </div>
      <button type="button" className="button" aria-label={`Open session ${label}`} disabled={current} title={why} onClick={onOpen}>
        Open
      </button>
      <button type="button" className="button" aria-label={`Delete session ${label}`} disabled={current} title={why} onClick={onDelete}>
        Delete
      </button>
    </li>
  );
}
