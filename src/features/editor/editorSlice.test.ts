import { describe, expect, it, vi } from 'vitest';
import { textMessage } from '../../core';
import { nodeStores } from '../../store/testing/nodeStore';
import { editorErrorEvent, thrownIn } from './editorProblem';
import { TEMPLATES } from './templates';

const newStore = nodeStores();
const template = (name: string) => TEMPLATES.find((t) => t.name === name)!.source;

/** A store running the echo example, as the page opens, with the Editor holding `source`. */
async function withSource(source: string) {
  const store = newStore();
  await store.getState().loadUrl('./actors/echo.wasm', 'echo');
  store.getState().setEditorText(source);
  return store;
}

describe('the Editor through the store, over a real worker', () => {
  it('Run actor loads the source as an Editor actor and follows it', async () => {
    const store = await withSource(template('counter'));
    await store.getState().runEditorActor();
    const state = store.getState();
    expect([state.actorName, state.status, state.alert, state.editorRun?.kind]).toEqual(['editor.js', 'ready', null, 'ran']);
    expect(state.editorLoadedSource).toBe(template('counter'));
    // The init of the source ran: the counter's JSON state is the first committed state.
    expect(state.events[0]?.kind).toBe('init');
  });

  it('a syntax error is the Editor’s problem at its line, and the running actor stays', async () => {
    const store = await withSource("export const websocketServer = {\n  handleMessage(state) {\n    return [state, [{ messages: [] }]]\n  }\n  oops\n};\n");
    await store.getState().runEditorActor();
    expect(store.getState().editorProblem).toMatchObject({ by: 'parse', at: { line: 5 } });
    expect([store.getState().actorName, store.getState().status, store.getState().editorRun]).toEqual(['echo', 'ready', { kind: 'failed' }]);
  });

  it('a source whose init throws fails the run with the reason, and the running actor stays', async () => {
    const store = await withSource("export const actor = {\n  init() {\n    throw new Error('not today');\n  },\n};\nexport const websocketServer = { handleMessage(s) { return [s, [{ messages: [] }]]; } };\n");
    await store.getState().runEditorActor();
    expect(store.getState().editorRun).toEqual({ kind: 'failed' });
    expect(store.getState().editorProblem).toMatchObject({ by: 'init', message: 'Error: not today', at: { line: 3 } });
    expect(store.getState().alert?.message).toMatch(/init failed \(err: not today\)/);
    expect([store.getState().actorName, store.getState().status]).toEqual(['echo', 'ready']);
  });

  it('points at the line a call threw at, only while the Editor holds the source that ran', async () => {
    const store = await withSource(template('fails-on-purpose'));
    await store.getState().runEditorActor();
    await store.getState().openConnection();
    await vi.waitFor(() => expect(store.getState().connections).toHaveLength(1));
    await store.getState().send(store.getState().connections[0]!.id, textMessage('crash'));
    await vi.waitFor(() => expect(editorErrorEvent(store.getState())).not.toBeNull());
    const thrown = thrownIn(editorErrorEvent(store.getState())!);
    expect(thrown).toMatchObject({ by: 'call', at: { line: 20 }, message: "TypeError: cannot read property 'field' of undefined" });
    store.getState().setEditorText(`// edited\n${template('fails-on-purpose')}`);
    expect(editorErrorEvent(store.getState())).toBeNull();
  });

  it('a newly loaded Editor actor brings its source; another actor leaves the text alone', async () => {
    const store = await withSource(template('echo'));
    await store.getState().runEditorActor();
    const session = (await store.getState().exportSession())!;
    store.getState().applyEditorTemplate('binary-protocol');
    await store.getState().loadUrl('./actors/counter.wasm', 'counter');
    store.getState().followLoadedActor();
    expect([store.getState().editorLoadedSource, store.getState().editorText]).toEqual([null, template('binary-protocol')]);
    expect(await store.getState().importSession(session)).toBe(true);
    store.getState().followLoadedActor();
    expect(store.getState().editorText).toBe(template('echo'));
  });
});
