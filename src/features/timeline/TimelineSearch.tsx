import { usePlayground } from '../../store';
import { indexOfSeq } from './sortedSeqs';
import { cursorOf } from '../../store/cursor';

/** What the search box says beside it: where the selection is among the matches, or how many there are. */
function searchStatus(query: string, scanning: boolean, matches: readonly number[], count: number, current: number): string {
  if (query.trim() === '') return '';
  if (scanning) return 'searching…';
  if (count === 0) return 'no matches';
  const at = indexOfSeq(matches, count, current);
  return at >= 0 ? `${at + 1} of ${count}` : `${count} ${count === 1 ? 'match' : 'matches'}`;
}

/** Find in the timeline: Enter jumps to the next match, Shift+Enter to the previous one, Escape clears. */
export function TimelineSearch() {
  const query = usePlayground((s) => s.timelineSearch);
  const setQuery = usePlayground((s) => s.setTimelineSearch);
  const searchStep = usePlayground((s) => s.searchStep);
  const matches = usePlayground((s) => s.searchMatches);
  const count = usePlayground((s) => s.searchMatchCount);
  const scanning = usePlayground((s) => s.timelineScanning);
  const current = usePlayground(cursorOf);
  const status = searchStatus(query, scanning, matches, count, current);
  const idle = query.trim() === '';
  return (
    <div className="timeline-search" role="search">
      <input
        type="search"
        className="timeline-search__input"
        aria-label="Search events"
        placeholder="Search events"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void searchStep(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape' && query !== '') {
            event.preventDefault();
            setQuery('');
          }
        }}
      />
      <output className="timeline-search__status" aria-live="polite">
        {status}
      </output>
      <button type="button" className="button button--quiet timeline-search__step" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={idle} onClick={() => void searchStep(-1)}>
        ↑
      </button>
      <button type="button" className="button button--quiet timeline-search__step" aria-label="Next match" title="Next match (Enter)" disabled={idle} onClick={() => void searchStep(1)}>
        ↓
      </button>
    </div>
  );
}
