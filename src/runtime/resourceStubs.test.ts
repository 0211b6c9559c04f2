import { describe, expect, it } from 'vitest';
import { textMessage } from '../core/messages';
import { replay } from './replay';
import { componentHash, readSessionFile, writeSessionFile } from '../core/sessionFile';
import { expectOk } from './testing/exampleActors';
import { fixtureActorBytes, startFixture } from './testing/fixtureActors';

const DEFS = 'hpcc-js:expat/defs';
const RESOURCES = 'hpcc-js:expat/resources';

/** What resource-import.wasm does for one text, as Theater would record it: handles numbered per resource type. */
const callsFor = (text: string, handle: number) => [
  { interface: DEFS, function: '[constructor]callback', args: [], result: handle, stubbed: true },
  { interface: RESOURCES, function: '[constructor]expat', args: [handle], result: handle, stubbed: true },
  { interface: RESOURCES, function: '[method]expat.parse', args: [handle, text], result: false, stubbed: true },
  { interface: RESOURCES, function: '[method]expat.version', args: [handle], result: '', stubbed: true },
  { interface: RESOURCES, function: '[method]expat.tag', args: [handle], result: '', stubbed: true },
  { interface: DEFS, function: '[resource-drop]callback', args: [handle], result: undefined, stubbed: true },
  { interface: RESOURCES, function: '[resource-drop]expat', args: [handle], result: undefined, stubbed: true },
];

describe('stubbed imports with resources (resource-import.wasm)', () => {
  it('says per function what each stub returns, resources included', async () => {
    const { session } = await startFixture('resource-import');
    const lines = session.info.importFunctions!.map((f) => `${f.interface} ${f.function}: ${f.provision} ${f.detail}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        `${DEFS} [constructor]callback: stubbed returns <new callback>`,
        `${DEFS} [method]callback.start-element: stubbed returns nothing`,
        `${DEFS} [resource-drop]callback: stubbed recorded`,
        `${RESOURCES} [constructor]expat: stubbed returns <new expat>`,
        `${RESOURCES} [method]expat.parse: stubbed returns false`,
        `${RESOURCES} [method]expat.version: stubbed returns ""`,
        `${RESOURCES} [resource-drop]expat: stubbed recorded`,
      ]),
    );
    expect(session.info.importFunctions!.every((f) => f.provision === 'stubbed')).toBe(true);
  });

  it('answers every text with the typed defaults and records each constructor, method and drop', async () => {
    const { session } = await startFixture('resource-import');
    const { connection } = expectOk(await session.open());
    const texts = ['<a x="1">hi</a>', 'not xml'];
    for (const [i, text] of texts.entries()) {
      const { event } = expectOk(await session.send(connection.id, textMessage(text)));
      expect(event.outcome).toEqual({ kind: 'ok' });
      expect(event.responses.map((r) => r.message.text)).toEqual(['parsed=false version= tag=']);
      expect(event.hostCalls).toEqual(callsFor(text, i + 1));
    }
  });

  it('replays the stubs from the recording, alone from a later event too, and through a session file', async () => {
    const { session } = await startFixture('resource-import');
    const { connection } = expectOk(await session.open());
    for (const text of ['one', 'two', 'three']) expectOk(await session.send(connection.id, textMessage(text)));
    const snapshot = session.snapshot();
    const bytes = fixtureActorBytes('resource-import');
    const file = { component: { name: 'resource-import.wasm', sha256: componentHash(bytes), size: bytes.length }, connections: snapshot.connections, events: snapshot.events, states: new Map(snapshot.states) };
    const back = expectOk(await readSessionFile(await writeSessionFile(file, false)));
    expect(back.events.map((e) => e.hostCalls)).toEqual(session.events.map((e) => e.hostCalls));

    const history = { events: back.events, state: (ref: string | null) => (ref === null ? undefined : back.states.get(ref)) };
    const whole = expectOk(await replay(bytes, history, { name: 'resource-import.wasm' }));
    expect(whole.summary).toMatchObject({ total: 4, diverged: 0 });
    // Alone, the replay's own counters would start at 1: the recorded handles are the ones it names.
    const last = expectOk(await replay(bytes, history, { name: 'resource-import.wasm', from: 3 }));
    expect(last.summary.diverged).toBe(0);
    expect(last.comparisons[0]!.replayed!.hostCalls).toEqual(callsFor('three', 3));
  });
});
