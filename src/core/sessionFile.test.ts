import { describe, expect, it } from 'vitest';
import { binaryMessage, textMessage } from './messages';
import { componentHash, readSessionFile, writeSessionFile, type SessionFile } from './sessionFile';
import { readChain } from './chain/chainHistory';
import { exampleBytes, expectOk, startExample } from '../runtime/testing/exampleActors';
import { readFixture } from '../runtime/testing/theaterChains';

async function recorded(): Promise<SessionFile> {
  const { session } = await startExample('counter');
  const { connection } = expectOk(await session.open());
  expectOk(await session.send(connection.id, textMessage('inc 2')));
  expectOk(await session.send(connection.id, binaryMessage(new Uint8Array([0, 1, 254]))));
  const snapshot = session.snapshot();
  const bytes = exampleBytes('counter');
  return { component: { name: 'counter.wasm', sha256: componentHash(bytes), size: bytes.length, bytes }, connections: snapshot.connections, events: snapshot.events, states: new Map(snapshot.states) };
}

describe('session files', () => {
  it('round-trips a session, bytes and all', async () => {
    const session = await recorded();
    const back = expectOk(readSessionFile(writeSessionFile(session, true)));
    expect(back.events).toEqual(session.events);
    expect(back.states).toEqual(session.states);
    const { bytes, ...component } = back.component;
    expect(component).toEqual({ name: 'counter.wasm', sha256: session.component.sha256, size: session.component.size });
    // Compared as one buffer: an element-by-element deep equal of 1.6 MB is needlessly slow.
    expect(Buffer.compare(bytes!, session.component.bytes!)).toBe(0);
    expect(back.connections).toEqual(session.connections);
  });

  it('leaves the component out unless asked', async () => {
    const back = expectOk(readSessionFile(writeSessionFile(await recorded(), false)));
    expect(back.component.bytes).toBeUndefined();
  });

  it('reports exactly what is wrong with a bad file', async () => {
    const good = JSON.parse(writeSessionFile(await recorded(), false)) as Record<string, unknown> & { events: Array<Record<string, unknown>>; states: Record<string, unknown> };
    const bad = (mutate: (file: typeof good) => void) => {
      const copy = structuredClone(good);
      mutate(copy);
      const result = readSessionFile(JSON.stringify(copy));
      return result.ok ? 'accepted' : result.error.message;
    };
    expect(readSessionFile('{oops').ok).toBe(false);
    expect(bad((f) => (f.format = 'something-else'))).toMatch(/format/);
    expect(bad((f) => (f.version = 99))).toMatch(/version 99/);
    expect(bad((f) => (f.events[2]!.outcome = { kind: 'maybe' }))).toMatch(/events\[2\]\.outcome/);
    expect(bad((f) => delete f.events[1]!.stateAfter)).toMatch(/events\[1\]\.stateAfter/);
    const someState = Object.keys(good.states)[0]!;
    expect(bad((f) => (f.states[someState] = { $bytes: 'AAAA' }))).toMatch(/do not match their SHA-256/);
    expect(bad((f) => delete f.states[someState])).toMatch(/does not contain/);
  });

  it('carries events imported from Theater chains, read-only ones and kept entries included', () => {
    const bytes = exampleBytes('counter');
    const component = { name: 'counter.wasm', sha256: componentHash(bytes), size: bytes.length };
    for (const name of ['host-values.json', 'greeter.chain'] as const) {
      const chain = expectOk(readChain(readFixture(name)));
      const session: SessionFile = { component, connections: [], events: chain.events, states: new Map(chain.states.entries()) };
      expect(expectOk(readSessionFile(writeSessionFile(session, false))).events).toEqual(chain.events);
    }
    const file = JSON.parse(writeSessionFile({ component, connections: [], events: expectOk(readChain(readFixture('greeter.chain'))).events, states: new Map() }, false)) as { events: Array<Record<string, unknown>> };
    delete (file.events[0]!.chain as Record<string, unknown>).readOnly;
    const refused = readSessionFile(JSON.stringify(file));
    expect(refused.ok ? 'accepted' : refused.error.message).toMatch(/events\[0\]\.chain/);
  });
});

describe('a Theater chain given as a session file', () => {
  it.each(['websocket.json', 'greeter.chain'] as const)('%s is named as a chain, with where it goes instead', (name) => {
    expect(readSessionFile(readFixture(name))).toEqual({
      ok: false,
      error: { code: 'invalid-session', message: 'This is a Theater event chain, not a session file: bring it in with Import chain (it becomes the history of the loaded component).' },
    });
  });
});
