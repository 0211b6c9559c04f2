import { describe, expect, it } from 'vitest';
import { decodeUtf8, utf8 } from '../core/bytes';
import { logsOf } from '../core/hostCalls';
import { makeMessage, textMessage, binaryMessage, MESSAGE_KINDS } from '../core/messages';
import { expectOk, startExample } from './testing/exampleActors';

describe('echo: every message type through the simulated server', () => {
  it('greets on connect and routes the greeting to that connection as a text frame', async () => {
    const { session } = await startExample('echo');
    const { connection, recorded } = expectOk(await session.open());
    expect(recorded.event.connectionId).toBe(connection.id);
    expect(recorded.event.input?.ty.tag).toBe('connect');
    expect(recorded.event.responses).toHaveLength(1);
    expect(recorded.event.responses[0]!.frame).toEqual({ frame: 'text', text: 'Welcome! You are connected to the echo actor.' });
  });

  it('answers each of the seven message kinds as Theater would put it on the wire', async () => {
    const { session } = await startExample('echo');
    const { connection } = expectOk(await session.open());
    const frames = [];
    for (const kind of MESSAGE_KINDS) {
      const message = makeMessage(kind, { text: kind === 'text' ? 'hello' : undefined, data: kind === 'binary' || kind === 'ping' ? new Uint8Array([1, 2, 255]) : undefined, other: 'custom' });
      const { event } = expectOk(await session.send(connection.id, message));
      expect(event.outcome).toEqual({ kind: 'ok' });
      frames.push([kind, event.responses.map((r) => r.frame)]);
    }
    expect(frames).toEqual([
      ['text', [{ frame: 'text', text: 'hello' }]],
      ['binary', [{ frame: 'binary', data: new Uint8Array([1, 2, 255]) }]],
      ['connect', [{ frame: 'text', text: 'Welcome! You are connected to the echo actor.' }]],
      ['close', []],
      ['ping', [{ frame: 'pong', data: new Uint8Array([1, 2, 255]) }]],
      ['pong', []],
      ['other', [{ frame: 'text', text: 'echo: unknown message type "custom"' }]],
    ]);
  });

  it('numbers events in order and keeps each on its own connection', async () => {
    const { session } = await startExample('echo');
    const a = expectOk(await session.open()).connection;
    const b = expectOk(await session.open()).connection;
    expectOk(await session.send(a.id, textMessage('from a')));
    expectOk(await session.send(b.id, textMessage('from b')));
    expectOk(await session.close(a.id));
    expect(session.events.map((e) => [e.seq, e.connectionId, e.input?.ty.tag])).toEqual([
      [0, a.id, 'connect'],
      [1, b.id, 'connect'],
      [2, a.id, 'text'],
      [3, b.id, 'text'],
      [4, a.id, 'close'],
    ]);
    const afterClose = await session.send(a.id, textMessage('too late'));
    expect(afterClose.ok ? 'sent' : afterClose.error.code).toBe('connection-closed');
  });
});

describe('counter: init, logs, growing JSON state, several responses', () => {
  it('runs init first and records it as event 0 with its log line', async () => {
    const { session, init } = await startExample('counter');
    expect(init?.event.kind).toBe('init');
    expect(init?.event.seq).toBe(0);
    expect(logsOf(init!.event.hostCalls)).toEqual(['counter initialised']);
    const state = JSON.parse(decodeUtf8(session.state(session.committedState)!)!);
    expect(state).toMatchObject({ count: 0, connections: 0 });
  });

  it('commits each new state and replies with several messages to one input', async () => {
    const { session } = await startExample('counter');
    const { connection } = expectOk(await session.open());
    expectOk(await session.send(connection.id, textMessage('inc 5')));
    const burst = expectOk(await session.send(connection.id, textMessage('burst 3'))).event;
    expect(burst.responses.map((r) => r.message.text)).toEqual(['1/3', '2/3', '3/3']);
    const get = expectOk(await session.send(connection.id, textMessage('get'))).event;
    expect(get.responses.map((r) => r.message.text)).toEqual(['count: 5']);
    expect(logsOf(get.hostCalls).length).toBeGreaterThan(0);
  });

  it('stores identical states once: an unchanged state keeps its reference', async () => {
    const { session } = await startExample('counter');
    const { connection } = expectOk(await session.open());
    const first = expectOk(await session.send(connection.id, textMessage('get'))).event;
    const second = expectOk(await session.send(connection.id, textMessage('get')));
    expect(second.event.stateBefore).toBe(first.stateAfter);
    expect(second.event.stateAfter).toBe(second.event.stateBefore);
    expect(second.newStates).toEqual([]);
  });

  it('returns err for a bad command and commits nothing', async () => {
    const { session } = await startExample('counter');
    const { connection } = expectOk(await session.open());
    const before = session.committedState;
    const { event } = expectOk(await session.send(connection.id, textMessage('inc lots')));
    expect(event.outcome.kind).toBe('err');
    expect(event.stateAfter).toBe(before);
    expect(session.committedState).toBe(before);
  });
});

describe('faulty: failures roll back and the actor recovers', () => {
  const calls = (bytes: Uint8Array | undefined) => JSON.parse(decodeUtf8(bytes!)!).calls as number;

  it('err leaves the state as it was', async () => {
    const { session } = await startExample('faulty');
    const { connection } = expectOk(await session.open());
    const before = session.committedState;
    const { event } = expectOk(await session.send(connection.id, textMessage('err')));
    expect(event.outcome).toEqual({ kind: 'err', message: 'faulty: asked to fail' });
    expect(session.committedState).toBe(before);
  });

  it('a trap commits nothing, and the next call runs on a fresh instance from the last state', async () => {
    const { session } = await startExample('faulty');
    const { connection } = expectOk(await session.open());
    expectOk(await session.send(connection.id, textMessage('hello')));
    const committed = calls(session.state(session.committedState));
    const trap = expectOk(await session.send(connection.id, textMessage('trap'))).event;
    expect(trap.outcome.kind).toBe('trap');
    expect(trap.stateAfter).toBe(trap.stateBefore);
    const next = expectOk(await session.send(connection.id, textMessage('hello'))).event;
    expect(next.outcome.kind).toBe('ok');
    expect(next.responses[0]!.message.text).toBe(`ok ${committed + 1}`);
  });

  it('flags responses Theater would drop as protocol warnings', async () => {
    const { session } = await startExample('faulty');
    const { connection } = expectOk(await session.open());
    for (const [command, warning] of [
      ['notext', /text message without `text`/],
      ['nodata', /binary message without `data`/],
      ['other', /other\("custom"\) has no WebSocket frame/],
    ] as const) {
      const { event } = expectOk(await session.send(connection.id, textMessage(command)));
      expect(event.responses).toHaveLength(1);
      expect(event.responses[0]!.frame).toBeNull();
      expect(event.responses[0]!.warning).toMatch(warning);
    }
  });

  it('carries a multi-megabyte state through and stores it once', async () => {
    const { session } = await startExample('faulty');
    const { connection } = expectOk(await session.open());
    const { event, newStates } = expectOk(await session.send(connection.id, textMessage('huge 2')));
    const state = session.state(event.stateAfter)!;
    expect(state.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(newStates.map(([ref]) => ref)).toEqual([event.stateAfter]);
  });
});

describe('imports: unknown imports get recorded, well-typed stubs', () => {
  it('loads with the unknown interface listed and answers with the stubs\' defaults', async () => {
    const { session } = await startExample('imports');
    expect(session.info.imports.map((i) => i.name)).toContain('theater:simple/kv');
    const { connection } = expectOk(await session.open());
    const put = expectOk(await session.send(connection.id, textMessage('put colour blue'))).event;
    expect(put.hostCalls).toContainEqual({ interface: 'theater:simple/kv', function: 'put', args: ['colour', utf8('blue')], result: undefined, stubbed: true });
    const get = expectOk(await session.send(connection.id, textMessage('get colour'))).event;
    expect(get.hostCalls).toContainEqual({ interface: 'theater:simple/kv', function: 'get', args: ['colour'], result: undefined, stubbed: true });
    expect(get.responses[0]!.message.text).toBe('colour is missing');
    const count = expectOk(await session.send(connection.id, textMessage('count'))).event;
    expect(count.responses[0]!.message.text).toBe('count: 0');
  });
});

describe('minimal: the hand-written component', () => {
  it('passes the state straight through and replies nothing', async () => {
    const { session } = await startExample('minimal');
    const { connection } = expectOk(await session.open());
    const { event } = expectOk(await session.send(connection.id, binaryMessage(new Uint8Array([7, 7]))));
    expect(event.outcome.kind).toBe('ok');
    expect(event.responses).toEqual([]);
    expect(event.stateAfter).toBeNull();
  });
});
