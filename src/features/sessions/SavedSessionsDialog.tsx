import { useEffect, useRef } from 'react';
import { usePlayground } from '../../store';
import { SavedSessionItem } from './SavedSessionItem';

/**
 * The saved sessions, in a native modal dialog (focus trapped, Escape closes). The list is read
 * from IndexedDB each time it opens, so counts and times are those on disk.
 */
export function SavedSessionsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const sessions = usePlayground((s) => s.savedSessions);
  const currentId = usePlayground((s) => s.currentSessionId);
  const persistenceOff = usePlayground((s) => s.persistenceOff);
  const refreshSessions = usePlayground((s) => s.refreshSessions);
  const reopenSession = usePlayground((s) => s.reopenSession);
  const deleteSession = usePlayground((s) => s.deleteSession);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      void refreshSessions();
    }
    if (!open && element.open) element.close();
  }, [open, refreshSessions]);

  return (
    <dialog ref={dialog} className="sessions" aria-labelledby="sessions-title" onClose={onClose}>
      <div className="sessions__head">
        <h2 id="sessions-title">Saved sessions</h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          Close
        </button>
      </div>
      {persistenceOff ? (
        <p className="sessions__off">{persistenceOff}</p>
      ) : (
        <p className="sessions__hint">Every session is saved in this browser as you go. A reload brings back the one you had open.</p>
      )}
      {sessions.length === 0 ? (
        <p className="empty">No saved sessions yet.</p>
      ) : (
        <ul className="sessions__list" aria-label="Saved sessions">
          {sessions.map((session) => (
            <SavedSessionItem
              key={session.id}
              session={session}
              current={session.id === currentId}
              onOpen={() => {
                onClose();
                void reopenSession(session.id);
              }}
              onDelete={() => void deleteSession(session.id)}
            />
          ))}
        </ul>
      )}
    </dialog>
  );
}
