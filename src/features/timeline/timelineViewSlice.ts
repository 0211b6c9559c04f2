import type { Slice } from '../../store/context';
import { textTest } from './eventText';
import { nextMatch } from './sortedSeqs';
import { filterTest, NO_FILTER, type TimelineFilter } from './timelineFilter';
import { TimelineScanner } from './timelineScan';

/** How long typing must pause before a text filter or search rescans the history. */
export const TYPING_PAUSE_MS = 150;

/** Which events the timeline shows and which of them a search finds. */
export interface TimelineViewSlice {
  timelineFilter: TimelineFilter;
  timelineSearch: string;
  /**
   * The seqs of the events that pass the filter, ascending; null when nothing is filtered (every
   * event is a row). Grows in place as events arrive, like `events`: select `timelineRowCount` too.
   */
  timelineRows: readonly number[] | null;
  timelineRowCount: number;
  /** The seqs of the shown events the search finds, ascending; grows in place like the rows. */
  searchMatches: readonly number[];
  searchMatchCount: number;
  /** A rescan is waiting for typing to stop or under way; the rows shown are the previous ones. */
  timelineScanning: boolean;
  /** The filter controls are open (they fold away to leave the rows the room). */
  timelineFiltersShown: boolean;
  showTimelineFilters(shown: boolean): void;
  setTimelineFilter(change: Partial<TimelineFilter>): void;
  clearTimelineFilter(): void;
  setTimelineSearch(query: string): void;
  /** Selects the next (1) or previous (-1) match from the cursor, wrapping around; waits for typing to settle. */
  searchStep(direction: 1 | -1): Promise<void>;
}

export const createTimelineViewSlice = (): Slice<TimelineViewSlice> => (set, get, api) => {
  const scanner = new TimelineScanner(
    () => get().events,
    (view) =>
      set({
        timelineRows: view.rows,
        timelineRowCount: view.rowCount,
        searchMatches: view.matches,
        searchMatchCount: view.matchCount,
        timelineScanning: view.scanning,
      }),
  );
  api.subscribe((state, previous) => {
    if (state.events !== previous.events || state.eventCount !== previous.eventCount) scanner.sync();
  });
  const rescan = (typing: boolean) => {
    const { timelineFilter, timelineSearch } = get();
    scanner.retest(filterTest(timelineFilter), textTest(timelineSearch), typing ? TYPING_PAUSE_MS : 0);
  };

  return {
    timelineFilter: NO_FILTER,
    timelineSearch: '',
    timelineRows: null,
    timelineRowCount: 0,
    searchMatches: [],
    searchMatchCount: 0,
    timelineScanning: false,
    timelineFiltersShown: false,
    showTimelineFilters(shown) {
      set({ timelineFiltersShown: shown });
    },
    setTimelineFilter(change) {
      set({ timelineFilter: { ...get().timelineFilter, ...change } });
      rescan('text' in change);
    },
    clearTimelineFilter() {
      set({ timelineFilter: NO_FILTER });
      rescan(false);
    },
    setTimelineSearch(query) {
      set({ timelineSearch: query });
      rescan(true);
    },
    async searchStep(direction) {
      await scanner.settled();
      const { searchMatches, searchMatchCount, cursor, select } = get();
      const seq = nextMatch(searchMatches, searchMatchCount, cursor, direction);
      if (seq !== undefined) select(seq);
    },
  };
};

// This slice's part of the store's state (see store/playgroundState.ts).
declare module '../../store/playgroundState' {
  interface PlaygroundState extends TimelineViewSlice {}
}
