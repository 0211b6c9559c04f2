import { sha1 } from '@noble/hashes/legacy.js';
import { describe, expect, it } from 'vitest';
import { utf8 } from './bytes';
import { decodeEntry, entryHash, hashEntry, verifyChain, type ChainEntry } from './chain';
import { JsonBytes, valueJson } from './chainText';
import { textMessage } from './messages';
import { expectOk, startExample } from './testing/exampleActors';

async function recordedChain(): Promise<ChainEntry[]> {
  const { session } = await startExample('counter');
  const { connection } = expectOk(await session.open());
  expectOk(await session.send(connection.id, textMessage('inc 2')));
  expectOk(await session.send(connection.id, textMessage('inc nope')));
  return JSON.parse(session.exportChain()) as ChainEntry[];
}

describe("Theater's event chain", () => {
  it('exports entries whose hashes follow Theater\'s rule, computed independently here', async () => {
    const entries = await recordedChain();
    expect(entries.length).toBeGreaterThan(6);
    entries.forEach((entry, i) => {
      const text = JSON.stringify({ hash: [], parent_hash: entry.parent_hash, event_type: entry.event_type, data: entry.data });
      expect(entry.hash).toEqual(Array.from(sha1(utf8(text))));
      expect(entry.parent_hash).toEqual(i === 0 ? null : entries[i - 1]!.hash);
    });
  });

  it('records the call, each host call and the result, with decodable payloads', async () => {
    const entries = await recordedChain();
    const payloads = entries.map((e) => [e.event_type, decodeEntry(e)] as const);
    expect(payloads[0]).toEqual(['wasm', { category: 'Wasm', WasmCall: expect.objectContaining({ function_name: 'theater:simple/actor.init' }) }]);
    expect(payloads.some(([type, p]) => type === 'theater:simple/runtime/log' && (p as { category: string }).category === 'HostFunction')).toBe(true);
    expect(payloads.some(([, p]) => JSON.stringify(p).includes('WasmError'))).toBe(true);
  });

  it('verifies an exported chain', async () => {
    const entries = await recordedChain();
    expect(expectOk(verifyChain(JSON.stringify(entries)))).toHaveLength(entries.length);
  });

  it('names the index of a tampered entry', async () => {
    const entries = await recordedChain();
    entries[3]!.data[0] = entries[3]!.data[0]! ^ 1;
    const result = verifyChain(JSON.stringify(entries));
    expect(result.ok ? -2 : result.error.index).toBe(3);
    expect(result.ok ? '' : result.error.message).toMatch(/altered/);
  });

  it('names the index of a broken parent link', async () => {
    const entries = await recordedChain();
    entries.splice(2, 1);
    const result = verifyChain(JSON.stringify(entries));
    expect(result.ok ? -2 : result.error.index).toBe(2);
    expect(result.ok ? '' : result.error.message).toMatch(/parent_hash/);
  });

  it('streams the same hash as the plain rule, over assorted bytes and across many chunks', () => {
    const jsonBytes = (value: unknown) => Array.from(utf8(valueJson(value)));
    // The payload as the plain rule sees it: every JsonBytes field (all in objects) already turned into numbers.
    const plain = (value: unknown): unknown => {
      if (value instanceof JsonBytes) return jsonBytes(value.value);
      if (typeof value !== 'object' || value === null) return value;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
    };
    const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const large = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 167 + (i >>> 9)) % 256);
    const message = { ty: { tag: 'binary' }, data: allBytes, text: 'quote " é ☃ 𝄞 \u0000' };
    const payloads = [
      { category: 'Wasm', WasmCall: { function_name: 'theater:simple/actor.init', params: new JsonBytes([undefined]) } },
      { category: 'Wasm', WasmCall: { function_name: 'f', params: new JsonBytes([allBytes, [message]]) } },
      { category: 'HostFunction', interface: 'theater:simple/runtime', function: 'log', input: new JsonBytes(['é', 2n, { deep: [new Uint8Array(0)] }]), output: new JsonBytes(undefined) },
      { category: 'Wasm', WasmResult: { function_name: 'f', result: new JsonBytes([large, [{ messages: [message] }]]) } },
      { category: 'Wasm', WasmError: { function_name: 'f', message: 'trap: unreachable' } },
    ];
    for (const parent of [null, Uint8Array.from({ length: 20 }, (_, i) => 255 - i)]) {
      for (const [i, payload] of payloads.entries()) {
        const eventType = i === 2 ? 'theater:simple/runtime/log' : 'wasm';
        const expected = entryHash({ parent_hash: parent && Array.from(parent), event_type: eventType, data: jsonBytes(plain(payload)) });
        expect(Array.from(hashEntry(parent, eventType, payload))).toEqual(expected);
      }
    }
  });

  it('exports compact JSON, exactly as JSON.stringify writes the entries', async () => {
    const { session } = await startExample('counter');
    const { connection } = expectOk(await session.open());
    expectOk(await session.send(connection.id, textMessage('inc 2')));
    const text = session.exportChain();
    expect(text).toBe(JSON.stringify(JSON.parse(text)));
  });

  it('refuses what is not a chain', () => {
    for (const text of ['nope', '{}', '[{"hash":[1]}]']) expect(verifyChain(text).ok).toBe(false);
  });
});
