import { afterEach, describe, expect, it } from 'vitest';
import { textMessage, type RecordedEvent } from '../../../core';
import { exampleBytes, expectOk } from '../../../runtime/testing/exampleActors';
import { threadWorker } from '../../../cli/threadWorker';
import { ActorClient } from '../../../host/actorClient';

// The two ActorClient methods bridge mode adds, over a real worker thread.

const clients: ActorClient[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.dispose()));

function client(callTimeoutMs = 5000, onEvent?: (recorded: RecordedEvent) => void): ActorClient {
  const made = new ActorClient({ createWorker: threadWorker, callTimeoutMs, onEvent });
  clients.push(made);
  return made;
}

describe('sendMany: many client messages, their results streamed back as the actor goes', () => {
  it('delivers every message in order, as send would, across slices', async () => {
    const told: number[] = [];
    const actor = client(5000, (recorded) => told.push(recorded.event.seq));
    expectOk(await actor.load('echo.wasm', exampleBytes('echo')));
    const a = expectOk(await actor.open()).connection.id;
    const b = expectOk(await actor.open()).connection.id;
    const items = Array.from({ length: 1200 }, (_, i) => ({ connectionId: i % 2 ? b : a, message: textMessage(`m${i}`) }));
    // A zero budget streams every result on its own: the chunking is exercised, not just the batch.
    const results = await actor.sendMany(items.slice(0, 5), 0);
    results.push(...(await actor.sendMany(items.slice(5))));
    expect(results.every((r) => r.ok)).toBe(true);
    const sent = actor.events.slice(2);
    expect(sent.map((e) => [e.connectionId, e.input?.text, e.responses[0]?.message.text])).toEqual(items.map((item) => [item.connectionId, item.message.text, item.message.text]));
    expect(told).toEqual(actor.events.map((e) => e.seq));
  });

  it('answers each message that cannot be delivered with its own error, and delivers the rest', async () => {
    const actor = client();
    expectOk(await actor.load('echo.wasm', exampleBytes('echo')));
    const id = expectOk(await actor.open()).connection.id;
    const results = await actor.sendMany([
      { connectionId: id, message: textMessage('fine') },
      { connectionId: 99, message: textMessage('nobody') },
      { connectionId: id, message: textMessage('also fine') },
    ]);
    expect(results.map((r) => (r.ok ? r.value.event.input?.text : r.error.code))).toEqual(['fine', 'no-such-connection', 'also fine']);
  });

  it('when a message hangs, keeps what was streamed before it and re-sends the rest one by one: only that one is a timeout, the rest carry on from the committed state', async () => {
    const actor = client(1500);
    expectOk(await actor.load('faulty.wasm', exampleBytes('faulty')));
    const id = expectOk(await actor.open()).connection.id;
    // A zero budget: `one` reaches the page before `loop` hangs, and must be recorded once.
    const results = await actor.sendMany(['one', 'loop', 'two'].map((text) => ({ connectionId: id, message: textMessage(text) })), 0);
    expect(results.map((r) => (r.ok ? r.value.event.outcome.kind : r.error.code))).toEqual(['ok', 'timeout', 'ok']);
    expect(actor.events.map((e) => [e.input?.text ?? e.input?.ty.tag, e.outcome.kind, e.responses[0]?.message.text])).toEqual([
      ['connect', 'ok', 'ok 1'],
      ['one', 'ok', 'ok 2'],
      ['loop', 'timeout', undefined],
      ['two', 'ok', 'ok 3'],
    ]);
    // Two fresh workers load the actor again (after the slice, after the loop): slow on a small machine.
  }, 240_000);
});

describe('recordBridge through the client', () => {
  it('records frames in order with the calls, tells the listener, and refuses connection ids of the simulated kind', async () => {
    const told: string[] = [];
    const actor = client(5000, (recorded) => told.push(recorded.event.kind));
    expectOk(await actor.load('echo.wasm', exampleBytes('echo')));
    expectOk(await actor.open());
    const bridge = { direction: 'received' as const, endpoint: 'ws://127.0.0.1:9/' };
    const recorded = expectOk(await actor.recordBridge([{ connectionId: -1, input: textMessage('from afar'), bridge, startedAt: 5 }]));
    expect(recorded.map((r) => [r.event.seq, r.event.kind, r.event.bridge])).toEqual([[1, 'bridge', bridge]]);
    expect(told).toEqual(['message', 'bridge']);
    const refused = await actor.recordBridge([{ connectionId: 1, input: textMessage('x'), bridge, startedAt: 6 }]);
    expect(refused.ok ? 'recorded' : refused.error.code).toBe('invalid-message');
    // The worker holds the same history: a restart from its snapshot keeps the bridge event.
    expect(actor.snapshot().events.map((e) => e.kind)).toEqual(['message', 'bridge']);
  });
});
