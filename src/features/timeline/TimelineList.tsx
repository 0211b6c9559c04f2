import { useMemo, useRef, type CSSProperties, type MouseEvent } from 'react';
import { usePlayground } from '../../store';
import { indexOfSeq } from './sortedSeqs';
import { cursorOf } from '../../store/cursor';
import { ROW } from './rowLayout';
import { shownRows } from './shownRows';
import { TimelineItem } from './TimelineItem';
import { useRevealCursor } from './useRevealCursor';
import { useRowLayout } from './useRowLayout';
import { MAX_SCROLL_PX, scrollSpace } from './scrollSpace';
import { useTimelineKeys } from './useTimelineKeys';
import { useViewport } from './useViewport';

/** Rows rendered beyond each edge of the view, so a fast scroll does not show blank space first. */
const OVERSCAN_PX = 600;

/**
 * Rows are placed from a base row that changes once every this many rows, not from the view's
 * top: their offsets from it stay the same while the list scrolls, so a scroll moves one custom
 * property (`--rows-shift`), not every rendered row.
 */
const BASE_EVERY = 1024;

interface Props {
  /** The tallest the list's scroll range gets (px); see `scrollSpace`. Tests make it small. */
  maxScrollPx?: number;
}

/**
 * The events as a list that renders only the rows on screen (and the selected one, which keeps
 * keyboard focus), so a million events scroll, filter and select like ten. Rows taller together
 * than the browser lets an element be share a scroll range of the largest safe height
 * (`scrollSpace`): every row stays reachable by scrolling, keys and search. The list is one
 * focusable stop; the keys move the selection, which every other panel follows.
 */
export function TimelineList({ maxScrollPx = MAX_SCROLL_PX }: Props) {
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
  const list = useRef<HTMLDivElement>(null);
  const { viewport, scrollTo } = useViewport(list);
  // The rows' height with the padding under the last one: what the list scrolls through.
  const space = scrollSpace(layout.total + ROW.gap, viewport.height, maxScrollPx);
  const current = cursorOf({ cursor, eventCount });
  const following = cursor === null && viewport.atBottom;
  useRevealCursor({ list, layout, space, shown, events, rows, cursor, current, following, scrollTo, viewport });
  const onKeyDown = useTimelineKeys({ shown, current, unfiltered: rows === null, pageRows: Math.max(1, Math.floor(viewport.height / (ROW.head + ROW.line * 2))), select });

  // While following, render the end even before the scroll to it lands.
  const scrollTop = following ? Math.max(0, space.toScroll(layout.total - viewport.height)) : viewport.top;
  // The view's top in px of rows: the rows are drawn on a layer that stays in view (see the stylesheet).
  const top = space.toRows(scrollTop);
  // A view that leapt further than the overscan at its last scroll (a fling, a long list's scaled
  // scroll) would throw the rows beyond its edges away unseen: render only what is in view.
  const overscan = viewport.moved * space.ratio > OVERSCAN_PX ? 0 : OVERSCAN_PX;
  const indices: number[] = [];
  let base = 0;
  if (count > 0) {
    const first = layout.indexAt(top - overscan);
    const last = layout.indexAt(top + Math.max(viewport.height, 1) + overscan);
    for (let i = first; i <= last; i++) indices.push(i);
    base = layout.top(first - (first % BASE_EVERY));
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
    '--timeline-height': `${space.height}px`,
    '--view-height': `${viewport.height}px`,
    // Where the base row is on the layer: the rows at `top` px show at the view's top.
    '--rows-shift': `${Math.round(base - top)}px`,
    '--row-head': `${ROW.head}px`,
    '--row-line': `${ROW.line}px`,
    '--row-padding': `${ROW.padding}px`,
  } as CSSProperties;

  return (
    <div className="timeline-viewport">
      {/* The scroller holds the list, a layer the size of the view that stays in it (see the stylesheet). */}
      <div ref={list} className="timeline-list" style={geometry}>
        <ol className="timeline-rows" aria-label="Timeline" tabIndex={0} onKeyDown={onKeyDown} onClick={onClick}>
          {indices.map((index) => {
            const seq = shown.seqAt(index);
            return (
              <TimelineItem
                key={seq}
                event={events[seq]!}
                top={layout.top(index) - base}
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
      </div>
      {!following && count > 0 && (
        <button
          type="button"
          className="timeline-newest"
          onClick={() => {
            select(null);
            scrollTo(space.height);
          }}
        >
          <span aria-hidden="true">↓</span> Follow newest
        </button>
      )}
    </div>
  );
}
