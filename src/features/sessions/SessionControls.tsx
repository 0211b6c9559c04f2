import { useState } from 'react';
import { usePlayground } from '../../store';
import { SavedSessionsDialog } from './SavedSessionsDialog';
import './sessions.css';

/** `New session` and the `Saved sessions` list: every session is kept in IndexedDB as it goes. */
export function SessionControls() {
  const newSession = usePlayground((s) => s.newSession);
  const loading = usePlayground((s) => s.status === 'loading');
  const [listOpen, setListOpen] = useState(false);
  return (
    <div className="session-controls" role="group" aria-label="Sessions">
      <button type="button" className="button" disabled={loading} title="Start a clean history of the loaded actor; this one stays in Saved sessions" onClick={() => void newSession()}>
        New session
      </button>
      <button type="button" className="button" aria-haspopup="dialog" onClick={() => setListOpen(true)}>
        Saved sessions
      </button>
      <SavedSessionsDialog open={listOpen} onClose={() => setListOpen(false)} />
    </div>
  );
}
