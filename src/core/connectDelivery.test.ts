import { describe, expect, it } from 'vitest';
import { makeMessage, textMessage } from './messages';
import { replay } from '../runtime/replay';
import { ActorSession } from '../runtime/session';
import { readSessionFile, writeSessionFile, componentHash } from './sessionFile';
import { exampleBytes, expectOk } from '../runtime/testing/exampleActors';
import type { ConnectDelivery } from './connectDelivery';

const MAX_U64 = 18446744073709551615n;

async function echo(delivery: ConnectDelivery) {
  const bytes = exampleBytes('echo');
  const started = expectOk(await ActorSession.start(bytes, { name: 'echo.wasm', delivery, connectionNumber: () => MAX_U64 }));
  return { bytes, session: started.session };
}

describe("connection delivery: the interface's connect and close, or Theater's own host", () => {
  it("under theater-host, a new client arrives as Theater's text connect with the exact u64, and the echo actor echoes that text", async () => {
    const { session } = await echo('theater-host');
    const { recorded } = expectOk(await session.open());
    expect(recorded.event.input).toEqual(textMessage('{"connection_id":18446744073709551615,"type":"connect"}'));
    expect(recorded.event.responses.map((r) => r.frame)).toEqual([{ frame: 'text', text: '{"connection_id":18446744073709551615,"type":"connect"}' }]);
  });

  it('under theater-host, ping arrives without its data and the pong goes out empty, as Theater sent it', async () => {
    const { session } = await echo('theater-host');
    const { connection } = expectOk(await session.open());
    const { event } = expectOk(await session.send(connection.id, makeMessage('ping', { data: new Uint8Array([1, 2, 3]) })));
    expect(event.input).toEqual({ ty: { tag: 'ping' }, data: undefined, text: undefined });
    expect(event.responses.map((r) => r.frame)).toEqual([{ frame: 'pong', data: new Uint8Array(0) }]);
  });

  it('under the interface, ping keeps its data and a dropped client is reported as close', async () => {
    const { session } = await echo('interface');
    const { connection } = expectOk(await session.open());
    const { event } = expectOk(await session.send(connection.id, makeMessage('ping', { data: new Uint8Array([7]) })));
    expect(event.responses.map((r) => r.frame)).toEqual([{ frame: 'pong', data: new Uint8Array([7]) }]);
    const dropped = expectOk(await session.drop(connection.id));
    expect(dropped?.event.input?.ty.tag).toBe('close');
    expect(session.connections).toEqual([{ id: connection.id, open: false }]);
  });

  it('under theater-host, a dropped client is never reported: no event, and the connection is closed', async () => {
    const { session } = await echo('theater-host');
    const { connection } = expectOk(await session.open());
    const before = session.events.length;
    expect(expectOk(await session.drop(connection.id))).toBeNull();
    expect(session.events).toHaveLength(before);
    expect(session.connections).toEqual([{ id: connection.id, open: false }]);
    expect((await session.send(connection.id, textMessage('late'))).ok).toBe(false);
  });

  it('is changed by configure from the next event on, kept in snapshots, and restored with them', async () => {
    const { bytes, session } = await echo('interface');
    expectOk(await session.open());
    session.configure('theater-host');
    const second = expectOk(await session.open());
    expect(second.recorded.event.input?.ty.tag).toBe('text');
    const snapshot = session.snapshot();
    expect(snapshot.delivery).toBe('theater-host');
    const restored = expectOk(await ActorSession.restore(bytes, snapshot, { name: 'echo.wasm' }));
    expect(restored.delivery).toBe('theater-host');
  });

  it('travels in the session file, and a replay under it matches, text connects reopening their connections', async () => {
    const { bytes, session } = await echo('theater-host');
    const { connection } = expectOk(await session.open());
    expectOk(await session.send(connection.id, makeMessage('ping', { data: new Uint8Array([9]) })));
    expectOk(await session.send(connection.id, textMessage('hi')));
    const snapshot = session.snapshot();
    const text = await writeSessionFile(
      { component: { name: 'echo.wasm', sha256: componentHash(bytes), size: bytes.length }, connections: snapshot.connections, server: { delivery: session.delivery }, events: snapshot.events, states: new Map(snapshot.states) },
      false,
    );
    const file = expectOk(await readSessionFile(text));
    expect(file.server).toEqual({ delivery: 'theater-host' });
    const states = new Map(file.states);
    const result = expectOk(await replay(bytes, { events: file.events, state: (ref) => (ref === null ? undefined : states.get(ref)) }, { name: 'echo.wasm', delivery: file.server?.delivery }));
    expect(result.summary).toMatchObject({ total: 3, matched: 3, diverged: 0 });
  });

  it('reads a session file from before the setting as the interface delivery', async () => {
    const old = JSON.stringify({ format: 'theater-playground-session', version: 1, component: { name: 'a.wasm', sha256: '0'.repeat(64), size: 1 }, connections: [], events: [], states: {} });
    expect(expectOk(await readSessionFile(old)).server).toEqual({ delivery: 'interface' });
  });
});
