import { usePlayground } from '../../store';
import './history.css';
import { Branches } from './Branches';
import { ReplayReport } from './ReplayReport';
import { RewriteReport } from './RewriteReport';

/** How many reports the `Reports` tab holds: a replay's, a rewrite's, the branches. */
export function useReportCount(): number {
  return usePlayground((s) => Number(s.replayRun !== null) + Number(s.rewriteReport !== null) + Number(s.branches.length > 0));
}

/** The home of what replays, rewrites and forks report, beside the workspace instead of above it. */
export function ReportsPanel() {
  const count = useReportCount();
  return (
    <div className="reports">
      {count === 0 && <p className="empty">No reports yet. Replay the history, change an event or fork, and what they found appears here.</p>}
      <ReplayReport />
      <RewriteReport />
      <Branches />
    </div>
  );
}
