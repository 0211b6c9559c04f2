import { OUTCOME_KINDS } from '../../core';
import { usePlayground } from '../../store';
import { isFiltering, TIMELINE_KINDS, type ConnectionChoice } from './timelineFilter';
import { OutcomeIcon } from './OutcomeIcon';
import { ToggleChips } from './ToggleChips';

const choiceOf = (value: string): ConnectionChoice => (value === 'all' || value === 'actor' ? value : Number(value));

/** Narrowing the timeline: whose events, which kinds, how they ended, what they say, whether they changed the state. */
export function TimelineFilters() {
  const filter = usePlayground((s) => s.timelineFilter);
  const setFilter = usePlayground((s) => s.setTimelineFilter);
  const clearFilter = usePlayground((s) => s.clearTimelineFilter);
  const connections = usePlayground((s) => s.connections);
  // A connection chosen before the history was replaced stays listed, so the choice stays visible.
  const ids = connections.map((c) => c.id);
  if (typeof filter.connection === 'number' && !ids.includes(filter.connection)) ids.push(filter.connection);
  return (
    <div id="timeline-filters" className="timeline-filters" role="group" aria-label="Timeline filters">
      <div className="timeline-filters__line">
        <input
          type="search"
          className="timeline-filters__text"
          aria-label="Filter by text"
          placeholder="Filter by text"
          title="Text in the input, the responses, the logs or the failure"
          value={filter.text}
          onChange={(event) => setFilter({ text: event.target.value })}
        />
        <select aria-label="Filter by connection" value={String(filter.connection)} onChange={(event) => setFilter({ connection: choiceOf(event.target.value) })}>
          <option value="all">All connections</option>
          <option value="actor">actor (init)</option>
          {ids.map((id) => (
            <option key={id} value={id}>
              conn {id}
            </option>
          ))}
        </select>
        <label className="timeline-filters__check">
          <input type="checkbox" checked={filter.changedOnly} onChange={(event) => setFilter({ changedOnly: event.target.checked })} /> Changed state only
        </label>
      </div>
      <div className="timeline-filters__line">
        <ToggleChips label="Filter by kind" caption="Kind" options={TIMELINE_KINDS} chosen={filter.kinds} onChange={(kinds) => setFilter({ kinds })} />
        <ToggleChips
          label="Filter by outcome"
          caption="Outcome"
          options={OUTCOME_KINDS}
          chosen={filter.outcomes}
          onChange={(outcomes) => setFilter({ outcomes })}
          adornment={(kind) => <OutcomeIcon kind={kind} />}
        />
        <button type="button" className="button button--quiet timeline-filters__clear" disabled={!isFiltering(filter)} onClick={clearFilter}>
          Clear filters
        </button>
      </div>
    </div>
  );
}
