import { sha1 } from '@noble/hashes/legacy.js';
import { describe, expect, it } from 'vitest';
import { utf8 } from './bytes';
import { decodeEntry, verifyChain, type ChainEntry } from './chain';
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

  it('refuses what is not a chain', () => {
    for (const text of ['nope', '{}', '[{"hash":[1]}]']) expect(verifyChain(text).ok).toBe(false);
  });
});
