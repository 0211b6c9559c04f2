import { afterAll, describe, expect, it } from 'vitest';
import { textMessage } from '../core';
import { nodeStore } from './testing/nodeStore';

// A short watchdog, so the faulty actor's `loop` (a call that never returns) lands soon as a timeout.
const { store, dispose } = nodeStore({ client: { callTimeoutMs: 400 } });
afterAll(dispose);

describe('calls in flight, through the store over a real worker', () => {
  it('shows each call from the moment it is made, queued behind the running one, until its event lands', async () => {
    await store.getState().loadUrl('./actors/faulty.wasm', 'faulty');
    expect(store.getState().callTimeoutMs).toBe(400);

    const opening = store.getState().openConnection();
    expect(store.getState().pendingCalls).toMatchObject([{ kind: 'open', connectionId: null }]);
    expect(store.getState().pendingCalls[0]!.startedAt).not.toBeNull();
    await opening;
    expect(store.getState().pendingCalls).toEqual([]);
    const id = store.getState().connections[0]!.id;

    const hung = store.getState().send(id, textMessage('loop'));
    const next = store.getState().send(id, textMessage('hello'));
    const [running, queued] = store.getState().pendingCalls;
    expect([running?.message?.text, queued?.message?.text]).toEqual(['loop', 'hello']);
    expect(running!.startedAt).not.toBeNull();
    expect(queued!.startedAt).toBeNull();

    await hung;
    // The hung call landed as a timeout; the one behind it now runs.
    expect(store.getState().events.at(-1)?.outcome.kind).toBe('timeout');
    expect(store.getState().pendingCalls).toMatchObject([{ kind: 'send', message: { text: 'hello' } }]);
    expect(store.getState().pendingCalls[0]!.startedAt).not.toBeNull();

    await next;
    expect(store.getState().pendingCalls).toEqual([]);
    expect(store.getState().events.at(-1)?.responses[0]?.message.text).toBe('ok 2');

    const closing = store.getState().closeConnection(id);
    expect(store.getState().pendingCalls).toMatchObject([{ kind: 'close', connectionId: id }]);
    await closing;
    expect(store.getState().pendingCalls).toEqual([]);
  });
});
