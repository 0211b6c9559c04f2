import { afterEach, describe, expect, it } from 'vitest';
import { textMessage } from '../engine';
import { exampleBytes, expectOk } from '../engine/testing/exampleActors';
import { threadWorker } from '../node/threadWorker';
import { ActorClient } from './actorClient';

const clients: ActorClient[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.dispose()));

function client(callTimeoutMs: number): ActorClient {
  const made = new ActorClient({ createWorker: threadWorker, callTimeoutMs });
  clients.push(made);
  return made;
}

describe('the client and its watchdog, over a real worker thread', () => {
  it('stops an infinite loop, records the timeout and continues from the last committed state', async () => {
    const actor = client(2000);
    expectOk(await actor.load('faulty.wasm', exampleBytes('faulty')));
    const { connection } = expectOk(await actor.open());
    const first = expectOk(await actor.send(connection.id, textMessage('hello'))).event;
    const loop = expectOk(await actor.send(connection.id, textMessage('loop'))).event;
    expect(loop.outcome).toEqual({ kind: 'timeout', afterMs: 2000 });
    expect(loop.stateAfter).toBe(first.stateAfter);
    const next = expectOk(await actor.send(connection.id, textMessage('hello'))).event;
    expect(next.outcome.kind).toBe('ok');
    expect(next.responses[0]!.message.text).toBe(first.responses[0]!.message.text!.replace(/\d+$/, (n) => String(Number(n) + 1)));
    expect(actor.events.map((e) => [e.seq, e.outcome.kind])).toEqual([
      [0, 'ok'],
      [1, 'ok'],
      [2, 'timeout'],
      [3, 'ok'],
    ]);
  });

  it('keeps the loaded actor and its history when a bad file is loaded', async () => {
    const actor = client(5000);
    expectOk(await actor.load('echo.wasm', exampleBytes('echo')));
    const { connection } = expectOk(await actor.open());
    const bad = await actor.load('broken.wasm', exampleBytes('echo').slice(0, 100));
    expect(bad.ok ? 'loaded' : bad.error.code).toBe('invalid-component');
    expect(actor.info?.exports.map((e) => e.name)).toContain('theater:simple/websocket-server');
    const reply = expectOk(await actor.send(connection.id, textMessage('still here'))).event;
    expect(reply.responses[0]!.message.text).toBe('still here');
    expect(actor.events).toHaveLength(2);
  });

  it('exports a chain of the whole history from the worker', async () => {
    const actor = client(5000);
    expectOk(await actor.load('echo.wasm', exampleBytes('echo')));
    expectOk(await actor.open());
    const chain = JSON.parse(expectOk(await actor.exportChain())) as unknown[];
    expect(chain).toHaveLength(2);
  });
});
