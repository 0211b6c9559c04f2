import { useMemo, useRef, type CSSProperties, type MouseEvent } from 'react';
import { usePlayground } from '../../store';
import { indexOfSeq } from './sortedSeqs';
import { cursorOf } from '../../store/cursor';
import { ROW } from './rowLayout';
import { shownRows } from './shownRows';
import { TimelineItem } from './TimelineItem';
import { useRevealCursor } from './useRevealCursor';
import { useRowLayout } from './useRowLayout';
import { useTimelineKeys } from './useTimelineKeys';
import { useViewport } from './useViewport';

/** Rows rendered beyond each edge of the view, so a fast scroll does not show blank space first. */
const OVERSCAN_PX = 600;

/**
 * The events as a list that renders only the rows on screen (and the selected one, which keeps
 * keyboard focus), so 100,000 events scroll, filter and select like ten. The list is one
 * focusable stop; the keys move the selection, which every other panel follows.
 */
export function TimelineList() {
  const events = usePlayground((s) => s.events);
  const eventCount = usePlayground((s) => s.eventCount);
  const rows = usePlayground((s) => s.timelineRows);
  const rowCount = usePlayground((s) => s.timelineRowCount);
  const matches = usePlayground((s) => s.searchMatches);
  const matchCount = usePlayground((s) => s.searchMatchCount);
  const cursor = usePlayground((s) => s.cursor);
  const select = usePlayground((s) => s.select);
  const sizeOf = usePlayground((s) => s.stateSizeOf);

  const count = rows ? rowCount : eventCount;
  const shown = useMemo(() => shownRows(rows, count), [rows, count]);
  const layout = useRowLayout(events, rows, count);
  const list = useRef<HTMLOListElement>(null);
  const { viewport, scrollTo } = useViewport(list);
  const current = cursorOf({ cursor, eventCount });
  const following = cursor === null && viewport.atBottom;
  useRevealCursor({ list, layout, shown, events, rows, cursor, current, following, scrollTo });
  const onKeyDown = useTimelineKeys({ shown, current, unfiltered: rows === null, pageRows: Math.max(1, Math.floor(viewport.height / (ROW.head + ROW.line * 2))), select });

  // While following, render the end even before the scroll to it lands.
  const top = following ? Math.max(0, layout.total - viewport.height) : viewport.top;
  const indices: number[] = [];
  if (count > 0) {
    const first = layout.indexAt(top - OVERSCAN_PX);
    const last = layout.indexAt(top + Math.max(viewport.height, 1) + OVERSCAN_PX);
    for (let i = first; i <= last; i++) indices.push(i);
    // The selected row stays rendered wherever it is, in document order, so focus never drops out of the list.
    const selected = shown.indexOf(current);
    if (selected >= 0 && selected < first) indices.unshift(selected);
    if (selected > last) indices.push(selected);
  }

  const onClick = (event: MouseEvent) => {
    const row = (event.target as Element).closest<HTMLElement>('[data-seq]');
    if (row) select(Number(row.dataset.seq));
  };

  const geometry = {
    '--timeline-height': `${layout.total}px`,
    '--row-head': `${ROW.head}px`,
    '--row-line': `${ROW.line}px`,
    '--row-padding': `${ROW.padding}px`,
  } as CSSProperties;

  return (
    <div className="timeline-viewport">
      <ol ref={list} className="timeline-list" aria-label="Timeline" tabIndex={0} style={geometry} onKeyDown={onKeyDown} onClick={onClick}>
        {indices.map((index) => {
          const seq = shown.seqAt(index);
          return (
            <TimelineItem
              key={seq}
              event={events[seq]!}
              top={layout.top(index)}
              height={layout.height(index)}
              selected={seq === current}
              match={matchCount > 0 && indexOfSeq(matches, matchCount, seq) >= 0}
              position={index + 1}
              setSize={count}
              sizeOf={sizeOf}
            />
          );
        })}
      </ol>
      {!following && count > 0 && (
        <button
          type="button"
          className="timeline-newest"
          onClick={() => {
            select(null);
            scrollTo(layout.total);
          }}
        >
          <span aria-hidden="true">↓</span> Follow newest
        </button>
      )}
    </div>
  );
}
