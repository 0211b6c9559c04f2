import { describe, expect, it } from 'vitest';
import { componentHash, makeMessage, readSessionFile, sessionFileLines, writeSessionFile, type MessageKind } from '..';
import { exampleBytes, expectOk, startExample } from '../../runtime/testing/exampleActors';
import { shareRepeatedParts } from './sharedParts';

/** A session of the real echo actor with every kind of message, as a session file. */
async function echoSessionFile(): Promise<Blob> {
  const { session } = await startExample('echo');
  const { connection } = expectOk(await session.open());
  const kinds: MessageKind[] = ['text', 'binary', 'ping', 'text', 'close'];
  for (const [i, kind] of kinds.entries()) expectOk(await session.send(connection.id, makeMessage(kind, { text: `message ${i}`, data: Uint8Array.of(i) })));
  const snapshot = session.snapshot();
  const bytes = exampleBytes('echo');
  return writeSessionFile({ component: { name: 'echo.wasm', sha256: componentHash(bytes), size: bytes.length }, connections: snapshot.connections, events: snapshot.events, states: new Map(snapshot.states) }, false);
}

describe('sharing what the events of a read history repeat', () => {
  it('keeps every event as it was, and writes the same file back', async () => {
    const file = await echoSessionFile();
    const plain = expectOk(await readSessionFile(file));
    const shared = expectOk(await readSessionFile(file));
    shareRepeatedParts(shared.events);
    expect(shared.events).toEqual(plain.events);
    const again = (events: typeof plain.events) => [...sessionFileLines({ ...plain, events }, false)].join('\n').replace(/"exportedAt":"[^"]*"/, '');
    expect(again(shared.events)).toBe(again(plain.events));
  });

  it('makes equal parts one frozen object: a write to one is an error, not a change to every event', async () => {
    const { events } = expectOk(await readSessionFile(await echoSessionFile()));
    shareRepeatedParts(events);
    const texts = events.filter((e) => e.input?.ty.tag === 'text');
    expect(texts.length).toBeGreaterThan(1);
    expect(texts[0]!.outcome).toBe(texts[1]!.outcome);
    expect(texts[0]!.input!.ty).toBe(texts[1]!.input!.ty);
    expect(texts[0]!.hostCalls).toBe(texts[1]!.hostCalls);
    expect(() => {
      (texts[0]!.outcome as { kind: string }).kind = 'err';
    }).toThrow(TypeError);
    expect(texts[1]!.outcome.kind).toBe('ok');
  });
});
