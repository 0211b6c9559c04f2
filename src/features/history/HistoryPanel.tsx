import './history.css';
import { EventActions } from './EventActions';
import { HistoryToolbar } from './HistoryToolbar';

/**
 * The debugger's controls: move through the history, replay it, change it. What replays,
 * rewrites and forks report goes to the side panel's `Reports` tab (`ReportsPanel`), so the
 * workspace keeps its height.
 */
export function HistoryPanel() {
  return (
    <section className="history-panel" aria-label="Time travel">
      <HistoryToolbar />
      <EventActions />
    </section>
  );
}
