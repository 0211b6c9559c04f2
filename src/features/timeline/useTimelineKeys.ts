import { useCallback, type KeyboardEvent } from 'react';
import type { ShownRows } from './shownRows';

interface Keys {
  shown: ShownRows;
  /** The event the cursor is on (-1: none), which may be one the filter hides. */
  current: number;
  /** Every event is shown: End then means "follow the newest", not "stay on this one". */
  unfiltered: boolean;
  /** Rows in a screenful, for Page Up and Page Down. */
  pageRows: number;
  select: (seq: number | null) => void;
}

/**
 * Moving the selection with the keys people expect of a list (↑/↓ and j/k, Page Up/Down,
 * Home/End), over the rows shown: a filtered-out event is never selected by key.
 */
export function useTimelineKeys({ shown, current, unfiltered, pageRows, select }: Keys): (event: KeyboardEvent) => void {
  return useCallback(
    (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || shown.count === 0) return;
      const last = shown.count - 1;
      const at = shown.indexOf(current);
      // From a hidden selection, "down" is the first row after it and "up" the last before it.
      const below = at >= 0 ? at + 1 : shown.indexFrom(current);
      const above = at >= 0 ? at - 1 : shown.indexFrom(current) - 1;
      let target: number;
      switch (event.key) {
        case 'ArrowDown':
        case 'j':
          target = below;
          break;
        case 'ArrowUp':
        case 'k':
          target = above;
          break;
        case 'PageDown':
          target = below + pageRows - 1;
          break;
        case 'PageUp':
          target = above - pageRows + 1;
          break;
        case 'Home':
          target = 0;
          break;
        case 'End':
          target = last;
          break;
        default:
          return;
      }
      event.preventDefault();
      const index = Math.max(0, Math.min(target, last));
      const seq = shown.seqAt(index);
      select(unfiltered && index === last ? null : seq);
    },
    [shown, current, unfiltered, pageRows, select],
  );
}
