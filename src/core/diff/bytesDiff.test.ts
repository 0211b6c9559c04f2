import { describe, expect, it } from 'vitest';
import { diffBytes } from './bytesDiff';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('diffBytes', () => {
  it('a changed digit of the counter state is one replaced byte at offset 9', () => {
    const diff = diffBytes(bytes('{"count":0,"connections":1,"history":[]}'), bytes('{"count":5,"connections":1,"history":[]}'));
    expect(diff.method).toBe('exact');
    expect(diff.hunks).toEqual([
      { kind: 'equal', aStart: 0, aEnd: 9, bStart: 0, bEnd: 9 },
      { kind: 'replace', aStart: 9, aEnd: 10, bStart: 9, bEnd: 10 },
      { kind: 'equal', aStart: 10, aEnd: 40, bStart: 10, bEnd: 40 },
    ]);
    expect(diff.summary).toEqual({ beforeSize: 40, afterSize: 40, added: 0, removed: 0, changed: 1 });
  });

  it('an insertion shifts what follows instead of marking every later byte changed', () => {
    const before = bytes('{"history":[]}');
    const after = bytes('{"history":["hello"]}');
    const diff = diffBytes(before, after);
    expect(diff.hunks).toEqual([
      { kind: 'equal', aStart: 0, aEnd: 12, bStart: 0, bEnd: 12 },
      { kind: 'insert', aStart: 12, aEnd: 12, bStart: 12, bEnd: 19 },
      { kind: 'equal', aStart: 12, aEnd: 14, bStart: 19, bEnd: 21 },
    ]);
    expect(diff.summary).toMatchObject({ added: 7, removed: 0, changed: 0 });
  });

  it('a deletion in the middle is aligned too', () => {
    const diff = diffBytes(bytes('abcdefghij'), bytes('abcghij'));
    expect(diff.hunks.map((h) => h.kind)).toEqual(['equal', 'delete', 'equal']);
    expect(diff.hunks[1]).toMatchObject({ aStart: 3, aEnd: 6, bStart: 3, bEnd: 3 });
    expect(diff.summary).toMatchObject({ removed: 3, added: 0, changed: 0 });
  });

  it('insertion and deletion at once, from and to nothing', () => {
    expect(diffBytes(new Uint8Array(0), bytes('abc')).hunks).toEqual([{ kind: 'insert', aStart: 0, aEnd: 0, bStart: 0, bEnd: 3 }]);
    expect(diffBytes(bytes('abc'), new Uint8Array(0)).summary).toMatchObject({ removed: 3 });
    const both = diffBytes(bytes('XabcdefY'), bytes('abcdefZZ'));
    expect(both.summary).toMatchObject({ beforeSize: 8, afterSize: 8 });
    expect(both.hunks.find((h) => h.kind === 'equal' && h.aEnd - h.aStart === 6)).toMatchObject({ aStart: 1, bStart: 0 });
  });

  it('finds the common prefix and suffix at any alignment of the underlying buffers', () => {
    const text = 'abcdefghijklmnopqrstuvwxyz0123456789';
    for (let shiftA = 0; shiftA < 4; shiftA++) {
      for (let shiftB = 0; shiftB < 4; shiftB++) {
        const a = new Uint8Array(shiftA + 40).subarray(shiftA);
        const b = new Uint8Array(shiftB + 41).subarray(shiftB);
        a.set(bytes(`${text}AAAA`));
        b.set(bytes(`${text.slice(0, 17)}Z${text.slice(17)}AAAA`));
        expect(diffBytes(a, b).hunks).toEqual([
          { kind: 'equal', aStart: 0, aEnd: 17, bStart: 0, bEnd: 17 },
          { kind: 'insert', aStart: 17, aEnd: 17, bStart: 17, bEnd: 18 },
          { kind: 'equal', aStart: 17, aEnd: 40, bStart: 18, bEnd: 41 },
        ]);
      }
    }
  });

  it('identical states have one equal hunk and nothing changed', () => {
    const diff = diffBytes(bytes('same'), bytes('same'));
    expect(diff.hunks).toEqual([{ kind: 'equal', aStart: 0, aEnd: 4, bStart: 0, bEnd: 4 }]);
    expect(diff.summary).toMatchObject({ added: 0, removed: 0, changed: 0 });
  });

  it('folds chance matches of a few bytes into the surrounding change', () => {
    const diff = diffBytes(bytes('____a1b2c3d4____'), bytes('____x1y2z3w4____'));
    // The final "4" is part of the common suffix.
    expect(diff.hunks).toEqual([
      { kind: 'equal', aStart: 0, aEnd: 4, bStart: 0, bEnd: 4 },
      { kind: 'replace', aStart: 4, aEnd: 11, bStart: 4, bEnd: 11 },
      { kind: 'equal', aStart: 11, aEnd: 16, bStart: 11, bEnd: 16 },
    ]);
  });

  it('falls back to a block compare when the changed middle is too different, and says so', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff;
    const a = Uint8Array.from({ length: 300_000 }, random);
    const b = Uint8Array.from({ length: 300_010 }, random);
    a[0] = b[0] = 1;
    a[a.length - 1] = 2;
    b[b.length - 1] = 3;
    const started = performance.now();
    const diff = diffBytes(a, b);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(diff.method).toBe('block');
    expect(diff.hunks.map((h) => h.kind)).toEqual(['equal', 'block', 'insert']);
    expect(diff.summary.added).toBe(10);
    let differing = 0;
    for (let i = 1; i < a.length; i++) if (a[i] !== b[i]) differing++;
    expect(diff.summary.changed).toBe(differing);
  });

  it('a 16 MiB state that grows from a few bytes is a prefix, a change and an insertion', () => {
    const before = bytes('{"calls":1}');
    const after = new Uint8Array(16 * 1024 * 1024 + 22).fill(0x78);
    after.set(bytes('{"calls":2,"pad":"'));
    after.set(bytes('"}'), after.length - 2);
    const diff = diffBytes(before, after);
    expect(diff.hunks.map((h) => h.kind)).toEqual(['equal', 'block', 'insert', 'equal']);
    expect(diff.hunks[0]).toEqual({ kind: 'equal', aStart: 0, aEnd: 9, bStart: 0, bEnd: 9 });
    expect(diff.summary).toEqual({ beforeSize: 11, afterSize: after.length, changed: 1, added: after.length - 11, removed: 0 });
  });
});
