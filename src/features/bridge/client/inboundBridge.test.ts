import { afterEach, describe, expect, it } from 'vitest';
import { textMessage } from '../../../core';
import { exampleBytes, expectOk } from '../../../runtime/testing/exampleActors';
import type { PageMessage } from '../../../protocols/bridgeControl';
import { threadWorker } from '../../../cli/threadWorker';
import { ActorClient } from '../../../host/actorClient';
import { InboundBridge, type InboundMessage } from './inboundBridge';

// Bridge mode "in", page side: server messages in, control messages out, over a real echo actor
// in a worker thread. The history feeds `observe`, as the store does in the page.

const WELCOME = 'Welcome! You are connected to the echo actor.';
const b64 = (bytes: number[]): string => Buffer.from(bytes).toString('base64');

let actor: ActorClient | undefined;
afterEach(() => actor?.dispose());

async function setUp(load = true) {
  // The bridge is made after the load it must not answer; until then there is nobody to tell.
  const tap: { bridge?: InboundBridge } = {};
  actor = new ActorClient({ createWorker: threadWorker, onEvent: () => tap.bridge?.observe(actor!.events) });
  if (load) expectOk(await actor.load('echo.wasm', exampleBytes('echo')));
  const sent: PageMessage[] = [];
  const bridge = new InboundBridge(actor, (message) => sent.push(message), () => {}, actor.events);
  tap.bridge = bridge;
  return { actor, bridge, sent };
}

/** Feeds server messages and waits until the bridge has applied them all. */
async function feed(bridge: InboundBridge, actor: ActorClient, messages: InboundMessage[], events: number): Promise<void> {
  messages.forEach((m) => bridge.handle(m));
  for (let i = 0; i < 400 && actor.events.length < events; i++) await new Promise((r) => setTimeout(r, 25));
  await new Promise((r) => setTimeout(r, 25));
}

describe('real clients of the bridge server as connections of the actor in the page', () => {
  it("opens a connection per client, delivers its frames in order and sends back exactly Theater's frames", async () => {
    const { actor, bridge, sent } = await setUp();
    await feed(bridge, actor, [
      { type: 'client-open', client: 7 },
      { type: 'client-message', client: 7, message: { ty: { tag: 'text' }, text: 'hi' } },
      { type: 'client-message', client: 7, message: { ty: { tag: 'binary' }, dataBase64: b64([1, 2]) } },
      { type: 'client-message', client: 7, message: { ty: { tag: 'ping' }, dataBase64: b64([9]) } },
      { type: 'client-message', client: 7, message: { ty: { tag: 'pong' }, dataBase64: '' } },
      { type: 'client-close', client: 7, code: 1000, reason: 'bye' },
    ], 6);
    expect(actor.events.map((e) => [e.connectionId, e.input?.ty.tag])).toEqual([[1, 'connect'], [1, 'text'], [1, 'binary'], [1, 'ping'], [1, 'pong'], [1, 'close']]);
    expect(sent).toEqual([
      { type: 'respond', client: 7, frames: [{ frame: 'text', text: WELCOME }] },
      { type: 'respond', client: 7, frames: [{ frame: 'text', text: 'hi' }] },
      { type: 'respond', client: 7, frames: [{ frame: 'binary', dataBase64: b64([1, 2]) }] },
      { type: 'respond', client: 7, frames: [{ frame: 'pong', dataBase64: b64([9]) }] },
    ]);
    expect(bridge.clients).toEqual([]);
    expect(bridge.stats).toMatchObject({ delivered: 4, responded: 4, undelivered: 0 });
  });

  it('answers whatever happens on a real client connection from the page, and closes the client when its card is closed', async () => {
    const { actor, bridge, sent } = await setUp();
    await feed(bridge, actor, [{ type: 'client-open', client: 3 }], 1);
    expect(bridge.clients).toEqual([{ client: 3, connectionId: 1 }]);
    expectOk(await actor.send(1, textMessage('typed in the card')));
    expectOk(await actor.close(1));
    expect(sent.slice(1)).toEqual([
      { type: 'respond', client: 3, frames: [{ frame: 'text', text: 'typed in the card' }] },
      { type: 'close-client', client: 3, code: 1000, reason: 'closed from the playground' },
    ]);
    // The server then reports the close; the actor is not told twice.
    await feed(bridge, actor, [{ type: 'client-close', client: 3, code: 1000, reason: '' }], 3);
    expect(actor.events).toHaveLength(3);
  });

  it('lets real clients go when the history is replaced by one without their connection', async () => {
    const { actor, bridge, sent } = await setUp();
    await feed(bridge, actor, [{ type: 'client-open', client: 1 }], 1);
    expectOk(await actor.load('echo.wasm', exampleBytes('echo')));
    bridge.observe(actor.events);
    expect(sent.at(-1)).toEqual({ type: 'close-client', client: 1, code: 1000, reason: 'the playground replaced its history' });
    expect(bridge.clients).toEqual([]);
  });

  it('closes a client the actor cannot take (nothing loaded) and says why', async () => {
    const { actor, bridge, sent } = await setUp(false);
    await feed(bridge, actor, [{ type: 'client-open', client: 2 }], 0);
    expect(sent).toEqual([{ type: 'close-client', client: 2, code: 1000, reason: expect.stringMatching(/^No actor is loaded/) }]);
    expect(bridge.stats.lastProblem).toMatch(/Real client #2 could not connect: No actor is loaded/);
  });

  it('when the control channel goes, the actor hears every real client close', async () => {
    const { actor, bridge } = await setUp();
    await feed(bridge, actor, [{ type: 'client-open', client: 1 }, { type: 'client-open', client: 2 }], 2);
    bridge.detached();
    for (let i = 0; i < 200 && actor.events.length < 4; i++) await new Promise((r) => setTimeout(r, 25));
    expect(actor.events.slice(2).map((e) => [e.connectionId, e.input?.ty.tag])).toEqual([[1, 'close'], [2, 'close']]);
    expect(bridge.clients).toEqual([]);
  });
});
