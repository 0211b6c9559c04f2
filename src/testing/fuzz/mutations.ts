import fc from 'fast-check';
import { concatBytes } from '../../core/bytes';

/**
 * Test support: the fuzzer's mutations, as fast-check arbitraries, so every case comes from a
 * seed and a failing one shrinks to a small change. Bytes get bit flips, truncation, splices,
 * inserted and overwritten runs; JSON values get a field deleted or given another type.
 */

/** A mutated copy of some bytes, with what was done (for the failure report). */
export interface Mutated<T> {
  what: string;
  value: T;
}

/** Every byte-level mutation of `base`: one flip, cut, insertion, overwrite or splice. */
export function mutatedBytes(base: Uint8Array): fc.Arbitrary<Mutated<Uint8Array>> {
  const at = fc.nat({ max: Math.max(0, base.length - 1) });
  const run = fc.uint8Array({ minLength: 1, maxLength: 16 });
  return fc.oneof(
    fc.tuple(at, fc.nat({ max: 7 })).map(([i, bit]) => {
      const bytes = base.slice();
      bytes[i] = bytes[i]! ^ (1 << bit);
      return { what: `bit ${bit} of byte ${i} flipped`, value: bytes };
    }),
    at.map((n) => ({ what: `cut to ${n} bytes`, value: base.slice(0, n) })),
    fc.tuple(at, run).map(([i, inserted]) => ({ what: `${inserted.length} bytes inserted at ${i}`, value: concatBytes([base.subarray(0, i), inserted, base.subarray(i)]) })),
    fc.tuple(at, run).map(([i, over]) => {
      const bytes = base.slice();
      bytes.set(over.subarray(0, bytes.length - i), i);
      return { what: `${over.length} bytes overwritten at ${i}`, value: bytes };
    }),
    fc.tuple(at, at, fc.integer({ min: 1, max: 256 })).map(([from, to, length]) => ({
      what: `${length} bytes from ${from} spliced in at ${to}`,
      value: concatBytes([base.subarray(0, to), base.subarray(from, from + length), base.subarray(to)]),
    })),
  );
}

/** Values of every JSON type, and the awkward ones: a number past 2^53, a negative, deep nesting. */
const REPLACEMENTS: unknown[] = [null, true, 0, -1, 2 ** 53 + 1, 1e308, '', 'x', [], {}, [[[[[[[[[[[]]]]]]]]]]], { $bytes: 'not base64!' }];

type Path = Array<string | number>;

/** Every path into a JSON value (objects' keys, arrays' items), up to `limit` of them, parents before children. */
function pathsOf(value: unknown, limit = 5000): Path[] {
  const paths: Path[] = [];
  const walk = (node: unknown, path: Path) => {
    if (paths.length >= limit || node === null || typeof node !== 'object') return;
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    for (const key of keys) {
      paths.push([...path, key]);
      walk((node as Record<string | number, unknown>)[key], [...path, key]);
    }
  };
  walk(value, []);
  return paths;
}

/**
 * Every one-field mutation of a JSON value: a field or item deleted, or given a value of another
 * type. `base` is not changed; each case gets a copy.
 */
export function mutatedJson<T>(base: T): fc.Arbitrary<Mutated<T>> {
  const paths = pathsOf(base);
  if (paths.length === 0) return fc.constant({ what: 'unchanged (nothing to mutate)', value: base });
  return fc.tuple(fc.nat({ max: paths.length - 1 }), fc.nat({ max: REPLACEMENTS.length })).map(([p, r]) => {
    const path = paths[p]!;
    const copy = structuredClone(base);
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], copy) as Record<string | number, unknown> | unknown[];
    const key = path.at(-1)!;
    const where = path.join('.');
    if (r === REPLACEMENTS.length) {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      return { what: `${where} deleted`, value: copy };
    }
    (parent as Record<string | number, unknown>)[key] = structuredClone(REPLACEMENTS[r]);
    return { what: `${where} set to ${JSON.stringify(REPLACEMENTS[r])}`, value: copy };
  });
}
