import { describe, expect, it } from 'vitest';
import { phasesOf } from '../features/actor/loadProgress';
import { actorBytes, nodeStores } from './testing/nodeStore';

const storeOfOwn = nodeStores();

const store = storeOfOwn();

describe('loading and sending through the store, over a real worker', () => {
  it('times every stage of a load, and a failed load leaves the loaded actor as it was', async () => {
    await store.getState().loadUrl('./actors/counter.wasm', 'counter');
    const loaded = store.getState().loadProgress!;
    expect(loaded.outcome).toBe('loaded');
    // The first load here transpiles, or finds jco's output in the run's component cache
    // (scripts/vitest-setup.ts, which an earlier test file may have filled): then those two stages did not run.
    const skipped = loaded.cache?.kind === 'hit' ? ['inspecting', 'transpiling'] : [];
    expect(loaded.done.map((d) => [d.phase, d.ms === null])).toEqual(['reading', 'inspecting', 'transpiling', 'compiling', 'instantiating', 'init'].map((phase) => [phase, skipped.includes(phase)]));
    expect(loaded.done.every((d) => d.ms === null || d.ms >= 0)).toBe(true);
    expect(store.getState().loaded).toBe(loaded);
    expect(loaded.info).toBe(store.getState().info);

    // Loaded again: the page's compiled modules spare three stages, which say they did not run.
    await store.getState().loadUrl('./actors/counter.wasm', 'counter');
    const again = store.getState().loadProgress!;
    expect(again.cache).toEqual({ kind: 'compiled' });
    expect(again.done.map((d) => [d.phase, d.ms === null])).toEqual([
      ['reading', false],
      ['inspecting', true],
      ['transpiling', true],
      ['compiling', true],
      ['instantiating', false],
      ['init', false],
    ]);
    expect(again.info).toEqual(loaded.info);

    await store.getState().loadBytes('junk', new Uint8Array([1, 2, 3]));
    const state = store.getState();
    expect(state.loadProgress).toMatchObject({ name: 'junk', outcome: 'failed', done: [{ phase: 'reading' }] });
    expect(state.alert?.code).toBe('not-wasm');
    expect(state.loaded).toBe(again);
    expect([state.actorName, state.status]).toEqual(['counter', 'ready']);
  });

  it('sends to all open connections in connection order, each its own event', async () => {
    const { openConnection, closeConnection, editDraft, sendDraft } = store.getState();
    await openConnection();
    await openConnection();
    await openConnection();
    await closeConnection(2);
    editDraft('all', { body: 'inc' });
    await sendDraft('all');
    const { events, drafts, sentHistory } = store.getState();
    const last = events.slice(-2);
    expect(last.map((e) => [e.connectionId, e.input?.text])).toEqual([
      [1, 'inc'],
      [3, 'inc'],
    ]);
    expect(last.map((e) => e.responses[0]?.message.text)).toEqual(['count: 1', 'count: 2']);
    expect(drafts.all?.body).toBe('');
    expect(sentHistory.all?.map((entry) => entry.body)).toEqual(['inc']);
  });
});

describe('a load whose init fails', () => {
  it('shows init as the stage that failed, with the stages before it done', async () => {
    // The counter's init logs a line: with none allowed, it fails past the limit.
    const limited = storeOfOwn();
    limited.getState().setLimit('logLinesPerCall', 0);
    await limited.getState().loadUrl('./actors/counter.wasm', 'counter');
    const { loadProgress, alert } = limited.getState();
    expect(alert?.code).toBe('init-failed');
    expect(loadProgress?.outcome).toBe('failed');
    expect(loadProgress?.done.map((d) => d.phase)).not.toContain('init');
    expect(phasesOf(loadProgress!).map((p) => `${p.phase}:${p.state}`).slice(-2)).toEqual(['instantiating:done', 'init:failed']);
  });
});

describe('loads that finish out of order', () => {
  it('adopts the last load asked for, even when an earlier one finishes reading after it', async () => {
    let releaseDownload: () => void = () => {};
    const downloaded = new Promise<void>((resolve) => (releaseDownload = resolve));
    // The default example still downloading (a slow network) when a person picks a file.
    const slow = storeOfOwn({ beforeFetch: () => downloaded });
    const startup = slow.getState().loadUrl('./actors/echo.wasm', 'echo');
    const chosen = slow.getState().loadBytes('counter.wasm', actorBytes('counter'));
    await chosen;
    releaseDownload();
    await startup;
    const state = slow.getState();
    expect([state.actorName, state.status, state.alert]).toEqual(['counter', 'ready', null]);
    expect(state.loaded?.name).toBe('counter.wasm');
  });
});
