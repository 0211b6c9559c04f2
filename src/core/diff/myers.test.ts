import { describe, expect, it } from 'vitest';
import { myers, type EditRun } from './myers';

const codes = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

/** Applies an edit script to `a`, taking inserted elements from `b`: must give back `b`. */
function apply(a: number[], b: number[], runs: EditRun[]): number[] {
  const out: number[] = [];
  for (const run of runs) {
    if (run.op === 'equal') out.push(...a.slice(run.aStart, run.aStart + run.length));
    if (run.op === 'insert') out.push(...b.slice(run.bStart, run.bStart + run.length));
  }
  return out;
}

const edits = (runs: EditRun[]) => runs.filter((r) => r.op !== 'equal').reduce((sum, r) => sum + r.length, 0);

describe('myers', () => {
  it('finds the shortest edit script of the classic example', () => {
    const a = codes('ABCABBA');
    const b = codes('CBABAC');
    const runs = myers(a, b)!;
    expect(apply(a, b, runs)).toEqual(b);
    expect(edits(runs)).toBe(5);
  });

  it('places an insertion where it happened, keeping what follows aligned', () => {
    const runs = myers(codes('abcdef'), codes('abcXYdef'))!;
    expect(runs).toEqual([
      { op: 'equal', aStart: 0, bStart: 0, length: 3 },
      { op: 'insert', aStart: 3, bStart: 3, length: 2 },
      { op: 'equal', aStart: 3, bStart: 5, length: 3 },
    ]);
  });

  it('places a deletion where it happened', () => {
    const runs = myers(codes('abcXYdef'), codes('abcdef'))!;
    expect(runs).toEqual([
      { op: 'equal', aStart: 0, bStart: 0, length: 3 },
      { op: 'delete', aStart: 3, bStart: 3, length: 2 },
      { op: 'equal', aStart: 5, bStart: 3, length: 3 },
    ]);
  });

  it('handles empty sides and identical inputs', () => {
    expect(myers([], [])).toEqual([]);
    expect(myers([], [1, 2])).toEqual([{ op: 'insert', aStart: 0, bStart: 0, length: 2 }]);
    expect(myers([1, 2], [])).toEqual([{ op: 'delete', aStart: 0, bStart: 0, length: 2 }]);
    expect(myers([7, 8], [7, 8])).toEqual([{ op: 'equal', aStart: 0, bStart: 0, length: 2 }]);
  });

  it('round-trips random edits', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 50; round++) {
      const a = Array.from({ length: Math.floor(random() * 60) }, () => Math.floor(random() * 4));
      const b = a.filter(() => random() > 0.2).flatMap((x) => (random() > 0.8 ? [x, 9] : [x]));
      const runs = myers(a, b)!;
      expect(apply(a, b, runs)).toEqual(b);
    }
  });

  it('gives up past its edit or work budget', () => {
    const a = Array.from({ length: 1000 }, (_, i) => i % 251);
    const b = Array.from({ length: 1000 }, (_, i) => (i * 7) % 253);
    expect(myers(a, b, { maxEdits: 10, maxWork: 1e9 })).toBeUndefined();
    expect(myers(a, b, { maxEdits: 1e6, maxWork: 100 })).toBeUndefined();
  });
});
