import { useEffect, useRef } from 'react';
import { usePlayground } from '../../store';
import { Keys } from './Keys';
import { PAGE_SHORTCUTS, PLACE_SHORTCUTS } from './shortcuts';

/**
 * The keyboard shortcuts, in a native modal dialog: it traps focus, makes the page behind it
 * inert, and closes on Escape by itself.
 */
export function HelpDialog() {
  const open = usePlayground((s) => s.helpOpen);
  const setHelpOpen = usePlayground((s) => s.setHelpOpen);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog ref={dialog} className="help" aria-labelledby="help-title" onClose={() => setHelpOpen(false)}>
      <div className="help__head">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <button type="button" className="button button--quiet" onClick={() => setHelpOpen(false)}>
          Close
        </button>
      </div>
      <p className="help__hint">Page keys work anywhere except while you type in a field.</p>
      <table className="help__table">
        <caption>Anywhere on the page</caption>
        <tbody>
          {PAGE_SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.key}>
              <td>
                <Keys keys={[shortcut.key]} />
              </td>
              <td>{shortcut.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="help__table">
        <caption>In one place</caption>
        <tbody>
          {PLACE_SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.description}>
              <td>
                <Keys keys={shortcut.keys} />
              </td>
              <td>
                {shortcut.description} <span className="help__where">{shortcut.where}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </dialog>
  );
}
