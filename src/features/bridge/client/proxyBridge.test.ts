import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bridgeFrameOf, type ActorEvent, type BridgeFrame } from '../../../core';
import { exampleBytes, expectOk } from '../../../runtime/testing/exampleActors';
import { threadWorker } from '../../../cli/threadWorker';
import { ActorClient } from '../../../host/actorClient';
import { isProxyServerMessage } from '../../../protocols/proxyControl';
import { startBridge, type RunningBridge } from '../../../server/bridge/server';
import { FakePage, TestClient, TestUpstream, messagesOf, refusedStatus, silent, until } from '../../../server/bridge/testPeers';
import { InboundBridge } from './inboundBridge';
import { ProxyBridge, shadowActorOf, type ProxiedView } from './proxyBridge';

// Proxy mode, page side: the real bridge server proxies real `ws` clients to a real upstream
// WebSocket server; its control channel (a FakePage socket) feeds ProxyBridge and InboundBridge,
// wired as pageBridge.ts wires them, over the echo example actor in a real worker thread. What the
// page records, what it compares, and what a taken-over client receives are what a user relies on.

const WELCOME = 'Welcome! You are connected to the echo actor.';

// One actor for the file (its first load compiles the component): each test has its own bridge,
// upstream and page side, and looks only at its own connections in the shared history.
let actor: ActorClient;
const tap: { inbound?: InboundBridge } = {};
beforeAll(async () => {
  actor = new ActorClient({ createWorker: threadWorker, onEvent: () => tap.inbound?.observe(actor.events) });
  expectOk(await actor.load('echo.wasm', exampleBytes('echo')));
}, 60_000);
afterAll(() => actor.dispose());

let bridge: RunningBridge | undefined;
let upstream: TestUpstream | undefined;
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
  await upstream?.close();
  upstream = undefined;
  tap.inbound = undefined;
});

/** An upstream that answers each text message with `answer(text)` and echoes binary ones. */
async function answeringUpstream(answer: (text: string) => string): Promise<TestUpstream> {
  upstream = await TestUpstream.start({
    onConnection: (socket) => socket.on('message', (data, isBinary) => socket.send(isBinary ? (data as Buffer) : answer(String(data)), { binary: isBinary })),
  });
  return upstream;
}

/** The page's side of proxy mode as pageBridge.ts makes it, attached to a real bridge that proxies to `to`. */
async function proxyPage(to: TestUpstream, shadow: boolean) {
  bridge = await startBridge({ port: 0, log: silent });
  const page = await FakePage.attach(bridge);
  const problems: string[] = [];
  const inbound = new InboundBridge(actor, (message) => page.send(message), () => {}, actor.events);
  tap.inbound = inbound;
  let nextId = -1;
  const proxy = new ProxyBridge({
    actor: shadowActorOf(actor),
    inbound,
    send: (message) => page.send(message),
    record: async (records) => {
      const recorded = await actor.recordBridge(records);
      if (!recorded.ok) problems.push(recorded.error.message);
    },
    // Below every connection in the (shared) history, as PageBridge numbers them.
    allocateId: () => {
      const lowest = actor.events.reduce((min, e) => (e.connectionId !== null && e.connectionId < min ? e.connectionId : min), 0);
      const id = Math.min(nextId, lowest - 1);
      nextId = id - 1;
      return id;
    },
    onChange: () => {},
    onError: (message) => problems.push(message),
  });
  page.socket.on('message', (data) => messagesOf(data).forEach((message) => (isProxyServerMessage(message) ? proxy.handle(message) : inbound.handle(message))));
  proxy.setShadow(shadow);
  proxy.start(to.url);
  await until(() => proxy.view().upstream === to.url, 'the proxy to start');

  /** A real client on the bridge, once the page has its proxied connection (and its shadow, when shadowing). */
  const connect = async (): Promise<{ client: TestClient; view: () => ProxiedView }> => {
    const before = proxy.view().connections.length;
    const client = await TestClient.open(bridge!);
    await until(() => proxy.view().connections.length > before && (!shadow || proxy.view().connections[before]!.actorConnectionId !== null), 'the proxied connection');
    const id = proxy.view().connections[before]!.id;
    return { client, view: () => proxy.view().connections.find((c) => c.id === id)! };
  };
  return { proxy, inbound, connect, problems };
}

/** The bridge events recorded on bridge connection `id`, as the frames panel reads them. */
const framesOn = (id: number): BridgeFrame[] => actor.events.filter((e) => e.connectionId === id).flatMap((e) => bridgeFrameOf(e) ?? []);

/** A frame in brief: the text of a text frame, the message a switch row records ("switch to actor"). */
const payloadOf = (id: number): Array<string | null> =>
  actor.events.filter((e) => e.connectionId === id && e.kind === 'bridge').map((e) => e.input?.text ?? (e.input?.ty.tag === 'other' ? e.input.ty.val : null));

/** Waits until `client` has received `count` frames. */
const receives = (client: TestClient, count: number) => client.inbox.waitFor((items) => items.length >= count, `${count} frame(s) at the client`);

describe('proxy mode in the page, over a real bridge, upstream and actor', () => {
  it("shadows each client message with the actor: against an upstream that answers as the actor does, every exchange matches; the client hears only the upstream", async () => {
    const { proxy, connect, problems } = await proxyPage(await answeringUpstream((text) => text), true);
    const { client, view } = await connect();
    client.socket.send('hello');
    await receives(client, 1);
    client.socket.send('grüße 🎭');
    await receives(client, 2);
    client.socket.send(Buffer.from([0, 1, 254, 255]));
    await receives(client, 3);
    await until(() => view().compared === 3 && framesOn(view().id).length === 7, 'three exchanges compared and recorded');

    expect(view()).toMatchObject({ state: 'open', answering: 'upstream', compared: 3, mismatches: 0, path: '/', url: `${upstream!.url}/` });
    expect(proxy.view()).toMatchObject({ compared: 3, mismatches: 0, shadow: true });
    // The actor's own welcome (on its shadow connection) never reaches the real client.
    expect(client.inbox.items).toEqual([
      { kind: 'text', text: 'hello' },
      { kind: 'text', text: 'grüße 🎭' },
      { kind: 'binary', data: Buffer.from([0, 1, 254, 255]) },
    ]);
    const frames = framesOn(view().id);
    expect(frames.map((f) => [f.direction, f.opcode, f.text ?? f.data?.length ?? null, f.shadow?.match ?? null])).toEqual([
      ['sent', 'open', null, null],
      ['sent', 'text', 'hello', true],
      ['received', 'text', 'hello', true],
      ['sent', 'text', 'grüße 🎭', true],
      ['received', 'text', 'grüße 🎭', true],
      ['sent', 'binary', 4, true],
      ['received', 'binary', 4, true],
    ]);
    const client1 = view().client;
    expect(frames.every((f) => f.endpoint === view().url && f.proxy?.client === client1 && f.proxy.answering === 'upstream' && !f.proxy.switched)).toBe(true);
    // The actor answered each message on its shadow connection, as it would have the client.
    const shadowEvents = actor.events.filter((e) => e.connectionId === view().actorConnectionId);
    expect(shadowEvents.map((e: ActorEvent) => [e.input?.ty.tag, e.responses[0]?.message.text ?? e.responses[0]?.message.data?.length])).toEqual([
      ['connect', WELCOME],
      ['text', 'hello'],
      ['text', 'grüße 🎭'],
      ['binary', 4],
    ]);
    expect(problems).toEqual([]);
  });

  it('against an upstream that answers differently, counts each mismatch and says what differs', async () => {
    const { proxy, connect } = await proxyPage(await answeringUpstream((text) => text.toUpperCase()), true);
    const { client, view } = await connect();
    client.socket.send('hello');
    await receives(client, 1);
    client.socket.send('123');
    await receives(client, 2);
    await until(() => view().compared === 2 && framesOn(view().id).length === 5, 'two exchanges compared and recorded');

    expect(client.texts()).toEqual(['HELLO', '123']);
    expect(view()).toMatchObject({ compared: 2, mismatches: 1 });
    expect(proxy.view()).toMatchObject({ compared: 2, mismatches: 1 });
    const [hello, answer, digits] = framesOn(view().id).slice(1);
    expect(hello).toMatchObject({ direction: 'sent', text: 'hello', shadow: { match: false } });
    expect(hello!.shadow!.detail).toBe('frame 1: the upstream sent text "HELLO", the actor would send text "hello"');
    expect(answer).toMatchObject({ direction: 'received', text: 'HELLO', shadow: { match: false, detail: expect.stringContaining('"HELLO"') } });
    expect(digits).toMatchObject({ direction: 'sent', text: '123', shadow: { match: true } });
  });

  it("neither a dropped upstream nor the playground's own stop counts as the upstream's answer: no mismatch, and the card says who ended it", async () => {
    const to = await answeringUpstream((text) => text);
    const { proxy, connect } = await proxyPage(to, true);
    const dropped = await connect();
    dropped.client.socket.send('a');
    await receives(dropped.client, 1);
    // The exchange is still open (no quiet yet) when the upstream's socket is cut.
    to.wss.clients.forEach((socket) => socket.terminate());
    await until(() => dropped.view().state === 'closed' && framesOn(dropped.view().id).at(-1)?.opcode === 'close', 'the drop recorded');
    await until(() => dropped.view().compared === 1, 'the exchange compared');
    expect(dropped.view()).toMatchObject({ compared: 1, mismatches: 0, ended: expect.stringMatching(/^the upstream connection dropped \(no close frame\)/) });
    const drop = framesOn(dropped.view().id).at(-1)!;
    expect(drop).toMatchObject({ direction: 'received', opcode: 'close', closeCode: 1006, size: 0 });
    expect(drop.shadow).toBeUndefined();

    const stopped = await connect();
    stopped.client.socket.send('b');
    await receives(stopped.client, 1);
    proxy.stop();
    expect(await stopped.client.closeEvent()).toMatchObject({ code: 1001 });
    await until(() => stopped.view().state === 'closed' && framesOn(stopped.view().id).at(-1)?.opcode === 'close', 'the stop recorded');
    await until(() => stopped.view().compared === 1, 'the exchange compared');
    expect(stopped.view()).toMatchObject({ mismatches: 0, ended: expect.stringMatching(/^the playground closed it/) });
    expect(framesOn(stopped.view().id).at(-1)).toMatchObject({ closeCode: 1001, shadow: undefined, proxy: { byPlayground: true } });
  });

  it('a captured conversation replays against a build: its frames re-run, compared with what the upstream answered', async () => {
    const { connect } = await proxyPage(await answeringUpstream((text) => (text === 'hello' ? 'HELLO' : text)), false);
    const { client, view } = await connect();
    for (const [i, text] of ['hello', 'same'].entries()) {
      client.socket.send(text);
      await receives(client, i + 1);
    }
    client.socket.close(1000, 'done');
    await until(() => framesOn(view().id).at(-1)?.opcode === 'close', 'the close recorded');
    const seqOf = (text: string) => actor.events.find((e) => e.connectionId === view().id && e.bridge?.direction === 'sent' && e.input?.text === text)!.seq;

    // The history as the page holds it (and a session file keeps it), replayed against the echo build.
    const result = expectOk(await actor.replay('echo.wasm', exampleBytes('echo')));
    const comparison = (seq: number) => result.comparisons.find((c) => c.seq === seq)!;
    expect(comparison(seqOf('hello')).differences).toEqual([{ aspect: 'upstream', recorded: 'text "HELLO"', replayed: 'text "hello"' }]);
    expect(comparison(seqOf('same'))).toMatchObject({ differences: [] });
    expect(comparison(seqOf('same')).skipped).toBeUndefined();
  });

  it('on a take-over the actor answers the real client, and a hand-back gives it to the upstream again; each switch is recorded', async () => {
    const { proxy, inbound, connect, problems } = await proxyPage(await answeringUpstream((text) => `upstream: ${text}`), false);
    const { client, view } = await connect();
    client.socket.send('one');
    await receives(client, 1);

    proxy.route(view().id, 'actor');
    await until(() => view().answering === 'actor' && view().actorConnectionId !== null && inbound.serves(view().actorConnectionId!), 'the take-over');
    const actorConnection = view().actorConnectionId!;
    expect(actorConnection).toBeGreaterThan(0);
    client.socket.send('two');
    await receives(client, 2);
    client.socket.ping(Buffer.from('still?'));
    await receives(client, 3);

    proxy.route(view().id, 'upstream');
    await until(() => view().answering === 'upstream' && !inbound.serves(actorConnection), 'the hand-back');
    client.socket.send('three');
    await receives(client, 4);

    // The actor's answers (its echo, Theater's pong to the ping), between the upstream's; nothing else (no actor welcome).
    expect(client.inbox.items).toEqual([
      { kind: 'text', text: 'upstream: one' },
      { kind: 'text', text: 'two' },
      { kind: 'pong', data: Buffer.from('still?') },
      { kind: 'text', text: 'upstream: three' },
    ]);
    // The upstream never saw what the actor answered.
    expect(upstream!.peers.items[0]!.peer.texts()).toEqual(['one', 'three']);

    await until(() => framesOn(view().id).length >= 9, 'every frame recorded');
    const client1 = view().client;
    const payloads = payloadOf(view().id);
    expect(framesOn(view().id).map((f, i) => [f.direction, f.opcode, payloads[i], f.proxy])).toEqual([
      ['sent', 'open', null, { client: client1, answering: 'upstream' }],
      ['sent', 'text', 'one', { client: client1, answering: 'upstream' }],
      ['received', 'text', 'upstream: one', { client: client1, answering: 'upstream' }],
      ['sent', 'switch', 'switch to actor', { client: client1, answering: 'actor', switched: true }],
      ['sent', 'text', 'two', { client: client1, answering: 'actor' }],
      ['sent', 'ping', null, { client: client1, answering: 'actor' }],
      ['sent', 'switch', 'switch to upstream', { client: client1, answering: 'upstream', switched: true }],
      ['sent', 'text', 'three', { client: client1, answering: 'upstream' }],
      ['received', 'text', 'upstream: three', { client: client1, answering: 'upstream' }],
    ]);
    // The actor's connection answered the take-over and was closed at the hand-back (no shadowing here).
    expect(actor.events.filter((e) => e.connectionId === actorConnection).map((e) => e.input?.ty.tag)).toEqual(['connect', 'text', 'ping', 'close']);
    expect(view().actorConnectionId).toBeNull();
    expect(problems).toEqual([]);
  });

  it('a taken-over client outlives its upstream: the actor goes on answering it, and the hand-back closes it as the upstream ended', async () => {
    const { proxy, connect } = await proxyPage(await answeringUpstream((text) => `upstream: ${text}`), true);
    const { client, view } = await connect();
    const shadowConnection = view().actorConnectionId;
    proxy.route(view().id, 'actor');
    await until(() => view().answering === 'actor', 'the take-over');
    // With shadowing on, the actor goes on from the connection that has seen the whole conversation.
    expect(view().actorConnectionId).toBe(shadowConnection);

    const { socket, peer } = upstream!.peers.items[0]!;
    socket.close(4003, 'upstream gone');
    await peer.closeEvent();
    // Whatever the bridge says of that has reached the page.
    await new Promise((resolve) => setTimeout(resolve, 100));
    client.socket.send('still there?');
    await client.inbox.waitFor((items) => items.length > 0, "the actor's answer", 3000);
    expect(client.inbox.items).toEqual([{ kind: 'text', text: 'still there?' }]);
    expect(view()).toMatchObject({ state: 'open', answering: 'actor' });

    proxy.route(view().id, 'upstream');
    expect(await client.closeEvent()).toMatchObject({ code: 4003, reason: 'upstream gone' });
    await until(() => view().state === 'closed' && framesOn(view().id).some((f) => f.opcode === 'close'), 'the conversation to end');
    expect(framesOn(view().id).filter((f) => f.opcode === 'close')).toMatchObject([{ direction: 'received', closeCode: 4003, closeReason: 'upstream gone' }]);
    // The actor heard its connection close.
    await until(() => actor.events.some((e) => e.connectionId === shadowConnection && e.input?.ty.tag === 'close'), "the actor's close");
  });

  it('when a taken-over client closes, the actor hears it close; the close is recorded once, with its code', async () => {
    const { proxy, connect } = await proxyPage(await answeringUpstream((text) => text), false);
    const { client, view } = await connect();
    proxy.route(view().id, 'actor');
    await until(() => view().answering === 'actor' && view().actorConnectionId !== null, 'the take-over');
    const actorConnection = view().actorConnectionId!;
    client.socket.close(4000, 'leaving');
    await until(() => actor.events.some((e) => e.connectionId === actorConnection && e.input?.ty.tag === 'close'), "the actor's close");
    await until(() => framesOn(view().id).some((f) => f.opcode === 'close'), 'the close recorded');
    expect(view()).toMatchObject({ state: 'closed', ended: expect.stringMatching(/^the client closed it/) });
    expect(framesOn(view().id).filter((f) => f.opcode === 'close')).toMatchObject([{ direction: 'sent', closeCode: 4000, closeReason: 'leaving', proxy: { answering: 'actor' } }]);
  });

  it('records a client the upstream refused, says why, and raises the alert', async () => {
    // Nothing listens there any more.
    const gone = await TestUpstream.start();
    await gone.close();
    const { problems, proxy } = await proxyPage(gone, true);
    expect(await refusedStatus(bridge!.address)).toBe(502);
    await until(() => proxy.view().connections.length === 1 && framesOn(proxy.view().connections[0]!.id).length === 2, 'the refusal recorded');
    const [refused] = proxy.view().connections;
    expect(refused).toMatchObject({ state: 'refused', ended: expect.stringMatching(/^the upstream refused it: could not reach the upstream \(ECONNREFUSED\)/), actorConnectionId: null });
    expect(framesOn(refused!.id)).toMatchObject([
      { direction: 'sent', opcode: 'open' },
      { direction: 'received', opcode: 'close', closeCode: 1006, closeReason: expect.stringContaining('ECONNREFUSED') },
    ]);
    expect(problems).toEqual([expect.stringMatching(/^Real client #1 \(\/\) could not be proxied to .*HTTP 502/)]);
  });
});
