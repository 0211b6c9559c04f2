import type { Hunk } from './bytesDiff';

/** Bytes of one side on one row, `[start, end)`; null where that side has nothing (an insertion's left). */
export type RowSpan = { start: number; end: number } | null;

/** One row of the side-by-side hex view. */
export type HexRow =
  | { kind: Hunk['kind']; a: RowSpan; b: RowSpan }
  /** Unchanged rows folded away; `bytes` is how many bytes (per side) they hold. */
  | { kind: 'gap'; bytes: number; a: RowSpan; b: RowSpan };

export interface HexLayoutOptions {
  /** Bytes per row. */
  width: number;
  /** Fold long unchanged stretches down to `context` rows either side of a gap row. */
  collapse: boolean;
  context?: number;
}

interface Block {
  hunk: Hunk;
  firstRow: number;
  /** Rows the hunk needs unfolded. */
  lines: number;
  folded: boolean;
}

/**
 * Lays hunks out as rows for a windowed view: each hunk starts a row of its own so both sides
 * stay aligned after an insertion, and any row is found by index in O(log hunks) without
 * building the million rows a 16 MiB state has.
 */
export class HexLayout {
  readonly rowCount: number;
  readonly #blocks: Block[] = [];
  readonly #width: number;
  readonly #context: number;

  constructor(hunks: readonly Hunk[], options: HexLayoutOptions) {
    this.#width = options.width;
    this.#context = options.context ?? 2;
    let row = 0;
    for (const hunk of hunks) {
      const lines = Math.ceil(Math.max(hunk.aEnd - hunk.aStart, hunk.bEnd - hunk.bStart) / this.#width);
      if (lines === 0) continue;
      const folded = options.collapse && hunk.kind === 'equal' && lines > 2 * this.#context + 1;
      this.#blocks.push({ hunk, firstRow: row, lines, folded });
      row += folded ? 2 * this.#context + 1 : lines;
    }
    this.rowCount = row;
  }

  row(index: number): HexRow {
    const block = this.#blockAt(index);
    const { hunk, lines } = block;
    let line = index - block.firstRow;
    if (block.folded) {
      const context = this.#context;
      if (line === context) {
        const hidden = (lines - 2 * context) * this.#width;
        const at = context * this.#width;
        return { kind: 'gap', bytes: hidden, a: { start: hunk.aStart + at, end: hunk.aStart + at + hidden }, b: { start: hunk.bStart + at, end: hunk.bStart + at + hidden } };
      }
      if (line > context) line = lines - context + (line - context - 1);
    }
    return { kind: hunk.kind, a: this.#span(hunk.aStart, hunk.aEnd, line), b: this.#span(hunk.bStart, hunk.bEnd, line) };
  }

  /** The first row of every change, in order: for "next change" and "previous change". */
  changeRows(): number[] {
    return this.#blocks.filter((block) => block.hunk.kind !== 'equal').map((block) => block.firstRow);
  }

  #span(start: number, end: number, line: number): RowSpan {
    const from = start + line * this.#width;
    return from >= end ? null : { start: from, end: Math.min(end, from + this.#width) };
  }

  #blockAt(index: number): Block {
    if (index < 0 || index >= this.rowCount) throw new RangeError(`row ${index} is outside 0..${this.rowCount - 1}`);
    let low = 0;
    let high = this.#blocks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.#blocks[mid]!.firstRow <= index) low = mid;
      else high = mid - 1;
    }
    return this.#blocks[low]!;
  }
}
