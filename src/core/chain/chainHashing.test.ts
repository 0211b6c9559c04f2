import { sha1 } from '@noble/hashes/legacy.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { utf8 } from '../bytes';
import { entryHash, hashEntry } from './chain';
import { JsonBytes, valueJson } from './chainWriter';
import { loadSha1 } from './sha1';
import { expectOk } from '../../runtime/testing/exampleActors';
import { readChain } from './chainHistory';
import { readFixture, THEATER_CHAIN_FIXTURES } from '../../runtime/testing/theaterChains';

// Theater's rule computed the plain way, independently of the streamed writer: the whole entry text
// built by JSON.stringify, with every JsonBytes field already turned into its numbers, then one SHA-1.
const asNumbers = (value: unknown) => Array.from(utf8(valueJson(value)));
const plain = (value: unknown): unknown => {
  if (value instanceof JsonBytes) return asNumbers(plain(value.value));
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return value;
  return Array.isArray(value) ? value.map(plain) : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
};
const plainHash = (parent: Uint8Array | null, eventType: string, data: JsonBytes | Uint8Array) =>
  Array.from(sha1(utf8(JSON.stringify({ hash: [], parent_hash: parent && Array.from(parent), event_type: eventType, data: data instanceof JsonBytes ? plain(data) : Array.from(data) }))));

/** Deterministic bytes of every value (a xorshift generator), so a failure reproduces. */
function randomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed | 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const PARENT = Uint8Array.from({ length: 20 }, (_, i) => 255 - i);

describe("chain hashing by Theater's rule, on the compiled SHA-1", () => {
  beforeAll(() => loadSha1());

  it('streams the same hash as the plain rule, over assorted values', () => {
    const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const message = { ty: 'Binary', data: allBytes, text: 'quote " é ☃ 𝄞 \u0000' };
    const payloads = [
      { category: 'Wasm', WasmCall: { function_name: 'theater:simple/actor.init', params: new JsonBytes(null) } },
      { category: 'Wasm', WasmCall: { function_name: 'f', params: new JsonBytes([message]) } },
      { category: 'HostFunction', interface: 'theater:simple/runtime', function: 'log', input: new JsonBytes(['é', 2n, { deep: [new Uint8Array(0)] }]), output: new JsonBytes(undefined) },
      { category: 'Wasm', WasmResult: { function_name: 'f', result: [allBytes, new JsonBytes([{ messages: [message] }])] } },
      { category: 'Wasm', WasmError: { function_name: 'f', message: 'trap: unreachable' } },
    ];
    for (const parent of [null, PARENT]) {
      for (const [i, payload] of payloads.entries()) {
        const eventType = i === 2 ? 'theater:simple/runtime/log' : 'wasm';
        expect(Array.from(hashEntry(parent, { eventType, data: new JsonBytes(payload) }))).toEqual(plainHash(parent, eventType, new JsonBytes(payload)));
      }
    }
  });

  it('hashes random states as the plain rule does, at every depth Theater nests them, across 64 KiB chunks', () => {
    // Sizes whose text ends just before, at and after chunk boundaries at each depth (about 4, 12
    // and 36 characters a byte), and a few that span many chunks.
    const sizes = [0, 1, 2, 3, 1820, 1821, 5461, 5462, 16383, 16384, 16385, 65535, 65536, 65537, 100_003];
    sizes.forEach((size, n) => {
      const bytes = randomBytes(size, n + 1);
      const depth1 = bytes; // kept entry data: the bytes are the entry's data array itself
      const depth2 = new JsonBytes({ category: 'Wasm', WasmResult: { function_name: 'f', result: [bytes, new JsonBytes(null)] } });
      const depth3 = new JsonBytes({ category: 'Wasm', WasmCall: { function_name: 'f', params: new JsonBytes([{ ty: 'Binary', data: bytes.subarray(0, 20_000), text: null }]) } });
      for (const data of [depth1, depth2, depth3]) expect(Array.from(hashEntry(PARENT, { eventType: 'wasm', data }))).toEqual(plainHash(PARENT, 'wasm', data));
    });
  });

  it('hashes bytes nested deeper than Theater nests them the same way', () => {
    const bytes = randomBytes(300, 7);
    const deep = new JsonBytes({ a: new JsonBytes([new JsonBytes({ b: bytes })]) });
    expect(Array.from(hashEntry(null, { eventType: 'x', data: deep }))).toEqual(plainHash(null, 'x', deep));
  });

  it('checks entries read back as JSON by the same rule: every fixture Theater wrote verifies', () => {
    const intact = THEATER_CHAIN_FIXTURES.filter((name) => name.endsWith('.json') && !/tampered|broken/.test(name));
    expect(intact).toHaveLength(3);
    for (const name of intact) expectOk(readChain(readFixture(name)));
    const data = Array.from(randomBytes(70_000, 3));
    expect(entryHash({ parent_hash: null, event_type: 'wasm', data })).toEqual(plainHash(null, 'wasm', Uint8Array.from(data)));
  });
});
