import { usePlayground } from '../../store';
import { isFiltering } from './timelineFilter';
import { ChainNote } from './ChainNote';
import { TimelineFilters } from './TimelineFilters';
import { TimelineList } from './TimelineList';
import { PendingRows } from './PendingRows';
import { TimelineSearch } from './TimelineSearch';
import './timeline.css';

const counted = (n: number): string => n.toLocaleString('en-US');

/** Every call into the actor, in order, across all connections: filtered, searched, selected. */
export function Timeline() {
  const eventCount = usePlayground((s) => s.eventCount);
  const rows = usePlayground((s) => s.timelineRows);
  const rowCount = usePlayground((s) => s.timelineRowCount);
  const scanning = usePlayground((s) => s.timelineScanning);
  const filtering = usePlayground((s) => isFiltering(s.timelineFilter));
  const filtersShown = usePlayground((s) => s.timelineFiltersShown);
  const showFilters = usePlayground((s) => s.showTimelineFilters);
  const pending = usePlayground((s) => s.pendingCalls.length > 0);
  const shown = rows ? rowCount : eventCount;
  return (
    <section className="panel timeline" aria-labelledby="timeline-heading">
      <div className="timeline__head">
        <h2 id="timeline-heading">
          Timeline{' '}
          <span className="count">
            {rows ? `${counted(shown)} of ${counted(eventCount)}` : counted(eventCount)}
            {scanning && filtering && <span className="timeline__busy"> · filtering…</span>}
          </span>
        </h2>
        <TimelineSearch />
        <button
          type="button"
          className={`button button--quiet timeline__filters-toggle${filtering ? ' timeline__filters-toggle--active' : ''}`}
          aria-expanded={filtersShown}
          aria-controls="timeline-filters"
          onClick={() => showFilters(!filtersShown)}
        >
          Filters
          {filtering && (
            <>
              <span className="timeline__filters-dot" aria-hidden="true" />
              <span className="visually-hidden"> (on)</span>
            </>
          )}
        </button>
      </div>
      {filtersShown && <TimelineFilters />}
      <ChainNote />
      {eventCount === 0 && !pending && <p className="empty">No events yet.</p>}
      {eventCount > 0 && shown === 0 && !scanning && <p className="empty">No events match these filters.</p>}
      <TimelineList />
      <PendingRows />
    </section>
  );
}
