import './history.css';
import { Branches } from './Branches';
import { EventActions } from './EventActions';
import { HistoryToolbar } from './HistoryToolbar';
import { ReplayReport } from './ReplayReport';
import { RewriteReport } from './RewriteReport';

/** The debugger's controls: move through the history, replay it, change it, switch branches. */
export function HistoryPanel() {
  return (
    <section className="panel history-panel" aria-label="Time travel">
      <HistoryToolbar />
      <EventActions />
      <ReplayReport />
      <RewriteReport />
      <Branches />
    </section>
  );
}
