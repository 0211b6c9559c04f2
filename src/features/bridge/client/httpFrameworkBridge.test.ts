import { afterEach, describe, expect, it } from 'vitest';
import { textMessage, type ActorEvent } from '../../../core';
import { exampleBytes, expectOk } from '../../../runtime/testing/exampleActors';
import { threadWorker } from '../../../cli/threadWorker';
import { ActorClient } from '../../../host/actorClient';
import { startBridge, type RunningBridge } from '../../../server/bridge/server';
import { FakePage, Inbox, TestClient, messagesOf, silent } from '../../../server/bridge/testPeers';
import { InboundBridge } from './inboundBridge';
import { isProxyServerMessage } from '../../../protocols/proxyControl';

// An http-framework actor (chat-room) behind the real bridge server: real `ws` clients on the
// bridge's public port, the page's side of the bridge (`InboundBridge`) on its control channel,
// the actor in a real worker thread. What each real client receives is what a user relies on.

let actor: ActorClient | undefined;
let bridge: RunningBridge | undefined;
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
  actor?.dispose();
  actor = undefined;
});

const WELCOME = /^welcome, you are (\d+); (\d+ members?)$/;

async function room() {
  const events = new Inbox<ActorEvent>();
  const tap: { inbound?: InboundBridge } = {};
  const client = new ActorClient({
    createWorker: threadWorker,
    onEvent: (recorded) => {
      tap.inbound?.observe(client.events);
      events.push(recorded.event);
    },
  });
  actor = client;
  expectOk(await client.load('chat-room.wasm', exampleBytes('chat-room')));
  bridge = await startBridge({ port: 0, log: silent });
  // The page's end of the control channel: what the server says goes to the inbound bridge, what it answers goes back.
  const page = await FakePage.attach(bridge);
  const inbound = new InboundBridge(client, (message) => page.send(message), () => {}, client.events);
  tap.inbound = inbound;
  page.socket.on('message', (data) => messagesOf(data).forEach((message) => {
    if (!isProxyServerMessage(message)) inbound.handle(message);
  }));
  const address = bridge.address;

  /** A real client at `path`, once the actor welcomed it: its id in the room and how many members it was told. */
  const join = async (path: string) => {
    const real = await TestClient.open(`${address}${path}`);
    await real.inbox.waitFor((items) => items.some((e) => e.kind === 'text' && WELCOME.test(e.text)), `the welcome at ${path}`);
    const [, id, members] = WELCOME.exec(real.texts().find((t) => WELCOME.test(t))!)!;
    return { real, id: id!, members: members! };
  };
  return { actor: client, inbound, events, address, join };
}

/** Waits until `client` has received `text`. */
const hears = (client: TestClient, text: string) => client.inbox.waitFor((items) => items.some((e) => e.kind === 'text' && e.text === text), JSON.stringify(text));

describe('an http-framework actor in the page, its real clients through the bridge', () => {
  it("broadcasts one real client's message to every real client, the sender included, and after one leaves the rest hear it and keep talking", async () => {
    const { join } = await room();
    const a = await join('/chat');
    const b = await join('/chat');
    const c = await join('/chat');
    expect([a.members, b.members, c.members]).toEqual(['1 member', '2 members', '3 members']);
    expect(new Set([a.id, b.id, c.id]).size).toBe(3);
    await hears(a.real, `${c.id} joined`);
    expect(a.real.texts()).toEqual([`welcome, you are ${a.id}; 1 member`, `${b.id} joined`, `${c.id} joined`]);

    a.real.socket.send('hello');
    for (const member of [a, b, c]) await hears(member.real, `${a.id}: hello`);

    b.real.socket.close(1000, 'bye');
    expect(await b.real.closeEvent()).toMatchObject({ code: 1000 });
    await hears(a.real, `${b.id} left`);
    await hears(c.real, `${b.id} left`);
    c.real.socket.send('still here');
    await hears(a.real, `${c.id}: still here`);
    await hears(c.real, `${c.id}: still here`);
    // Each of A's and C's lines came once, and B heard nothing after its own close.
    expect(a.real.texts().slice(3)).toEqual([`${a.id}: hello`, `${b.id} left`, `${c.id}: still here`]);
    expect(c.real.texts().slice(1)).toEqual([`${a.id}: hello`, `${b.id} left`, `${c.id}: still here`]);
    expect(b.real.texts().slice(1)).toEqual([`${c.id} joined`, `${a.id}: hello`]);
  });

  it("gives a client at the bridge's bare address the actor's path, and closes one at a path it does not serve, saying which it serves", async () => {
    const { actor, inbound, join, address } = await room();
    const bare = await join('');
    expect(actor.events.at(-1)!.http).toMatchObject({ connection: bare.id, path: '/chat' });

    const before = actor.events.length;
    const lost = await TestClient.open(`${address}/nope`);
    const closed = await lost.closeEvent();
    expect(closed).toMatchObject({ code: 1008, reason: expect.stringMatching(/serves WebSockets on `\/chat`, not on `\/nope`/) });
    expect(inbound.stats.lastProblem).toMatch(/^Real client #2 could not connect: The actor serves WebSockets on `\/chat`, not on `\/nope`/);
    expect(lost.texts()).toEqual([]);
    // Nothing was recorded for it, and the room goes on.
    expect(actor.events).toHaveLength(before);
    bare.real.socket.send('anyone?');
    await hears(bare.real, `${bare.id}: anyone?`);
  });

  it("puts a simulated client and a real one in the same room: each hears the other's messages", async () => {
    const { actor, events, join } = await room();
    const real = await join('/chat');
    // A connection opened in the page, as `New connection` does.
    const { connection, recorded } = expectOk(await actor.open('/chat'));
    const simulated = recorded.event.http!.connection;
    await hears(real.real, `${simulated} joined`);

    expectOk(await actor.send(connection.id, textMessage('from the page')));
    await hears(real.real, `${simulated}: from the page`);

    real.real.socket.send('from outside');
    const line = `${real.id}: from outside`;
    // The actor sent the line to the simulated connection too: it is in that connection's transcript.
    await events.waitFor((items) => items.some((e) => e.responses.some((r) => r.to === connection.id && r.message.text === line)), 'the line to the simulated client');
    await hears(real.real, line);

    expectOk(await actor.close(connection.id));
    await hears(real.real, `${simulated} left`);
  });
});
