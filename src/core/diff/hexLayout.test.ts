import { describe, expect, it } from 'vitest';
import { diffBytes } from './bytesDiff';
import { HexLayout } from './hexLayout';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('HexLayout', () => {
  it('starts each hunk on a row of its own, so both sides line up after an insertion', () => {
    const diff = diffBytes(bytes('{"count":0,"history":[]}'), bytes('{"count":0,"history":["hello"]}'));
    const layout = new HexLayout(diff.hunks, { width: 8, collapse: false });
    const rows = Array.from({ length: layout.rowCount }, (_, i) => layout.row(i));
    expect(rows.map((r) => r.kind)).toEqual(['equal', 'equal', 'equal', 'insert', 'equal']);
    // The insertion: nothing on the left, the seven new bytes on the right.
    expect(rows[3]).toEqual({ kind: 'insert', a: null, b: { start: 22, end: 29 } });
    // After it, the same bytes `]}` sit at different offsets on each side, on one row.
    expect(rows[4]).toEqual({ kind: 'equal', a: { start: 22, end: 24 }, b: { start: 29, end: 31 } });
    expect(layout.changeRows()).toEqual([3]);
  });

  it('folds long unchanged stretches into a gap row with their size', () => {
    const before = new Uint8Array(1000).fill(1);
    const after = before.slice();
    after[500] = 2;
    const layout = new HexLayout(diffBytes(before, after).hunks, { width: 10, collapse: true, context: 2 });
    // equal 500 bytes: 2 + gap + 2; the change: 1; equal 499 bytes: 2 + gap + 2.
    expect(layout.rowCount).toBe(11);
    expect(layout.row(2)).toEqual({ kind: 'gap', bytes: 460, a: { start: 20, end: 480 }, b: { start: 20, end: 480 } });
    expect(layout.row(3)).toEqual({ kind: 'equal', a: { start: 480, end: 490 }, b: { start: 480, end: 490 } });
    expect(layout.row(5)).toEqual({ kind: 'replace', a: { start: 500, end: 501 }, b: { start: 500, end: 501 } });
    expect(layout.row(10)).toEqual({ kind: 'equal', a: { start: 991, end: 1000 }, b: { start: 991, end: 1000 } });
  });

  it('lays out a 16 MiB insertion as a million rows without building them', () => {
    const after = new Uint8Array(16 * 1024 * 1024);
    const layout = new HexLayout(diffBytes(new Uint8Array(0), after).hunks, { width: 16, collapse: true });
    expect(layout.rowCount).toBe(1024 * 1024);
    expect(layout.row(1024 * 1024 - 1)).toEqual({ kind: 'insert', a: null, b: { start: after.length - 16, end: after.length } });
    expect(() => layout.row(1024 * 1024)).toThrow(RangeError);
  });

  it('a replacement of unequal lengths leaves the shorter side blank on its extra rows', () => {
    const layout = new HexLayout([{ kind: 'replace', aStart: 0, aEnd: 3, bStart: 0, bEnd: 20 }], { width: 8, collapse: false });
    expect(layout.rowCount).toBe(3);
    expect(layout.row(0)).toEqual({ kind: 'replace', a: { start: 0, end: 3 }, b: { start: 0, end: 8 } });
    expect(layout.row(1)).toEqual({ kind: 'replace', a: null, b: { start: 8, end: 16 } });
  });
});
