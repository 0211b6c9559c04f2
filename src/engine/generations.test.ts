import { describe, expect, it } from 'vitest';
import { textMessage } from './messages';
import { ActorSession } from './session';
import { expectOk } from './testing/exampleActors';
import { generationActor } from './testing/theaterGenerations';

describe('an actor built against ntwk:theater (Theater before June 2025)', () => {
  it('loads, names its package, gets an actor id at init, and answers through the same session', async () => {
    const { bytes } = await generationActor('ntwk-2025-04');
    const { session, init } = expectOk(await ActorSession.start(bytes, { name: 'ntwk.wasm' }));
    expect(session.info.package).toBe('ntwk:theater');
    expect(session.info.hasInit).toBe(true);
    // Its runtime import is Theater's, answered by the playground, not a stub.
    expect(session.info.imports).toContainEqual({ name: 'ntwk:theater/runtime', kind: 'interface', provider: 'theater' });

    const actorId = session.info.actorId!;
    expect(actorId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // init(state, (actor-id,)) ran with that id: the actor logged it and kept it as its state.
    expect(init?.event.outcome).toEqual({ kind: 'ok' });
    expect(init?.event.hostCalls.map((call) => [call.function, call.args])).toEqual([['log', [`init as ${actorId}`]]]);
    expect(new TextDecoder().decode(session.state(session.committedState))).toBe(actorId);

    const { connection } = expectOk(await session.open());
    const reply = expectOk(await session.send(connection.id, textMessage('hello'))).event;
    expect(reply.outcome).toEqual({ kind: 'ok' });
    expect(reply.responses.map((r) => r.message.text)).toEqual([`${actorId}: hello`]);
  });

  it('gets the same actor id every time the same component starts', async () => {
    const { bytes } = await generationActor('ntwk-2025-04');
    const first = expectOk(await ActorSession.start(bytes, { name: 'a.wasm' }));
    const second = expectOk(await ActorSession.start(bytes, { name: 'b.wasm' }));
    expect(second.session.info.actorId).toBe(first.session.info.actorId);
  });
});
