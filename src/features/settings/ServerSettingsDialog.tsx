import { useRef } from 'react';
import { LimitsSection } from './LimitsSection';
import './settings.css';

/**
 * The header's `Server settings` button and its dialog: what the simulated server allows and
 * gives the actor, each part a section of its own. A native modal dialog: it traps focus, makes
 * the page behind it inert and closes on Escape.
 */
export function ServerSettingsDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" className="button" onClick={() => dialog.current?.showModal()}>
        Server settings
      </button>
      <dialog ref={dialog} className="settings" aria-labelledby="server-settings-title">
        <div className="settings__head">
          <h2 id="server-settings-title">Server settings</h2>
          <button type="button" className="button button--quiet" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
        <LimitsSection />
      </dialog>
    </>
  );
}
