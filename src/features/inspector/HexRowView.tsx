import type { HexRow, RowSpan } from '../../core';
import type { HexGeometry } from './useHexGeometry';

const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const ascii = (byte: number) => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.');

interface Props {
  row: HexRow;
  index: number;
  before: Uint8Array | undefined;
  after: Uint8Array | undefined;
  geometry: HexGeometry;
}

/** One aligned row: offset, bytes and ASCII of the state before, then the same of the state after. */
export function HexRowView({ row, index, before, after, geometry }: Props) {
  if (row.kind === 'gap') {
    return (
      <div role="row" aria-rowindex={index + 2} className="hex__row hex__row--gap">
        <span role="cell" className="hex__gap">
          ⋯ {row.bytes.toLocaleString('en-US')} unchanged bytes ({offset(row.a?.start ?? 0, geometry.digits)}–{offset((row.a?.end ?? 1) - 1, geometry.digits)})
        </span>
      </div>
    );
  }
  return (
    <div role="row" aria-rowindex={index + 2} className={`hex__row hex__row--${row.kind}`}>
      <Side side="before" span={row.a} bytes={before} other={row.b} otherBytes={after} row={row} geometry={geometry} />
      <span className="hex__sep" aria-hidden="true" />
      <Side side="after" span={row.b} bytes={after} other={row.a} otherBytes={before} row={row} geometry={geometry} />
    </div>
  );
}

interface SideProps {
  side: 'before' | 'after';
  span: RowSpan;
  bytes: Uint8Array | undefined;
  other: RowSpan;
  otherBytes: Uint8Array | undefined;
  row: HexRow;
  geometry: HexGeometry;
}

/** Offset, hex and ASCII cells of one side, changed bytes in <mark> (grouped, to keep the DOM small). */
function Side({ side, span, bytes, other, otherBytes, row, geometry }: SideProps) {
  const cells = { offset: '', hex: [] as Run[], ascii: [] as Run[] };
  if (span && bytes) {
    cells.offset = offset(span.start, geometry.digits);
    let previous = false;
    for (let i = span.start; i < span.end; i++) {
      const marked = isChanged(row.kind, i - span.start, bytes[i]!, other, otherBytes);
      // The space between two bytes is highlighted only inside a changed run.
      if (i > span.start) push(cells.hex, marked && previous, ' ');
      push(cells.hex, marked, hex[bytes[i]!]!);
      push(cells.ascii, marked, ascii(bytes[i]!));
      previous = marked;
    }
  }
  return (
    <>
      <span role="cell" className="hex__offset" style={{ width: `${geometry.digits}ch` }}>
        {cells.offset}
      </span>
      <span role="cell" className={`hex__bytes hex__bytes--${side}`} style={{ width: `${geometry.bytes * 3 - 1}ch` }}>
        {render(cells.hex)}
      </span>
      {geometry.ascii && (
        <span role="cell" className={`hex__ascii hex__bytes--${side}`} style={{ width: `${geometry.bytes}ch` }}>
          {render(cells.ascii)}
        </span>
      )}
    </>
  );
}

/**
 * Insertions, deletions and replacements mark every byte; a block (the positional fallback)
 * marks only bytes that differ from the byte at the same place on the other side.
 */
function isChanged(kind: HexRow['kind'], at: number, byte: number, other: RowSpan, otherBytes: Uint8Array | undefined): boolean {
  if (kind === 'equal' || kind === 'gap') return false;
  if (kind !== 'block') return true;
  const counterpart = other && other.start + at < other.end ? otherBytes?.[other.start + at] : undefined;
  return counterpart !== byte;
}

type Run = { marked: boolean; text: string };

function push(runs: Run[], marked: boolean, text: string): void {
  const last = runs[runs.length - 1];
  if (last && last.marked === marked) last.text += text;
  else runs.push({ marked, text });
}

const render = (runs: Run[]) => runs.map((run, i) => (run.marked ? <mark key={i}>{run.text}</mark> : run.text));

const offset = (at: number, digits: number): string => at.toString(16).padStart(digits, '0');
