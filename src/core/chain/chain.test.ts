import { sha1 } from '@noble/hashes/legacy.js';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes';
import { decodeEntry, verifyChain, type ChainEntry } from './chain';
import { binaryMessage, makeMessage, textMessage } from '../messages';
import { expectOk, startExample } from '../../runtime/testing/exampleActors';
import { fixtureEntries, readFixture } from '../../runtime/testing/theaterChains';

async function recordedChain(): Promise<ChainEntry[]> {
  const { session } = await startExample('counter');
  const { connection } = expectOk(await session.open());
  expectOk(await session.send(connection.id, textMessage('inc 2')));
  expectOk(await session.send(connection.id, textMessage('inc nope')));
  return JSON.parse(session.exportChain()) as ChainEntry[];
}

type Payload = Record<string, Record<string, unknown>>;
const payloadOf = (entry: ChainEntry) => decodeEntry(entry) as Payload;
const text = (bytes: readonly number[]) => new TextDecoder().decode(Uint8Array.from(bytes));

describe("Theater's event chain, exported", () => {
  it("hashes every entry by Theater's rule, computed independently here", async () => {
    const entries = await recordedChain();
    expect(entries.length).toBeGreaterThan(6);
    entries.forEach((entry, i) => {
      const json = JSON.stringify({ hash: [], parent_hash: entry.parent_hash, event_type: entry.event_type, data: entry.data });
      expect(entry.hash).toEqual(Array.from(sha1(utf8(json))));
      expect(entry.parent_hash).toEqual(i === 0 ? null : entries[i - 1]!.hash);
    });
  });

  it("writes the calls websocket.json holds byte for byte: params without the state, messages as serde writes them", async () => {
    // The echo actor's calls are the fixture's calls: a connect, "hello", bytes 1 2 255 and other("custom").
    const { session } = await startExample('echo');
    const { connection } = expectOk(await session.open());
    for (const message of [textMessage('hello'), binaryMessage(Uint8Array.from([1, 2, 255])), makeMessage('other', { other: 'custom' })]) expectOk(await session.send(connection.id, message));
    const exported = JSON.parse(session.exportChain()) as ChainEntry[];
    const fixture = fixtureEntries('websocket.json');
    const calls = (entries: ChainEntry[]) => entries.filter((e) => 'WasmCall' in payloadOf(e) && text(e.data).includes('handle-message'));
    expect(calls(exported).map((e) => [e.event_type, text(e.data)])).toEqual(calls(fixture).map((e) => [e.event_type, text(e.data)]));
    // Echo sends the bytes back as the fixture's actor does: the result's second half (the response JSON) is the same.
    const binaryResult = (entries: ChainEntry[]) => (payloadOf(entries.filter((e) => 'WasmResult' in payloadOf(e)).at(-2)!).WasmResult!.result as unknown[])[1];
    expect(text(binaryResult(exported) as number[])).toBe('[{"messages":[{"ty":"Binary","data":[1,2,255],"text":null}]}]');
    expect(binaryResult(exported)).toEqual(binaryResult(fixture));
    // Echo keeps no state: the result pair's first half is null.
    expect((payloadOf(exported[1]!).WasmResult!.result as unknown[])[0]).toBeNull();
  });

  it('writes init, its result pair and a log exactly as init-logs.json lays them out', async () => {
    const entries = await recordedChain();
    const fixture = fixtureEntries('init-logs.json');
    // init's params are the bytes of null, whatever the state: identical to Theater's.
    expect([entries[0]!.event_type, text(entries[0]!.data)]).toEqual([fixture[0]!.event_type, text(fixture[0]!.data)]);
    // A log: the input is the bytes of the JSON string, the output the bytes of null; only the message differs.
    const log = entries[1]!;
    const message = JSON.parse(text((payloadOf(log) as unknown as { input: number[] }).input)) as string;
    const theirs = payloadOf(fixture[1]!) as unknown as Record<string, unknown>;
    expect([log.event_type, text(log.data)]).toEqual([fixture[1]!.event_type, JSON.stringify({ ...theirs, input: Array.from(utf8(JSON.stringify(message))) })]);
    expect(message).toBe('counter initialised');
    // The result pair: the new state's own bytes, then the bytes of null.
    const [state, result] = payloadOf(entries[2]!).WasmResult!.result as [number[], number[]];
    expect(JSON.parse(text(state))).toEqual({ count: 0, connections: 0, history: [] });
    expect(result).toEqual((payloadOf(fixture[3]!).WasmResult!.result as unknown[])[1]);
    expect(Object.keys(payloadOf(entries[2]!).WasmResult!)).toEqual(['function_name', 'result']);
  });

  it("writes an actor's err as a WasmError with its message as the actor gave it", async () => {
    const entries = await recordedChain();
    const failure = payloadOf(entries.at(-1)!);
    expect(failure).toEqual({ category: 'Wasm', WasmError: { function_name: 'theater:simple/websocket-server.handle-message', message: expect.stringMatching(/^counter: "inc" needs one whole number/) } });
  });

  it('verifies an exported chain', async () => {
    const entries = await recordedChain();
    expect(expectOk(verifyChain(JSON.stringify(entries)))).toHaveLength(entries.length);
  });

  it('names the index of a tampered entry, and the fixture tampered at entry 2', async () => {
    const entries = await recordedChain();
    entries[3]!.data[0] = entries[3]!.data[0]! ^ 1;
    const result = verifyChain(JSON.stringify(entries));
    expect(result.ok ? -2 : result.error.index).toBe(3);
    const fixture = verifyChain(readFixture('tampered-entry-2.json'));
    expect(fixture.ok ? -2 : fixture.error.index).toBe(2);
    expect(fixture.ok ? '' : fixture.error.message).toMatch(/^Entry 2 \(theater:simple\/runtime\/log\) was altered: .* Nothing was imported\.$/);
  });

  it('names the index of a broken parent link, and the fixture broken at entry 4', async () => {
    const entries = await recordedChain();
    entries.splice(2, 1);
    const result = verifyChain(JSON.stringify(entries));
    expect(result.ok ? -2 : result.error.index).toBe(2);
    const fixture = verifyChain(readFixture('broken-parent-4.json'));
    expect(fixture.ok ? -2 : fixture.error.index).toBe(4);
    expect(fixture.ok ? '' : fixture.error.message).toMatch(/^Entry 4: its parent_hash \([0-9a-f]{40}\) is not the hash of entry 3 .*broken parent link/);
  });

  it('exports compact JSON, exactly as JSON.stringify writes the entries', async () => {
    const { session } = await startExample('counter');
    const { connection } = expectOk(await session.open());
    expectOk(await session.send(connection.id, textMessage('inc 2')));
    const exported = session.exportChain();
    expect(exported).toBe(JSON.stringify(JSON.parse(exported)));
  });

  it('refuses what is not a chain, saying what it is', () => {
    const refusal = (json: string) => {
      const result = verifyChain(json);
      return result.ok ? 'verified' : `${result.error.index}: ${result.error.message}`;
    };
    expect(refusal('nope')).toMatch(/^-1: This is neither a Theater chain in JSON .* nor Theater's text chain format/);
    expect(refusal('{}')).toMatch(/^-1: A Theater chain in JSON is an array .* this file holds an object/);
    expect(refusal('[]')).toMatch(/^-1: The chain holds no entries/);
    expect(refusal('[{"hash":[1]}]')).toMatch(/^0: Entry 0 is not a chain entry/);
  });
});
