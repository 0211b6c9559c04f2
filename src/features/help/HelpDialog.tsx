import { useEffect, useRef } from 'react';
import { TOUR_STEPS, usePlayground } from '../../store';
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
  const tourStatus = usePlayground((s) => s.tourStatus);
  const tourStep = usePlayground((s) => s.tourStep);
  const startTour = usePlayground((s) => s.startTour);
  const resumeTour = usePlayground((s) => s.resumeTour);
  // The dialog closes first: the tour's card is non-modal and must not sit behind a modal.
  const closeThen = (start: () => void) => () => {
    setHelpOpen(false);
    start();
  };

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
      <section className="help__tour" aria-labelledby="help-tour-title">
        <h3 id="help-tour-title">Guided tour</h3>
        <p className="help__hint">
          {tourStatus === 'left' ? `You left the tour at step ${TOUR_STEPS.indexOf(tourStep) + 1} of ${TOUR_STEPS.length}.` : 'A few steps over the real page: connections, messages, state, failures, time travel.'}
        </p>
        <div className="help__tour-actions">
          {tourStatus === 'left' && (
            <button type="button" className="button button--primary" onClick={closeThen(resumeTour)}>
              Resume tour
            </button>
          )}
          <button type="button" className={tourStatus === 'left' ? 'button' : 'button button--primary'} onClick={closeThen(startTour)}>
            Start tour
          </button>
        </div>
      </section>
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
