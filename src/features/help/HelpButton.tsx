import { usePlayground } from '../../store';

/** Opens the keyboard shortcuts, for those who do not know to press `?`. */
export function HelpButton() {
  const setHelpOpen = usePlayground((s) => s.setHelpOpen);
  return (
    <button type="button" className="button button--icon" aria-label="Help" title="Keyboard shortcuts (?)" onClick={() => setHelpOpen(true)}>
      <span aria-hidden="true">?</span>
    </button>
  );
}
