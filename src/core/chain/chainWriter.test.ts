import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { JsonBytes, valueJson, writeJson } from './chainWriter';

const written = (value: unknown): string => {
  const decoder = new TextDecoder();
  let text = '';
  writeJson(value, (chunk) => (text += decoder.decode(chunk, { stream: true })));
  return text + decoder.decode();
};

const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i);

describe('streamed chain JSON', () => {
  it('writes what valueJson writes, whatever JSON.stringify does with the value', () => {
    class Point {
      constructor(readonly x = 1) {}
    }
    const values: unknown[] = [
      null,
      undefined,
      0,
      -1.5e-7,
      Number.NaN,
      12345678901234567890n,
      'plain',
      'quote " backslash \\ newline \n tab \t nul \u0000 lone \ud800 é ☃ 𝄞',
      allBytes,
      new Uint8Array(0),
      Buffer.from([1, 2, 3]),
      [undefined, () => 1, Symbol('s'), null, [allBytes]],
      Object.assign(new Array(3), { 1: 'holes either side' }),
      { a: undefined, f: () => 1, s: Symbol('s'), nested: { bytes: allBytes, 1: 'one' }, 0: 'zero' },
      Object.assign(Object.create(null) as object, { b: true }),
      { when: new Date(0), point: new Point(), map: new Map([[1, 2]]), own: { toJSON: () => 'mine' } },
      { ty: { tag: 'text' }, data: undefined, text: 'hi' },
    ];
    for (const value of values) expect(written(value)).toBe(valueJson(value));
  });

  it('nests JsonBytes as the UTF-8 of their JSON, written as numbers, to any depth', () => {
    const inner = [allBytes, [{ ty: { tag: 'binary' }, data: allBytes.subarray(250), text: 'é' }]];
    const asNumbers = (value: unknown) => Array.from(new TextEncoder().encode(valueJson(value)));
    expect(written({ params: new JsonBytes(inner) })).toBe(valueJson({ params: asNumbers(inner) }));
    expect(written(new JsonBytes({ outer: new JsonBytes(inner) }))).toBe(valueJson(asNumbers({ outer: asNumbers(inner) })));
  });
});
