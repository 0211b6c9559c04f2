import { usePlayground } from '../../store';
import { eventsText, sessionLabel } from './sessionsSlice';
import './sessions.css';

/**
 * Says so when something took the workspace's place (a load, an import, a reopened or new
 * session): what replaced it, where the old one went, and an Undo that brings it back.
 */
export function ReplacedNotice() {
  const replaced = usePlayground((s) => s.replaced);
  const persistenceOff = usePlayground((s) => s.persistenceOff);
  const actorName = usePlayground((s) => s.actorName);
  const undo = usePlayground((s) => s.undoReplace);
  const dismiss = usePlayground((s) => s.dismissReplaced);
  if (!replaced) return null;
  const { what, previous } = replaced;
  const where = previous.sessionId
    ? 'It is kept in Saved sessions.'
    : persistenceOff
      ? 'Nothing is saved in this browser, so Undo is the only way back to it.'
      : 'Undo brings it back.';
  return (
    <section className="replaced-notice" role="status" aria-label="Workspace replaced">
      <p className="replaced-notice__message">
        {what} in place of {previous.name === actorName ? `its previous history (${eventsText(previous.eventCount)})` : sessionLabel(previous)}. {where}
      </p>
      <button type="button" className="button" onClick={() => void undo()}>
        Undo
      </button>
      <button type="button" className="button button--quiet" onClick={dismiss}>
        Dismiss
      </button>
    </section>
  );
}
