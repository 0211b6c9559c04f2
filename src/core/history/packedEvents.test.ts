import { describe, expect, it } from 'vitest';
import { makeMessage, toWire, type ActorEvent, type MessageKind } from '..';
import { expectOk, startExample } from '../../runtime/testing/exampleActors';
import { packedBuffers, packEvents, unpackEvents } from './packedEvents';

/** Events of the real echo actor with every kind of message (what a session file mostly holds). */
async function echoEvents(): Promise<ActorEvent[]> {
  const { session } = await startExample('echo');
  const { connection } = expectOk(await session.open());
  const kinds: MessageKind[] = ['text', 'binary', 'ping', 'pong', 'text', 'close'];
  for (const [i, kind] of kinds.entries()) {
    const payload = kind === 'text' ? { text: `message ${i}` } : { data: Uint8Array.of(i, 7) };
    expectOk(await session.send(connection.id, makeMessage(kind, payload)));
  }
  expectOk(await session.send(connection.id, makeMessage('text', { text: 'with bytes', data: Uint8Array.of(1) })));
  return session.snapshot().events;
}

const base: ActorEvent = {
  seq: 0,
  kind: 'message',
  connectionId: 1,
  startedAt: 1_700_000_000_000.5,
  durationMs: 0.25,
  input: makeMessage('text', { text: 'hi' }),
  stateBefore: 'a'.repeat(64),
  stateAfter: 'b'.repeat(64),
  outcome: { kind: 'ok' },
  responses: [],
  hostCalls: [],
  shutdown: false,
};

/** Events the pack carries whole: every way an event can differ from the common one. */
const unusual: ActorEvent[] = [
  { ...base, outcome: { kind: 'err', message: 'no' }, stateAfter: base.stateBefore },
  { ...base, outcome: { kind: 'timeout', afterMs: 5000 }, stateAfter: base.stateBefore },
  { ...base, hostCalls: [{ interface: 'theater:simple/runtime', function: 'log', args: ['x'], result: undefined, stubbed: false }] },
  { ...base, kind: 'bridge', connectionId: -1, bridge: { direction: 'sent', endpoint: 'ws://localhost:1' } },
  { ...base, kind: 'chain', input: null, chain: { format: 'json', entries: [{ eventType: 'x', data: Uint8Array.of(1) }], readOnly: 'not a call' } },
  { ...base, input: makeMessage('other', { other: 'odd' }) },
  { ...base, responses: [{ ...toWire(makeMessage('text', { text: 'x' })), warning: 'made up' }] },
  { ...base, responses: [{ message: makeMessage('ping', { data: Uint8Array.of(9) }), frame: { frame: 'ping', data: new Uint8Array(0) } }] },
];

/** A pack as the page receives it: cloned with its buffers transferred. */
const sent = (events: ActorEvent[]) => {
  const packed = packEvents(events);
  return structuredClone(packed, { transfer: packedBuffers(packed) });
};

describe('events packed to cross from the worker to the page', () => {
  it('unpacks to equal events, in order, common and unusual alike', async () => {
    // An empty binary input answered with bytes: its bytes begin where the empty input's (would) begin.
    const emptyIn = { ...base, seq: 300, input: makeMessage('binary', { data: new Uint8Array(0) }), responses: [toWire(makeMessage('binary', { data: Uint8Array.of(1, 2, 3) }))] };
    const events = [...(await echoEvents()), ...unusual.map((event, i) => ({ ...event, seq: 100 + i })), { ...base, seq: 200, kind: 'init' as const, connectionId: null, input: null, shutdown: true }, emptyIn];
    const unpacked = unpackEvents(sent(events));
    expect(unpacked).toEqual(events);
  });

  it('shares within an event what the event repeats: the input as its echoed response, its bytes in the frame', async () => {
    const unpacked = unpackEvents(sent(await echoEvents()));
    const echoed = unpacked.filter((event) => (event.input?.ty.tag === 'text' && event.input.data === undefined) || event.input?.ty.tag === 'binary');
    expect(echoed.length).toBeGreaterThan(1);
    for (const event of echoed) {
      const [response] = event.responses;
      expect(response!.message).toBe(event.input);
      if (response!.frame?.frame === 'binary') expect(response!.frame.data).toBe(event.input!.data);
    }
    const [first, second] = echoed.filter((event) => event.input!.ty.tag === 'text');
    expect(first!.input!.ty).toBe(second!.input!.ty);
  });

  it('gives each byte array a buffer of its own, so a clone of one event does not carry the whole run', async () => {
    const unpacked = unpackEvents(sent(await echoEvents()));
    const binary = unpacked.find((event) => event.input?.ty.tag === 'binary')!;
    expect(binary.input!.data!.buffer.byteLength).toBe(binary.input!.data!.length);
  });
});
