import { useMemo, useRef, useState } from 'react';
import { HexLayout, type ByteDiff } from '../../core';
import { usePlayground } from '../../store';
import { formatSize } from '../../ui/format';
import { ByteTrace } from './ByteTrace';
import { HexRowView } from './HexRowView';
import { useHexGeometry, type HexGeometry } from './useHexGeometry';

/** Row height in px (matches `.hex__row` in inspector.css). */
const ROW = 18;
const VISIBLE_ROWS = 16;
/**
 * Browsers cap an element's height (Chromium near 16.7 million px in some paths): past this the
 * scrollbar maps proportionally onto the rows, so a 64 MiB state scrolls end to end too.
 */
const MAX_SPACER = 8_000_000;

interface Props {
  diff: ByteDiff;
  before: Uint8Array | undefined;
  after: Uint8Array | undefined;
}

/**
 * Both states side by side, aligned hunk by hunk, changed bytes marked. Only the rows in view
 * are rendered: a 16 MiB state is a million rows, and scrolling it must not notice.
 */
export function HexDiffView({ diff, before, after }: Props) {
  const showUnchanged = usePlayground((s) => s.showUnchanged);
  const setShowUnchanged = usePlayground((s) => s.setShowUnchanged);
  const box = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLSpanElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const geometry = useHexGeometry(box, probe, Math.max(diff.summary.beforeSize, diff.summary.afterSize));
  const layout = useMemo(() => new HexLayout(diff.hunks, { width: geometry.bytes, collapse: !showUnchanged }), [diff, geometry.bytes, showUnchanged]);
  const changes = useMemo(() => layout.changeRows(), [layout]);
  const [scrollTop, setScrollTop] = useState(0);

  const total = layout.rowCount * ROW;
  const viewHeight = Math.min(total, VISIBLE_ROWS * ROW);
  const spacer = Math.min(total, MAX_SPACER);
  // Pixels of content per pixel of scrollbar: 1 unless the spacer had to be capped.
  const scale = spacer > viewHeight ? (total - viewHeight) / (spacer - viewHeight) : 1;
  const virtualTop = Math.min(scrollTop * scale, Math.max(0, total - viewHeight));
  const first = Math.floor(virtualTop / ROW);
  const shift = virtualTop - first * ROW;
  const last = Math.min(layout.rowCount, first + Math.ceil(viewHeight / ROW) + 1);
  const rows = [];
  for (let i = first; i < last; i++) rows.push(<HexRowView key={i} row={layout.row(i)} index={i} before={before} after={after} geometry={geometry} />);

  const jump = (direction: 1 | -1) => {
    const target = direction > 0 ? changes.find((row) => row > first) : changes.filter((row) => row < first).pop();
    if (target !== undefined && scroller.current) scroller.current.scrollTop = (target * ROW) / scale;
  };

  return (
    <div className="hex" ref={box}>
      <span className="hex__probe" ref={probe} aria-hidden="true">
        0000000000
      </span>
      <div className="hex__toolbar">
        <label className="inspector__check">
          <input type="checkbox" checked={showUnchanged} onChange={(e) => setShowUnchanged(e.target.checked)} /> Show unchanged bytes
        </label>
        <button type="button" className="button inspector__small" onClick={() => jump(-1)} disabled={!changes.some((row) => row < first)}>
          Previous change
        </button>
        <button type="button" className="button inspector__small" onClick={() => jump(1)} disabled={!changes.some((row) => row > first)}>
          Next change
        </button>
        <ByteTrace size={Math.max(diff.summary.beforeSize, diff.summary.afterSize)} />
      </div>
      {diff.method === 'block' && (
        <p className="inspector__note inspector__muted">
          The changed middle ({formatSize(diff.middle.before)} → {formatSize(diff.middle.after)}) is too large or too different for an exact alignment: it is compared byte by byte at the same offsets, and the longer side's rest counted as added or removed.
        </p>
      )}
      <div role="table" aria-label="Hex diff" aria-rowcount={layout.rowCount + 1} className="hex__table">
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className="hex__row hex__row--head">
            <ColumnHeads side="Before" geometry={geometry} />
            <span className="hex__sep" aria-hidden="true" />
            <ColumnHeads side="After" geometry={geometry} />
          </div>
        </div>
        {layout.rowCount === 0 ? (
          <p className="inspector__muted">Both states are empty.</p>
        ) : (
          <div role="rowgroup" className="hex__scroller" ref={scroller} tabIndex={0} style={{ height: viewHeight }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
            <div className="hex__spacer" style={{ height: spacer }}>
              <div className="hex__window" style={{ transform: `translateY(${scrollTop - shift}px)` }}>
                {rows}
              </div>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}

/** One side's column headers; the offset column is too narrow for its word, so it is named, not labelled. */
function ColumnHeads({ side, geometry }: { side: 'Before' | 'After'; geometry: HexGeometry }) {
  return (
    <>
      <span role="columnheader" aria-label={`${side}: offset`} className="hex__offset" style={{ width: `${geometry.digits}ch` }} />
      <span role="columnheader" className="hex__bytes" style={{ width: `${geometry.bytes * 3 - 1}ch` }}>
        {side}
      </span>
      {geometry.ascii && <span role="columnheader" aria-label={`${side}: ASCII`} className="hex__ascii" style={{ width: `${geometry.bytes}ch` }} />}
    </>
  );
}
