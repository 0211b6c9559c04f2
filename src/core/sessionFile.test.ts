import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { binaryMessage, textMessage } from './messages';
import { componentHash, readSessionFile, sessionFileLines, writeSessionFile, type SessionFile } from './sessionFile';
import { readChain } from './chain/chainHistory';
import { exampleBytes, expectOk, startExample } from '../runtime/testing/exampleActors';
import { readFixture } from '../runtime/testing/theaterChains';

async function recorded(): Promise<SessionFile> {
  const { session } = await startExample('counter');
  const { connection } = expectOk(await session.open());
  for (const text of ['inc 2', 'burst 3', 'reset']) expectOk(await session.send(connection.id, textMessage(text)));
  expectOk(await session.send(connection.id, binaryMessage(new Uint8Array([0, 1, 254]))));
  const snapshot = session.snapshot();
  const bytes = exampleBytes('counter');
  return { component: { name: 'counter.wasm', sha256: componentHash(bytes), size: bytes.length, bytes }, connections: snapshot.connections, events: snapshot.events, states: new Map(snapshot.states) };
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
const messageOf = (result: { ok: true } | { ok: false; error: { message: string } }) => (result.ok ? 'accepted' : result.error.message);

/**
 * A version 1 file, exported by the playground before issue 10 from a counter session (inc 2,
 * burst 3, get, reset, inc 5, dec 1, a binary message, a close) with the code of that version,
 * not written by hand.
 */
const VERSION_1 = readFileSync(new URL('./fixtures/session-v1.json', import.meta.url), 'utf8');

describe('session files', () => {
  it('round-trip a session, bytes and all, compressed', async () => {
    const session = await recorded();
    const file = await writeSessionFile(session, true);
    expect([...(await bytesOf(file)).subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    const back = expectOk(await readSessionFile(file));
    expect(back.events).toEqual(session.events);
    expect(back.states).toEqual(session.states);
    const { bytes, ...component } = back.component;
    expect(component).toEqual({ name: 'counter.wasm', sha256: session.component.sha256, size: session.component.size });
    // Compared as one buffer: an element-by-element deep equal of 1.6 MB is needlessly slow.
    expect(Buffer.compare(bytes!, session.component.bytes!)).toBe(0);
    expect(back.connections).toEqual(session.connections);
  });

  it('hands a long history on in runs of events as it reads, which with the rest are the events read', async () => {
    const session = await recorded();
    const runs: number[][] = [];
    const back = expectOk(await readSessionFile(await writeSessionFile(session, false), (run) => runs.push(run.map((e) => e.seq)), 3));
    const seqs = session.events.map((e) => e.seq);
    expect(runs).toEqual(Array.from({ length: Math.floor(seqs.length / 3) }, (_, i) => seqs.slice(3 * i, 3 * i + 3)));
    expect(back.events).toEqual(session.events);
  });

  it('leaves the component out unless asked', async () => {
    const back = expectOk(await readSessionFile(await writeSessionFile(await recorded(), false)));
    expect(back.component.bytes).toBeUndefined();
  });

  it('stores each state after the first as a delta against the one before', async () => {
    const lines = [...sessionFileLines(await recorded(), false)].map((line) => JSON.parse(line) as Record<string, unknown>);
    const states = lines.slice(1, 1 + (lines[0]!.states as number));
    expect(states.map((s) => ('key' in s ? 'key' : 'delta'))).toEqual(['key', ...states.slice(1).map(() => 'delta')]);
  });

  it('reports exactly what is wrong with a bad file', async () => {
    const good = [...sessionFileLines(await recorded(), false)].map((line) => JSON.parse(line) as Record<string, unknown>);
    const stateCount = good[0]!.states as number;
    const bad = async (mutate: (lines: Array<Record<string, unknown>>) => void) => {
      const copy = structuredClone(good);
      mutate(copy);
      return messageOf(await readSessionFile(copy.map((line) => JSON.stringify(line)).join('\n')));
    };
    expect(messageOf(await readSessionFile('{oops'))).toMatch(/not JSON/);
    // A random or binary file is named for what it is not, without quoting its bytes back.
    const noise = Uint8Array.from({ length: 64 }, (_, i) => (i * 151 + 117) % 256);
    for (const file of [noise, 'hello, not a session']) expect(messageOf(await readSessionFile(file))).toMatch(/^This is not a session file: .*Nothing was imported/);
    expect(await bad((f) => (f[0]!.format = 'something-else'))).toMatch(/format/);
    expect(await bad((f) => (f[0]!.version = 99))).toMatch(/version 99/);
    expect(await bad((f) => (f[1 + stateCount + 2]!.outcome = { kind: 'maybe' }))).toMatch(/events\[2\]\.outcome/);
    expect(await bad((f) => delete f[1 + stateCount + 1]!.stateAfter)).toMatch(/events\[1\]\.stateAfter/);
    expect(await bad((f) => (f[2]!.middle = { $bytes: 'AAAA' }))).toMatch(/states\[1\].*do not match their SHA-256/);
    expect(await bad((f) => (f[2]!.prefix = 1e6))).toMatch(/states\[1\]: the delta does not fit/);
    expect(await bad((f) => f.splice(1, 1))).toMatch(/states\[0\]: a delta with no state before it/);
    expect(await bad((f) => f.splice(1 + stateCount + 3))).toMatch(/ends after 3 of its \d+ events: it was cut short/);
    expect(await bad((f) => f.push(f[1]!))).toMatch(/more lines than its header counts/);
  });

  it('a truncated or damaged compressed file is refused with what happened and what to do', async () => {
    const file = await bytesOf(await writeSessionFile(await recorded(), true));
    const truncated = messageOf(await readSessionFile(file.slice(0, file.length >> 1)));
    expect(truncated).toMatch(/^The session file could not be read: its compressed data is damaged or cut short \(.+\)\. Nothing was imported: export the session again, or use a complete copy\.$/);
    const damaged = file.slice();
    for (let i = 2000; i < 2400; i++) damaged[i] = damaged[i]! ^ 0x55;
    expect(messageOf(await readSessionFile(damaged))).toMatch(/^(The session file could not be read: its compressed data is damaged|Not a valid session file: )/);
  });

  it('carries events imported from Theater chains, read-only ones and kept entries included', async () => {
    const bytes = exampleBytes('counter');
    const component = { name: 'counter.wasm', sha256: componentHash(bytes), size: bytes.length };
    for (const name of ['host-values.json', 'greeter.chain'] as const) {
      const chain = expectOk(readChain(readFixture(name)));
      const session: SessionFile = { component, connections: [], events: chain.events, states: new Map(chain.states.entries()) };
      expect(expectOk(await readSessionFile(await writeSessionFile(session, false))).events).toEqual(chain.events);
    }
    const lines = [...sessionFileLines({ component, connections: [], events: expectOk(readChain(readFixture('greeter.chain'))).events, states: new Map() }, false)].map((line) => JSON.parse(line) as Record<string, unknown>);
    delete (lines[1]!.chain as Record<string, unknown>).readOnly;
    expect(messageOf(await readSessionFile(lines.map((line) => JSON.stringify(line)).join('\n')))).toMatch(/events\[0\]\.chain/);
  });
});

describe('version 1 session files', () => {
  it('still import, and come out the same through version 2', async () => {
    const old = expectOk(await readSessionFile(new TextEncoder().encode(VERSION_1)));
    expect(old.events.map((e) => e.input?.ty.tag ?? e.kind)).toEqual(['init', 'connect', 'text', 'text', 'text', 'text', 'text', 'text', 'binary', 'close']);
    expect(old.states.size).toBe(6);
    const again = expectOk(await readSessionFile(await writeSessionFile(old, false)));
    expect(again.events).toEqual(old.events);
    expect(again.states).toEqual(old.states);
    expect(again.component).toEqual(old.component);
  });

  it('say exactly what is wrong with a bad one', async () => {
    const good = JSON.parse(VERSION_1) as Record<string, unknown> & { events: Array<Record<string, unknown>>; states: Record<string, unknown> };
    const bad = async (mutate: (file: typeof good) => void) => {
      const copy = structuredClone(good);
      mutate(copy);
      return messageOf(await readSessionFile(JSON.stringify(copy)));
    };
    expect(await bad((f) => (f.events[2]!.outcome = { kind: 'maybe' }))).toMatch(/events\[2\]\.outcome/);
    const someState = Object.keys(good.states)[0]!;
    expect(await bad((f) => (f.states[someState] = { $bytes: 'AAAA' }))).toMatch(/do not match their SHA-256/);
    expect(await bad((f) => delete f.states[someState])).toMatch(/does not contain/);
    // Written by hand over several lines, it is still one JSON document.
    expect(expectOk(await readSessionFile(JSON.stringify(good, null, 2))).events).toHaveLength(10);
  });
});

describe('a Theater chain given as a session file', () => {
  it.each(['websocket.json', 'greeter.chain'] as const)('%s is named as a chain, with where it goes instead', async (name) => {
    expect(await readSessionFile(readFixture(name))).toEqual({
      ok: false,
      error: { code: 'invalid-session', message: 'This is a Theater event chain, not a session file: bring it in with Import chain (it becomes the history of the loaded component).' },
    });
  });
});
