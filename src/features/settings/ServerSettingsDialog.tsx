import { useEffect, useRef, useState } from 'react';
import { ClockAndRandomSection } from './ClockAndRandomSection';
import { LimitsSection } from './LimitsSection';
import './settings.css';

/**
 * The header's `Server settings` button and the dialog it opens: what the simulated server allows
 * and gives the actor, each part a section of its own. A native modal dialog: it traps focus,
 * makes the page behind it inert and closes on Escape. The sections mount only while it is open,
 * so they read the settings afresh each time.
 */
export function ServerSettingsDialog() {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (open && element && !element.open) element.showModal();
  }, [open]);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Server settings
      </button>
      <dialog ref={dialog} className="help settings" aria-labelledby="server-settings-title" onClose={() => setOpen(false)}>
        <div className="help__head">
          <h2 id="server-settings-title">Server settings</h2>
          <button type="button" className="button button--quiet" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
        {open && (
          <>
            <ClockAndRandomSection />
            <LimitsSection />
          </>
        )}
      </dialog>
    </>
  );
}
