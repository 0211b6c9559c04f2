import { afterEach, describe, expect, it } from 'vitest';
import { componentHash, DEFAULT_LIMITS, textMessage, writeSessionFile } from '../core';
import { exampleBytes, expectOk } from '../runtime/testing/exampleActors';
import { generationActor, withCustomSection } from '../runtime/testing/theaterGenerations';
import { threadWorker } from '../cli/threadWorker';
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

  it('applies limits at the next load: the running actor keeps its own, the next one runs under the new, its call time the watchdog', async () => {
    const actor = client(5000);
    expectOk(await actor.load('faulty.wasm', exampleBytes('faulty')));
    const { connection } = expectOk(await actor.open());
    actor.limits = { ...DEFAULT_LIMITS, logBytesPerCall: 16, callTimeMs: 1000, componentBytes: 10 };
    expect(expectOk(await actor.send(connection.id, textMessage('a long line to log'))).event.outcome).toEqual({ kind: 'ok' });
    // Refused on the page's side, before a worker sees it: the loaded actor and its history stay.
    const refused = await actor.load('faulty.wasm', exampleBytes('faulty'));
    expect(!refused.ok && refused.error.code).toBe('component-too-large');
    expect(actor.events).toHaveLength(2);
    actor.limits = { ...DEFAULT_LIMITS, logBytesPerCall: 16, callTimeMs: 1000 };
    expectOk(await actor.load('faulty.wasm', exampleBytes('faulty')));
    const next = expectOk(await actor.open()).connection;
    expect(expectOk(await actor.send(next.id, textMessage('a long line to log'))).event.outcome).toMatchObject({ kind: 'trap', limit: 'log-too-large' });
    expect(expectOk(await actor.send(next.id, textMessage('loop'))).event.outcome).toEqual({ kind: 'timeout', afterMs: 1000 });
    // The worker restarted after the timeout keeps the limits.
    expect(expectOk(await actor.send(next.id, textMessage('a long line to log'))).event.outcome).toMatchObject({ kind: 'trap', limit: 'log-too-large' });
    expect(expectOk(await actor.send(next.id, textMessage('hi'))).event.responses[0]!.message.text).toBe('ok 2');
  });

  it('imports a session file with the limits it was recorded under, and runs under them from then on', async () => {
    const actor = client(5000);
    const bytes = exampleBytes('echo');
    const file = await writeSessionFile({ component: { name: 'echo.wasm', sha256: componentHash(bytes), size: bytes.length, bytes }, connections: [], server: { delivery: 'interface', limits: { responsesPerCall: 0 } }, events: [], states: new Map() }, true);
    expectOk(await actor.importSession(file));
    expect(actor.nextLimits).toEqual({ ...DEFAULT_LIMITS, responsesPerCall: 0 });
    const { recorded } = expectOk(await actor.open());
    expect(recorded.event.outcome).toMatchObject({ kind: 'trap', limit: 'too-many-responses' });
    expect(actor.snapshot().limits).toEqual({ ...DEFAULT_LIMITS, responsesPerCall: 0 });
  });

  it('does not call a quick call a timeout when the page was too busy to read its answer in time', async () => {
    const actor = client(300);
    expectOk(await actor.load('echo.wasm', exampleBytes('echo')));
    const { connection } = expectOk(await actor.open());
    const sent = actor.send(connection.id, textMessage('hello'));
    // Once the call is posted, the page's thread busy (drawing, say) past the call's time: the
    // watchdog's timer and the worker's answer are both waiting when it is free again.
    await new Promise((posted) => setImmediate(posted));
    const busyUntil = Date.now() + 900;
    while (Date.now() < busyUntil);
    const event = expectOk(await sent).event;
    expect(event.outcome.kind).toBe('ok');
    expect(event.responses.map((r) => r.message.text)).toEqual(['hello']);
    expect(actor.events.map((e) => e.outcome.kind)).toEqual(['ok', 'ok']);
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

  it('loads the same bytes again from the compiled modules it kept, with the same component and history, until the component cache is cleared', async () => {
    const actor = client(5000);
    const converse = async () => {
      const { connection } = expectOk(await actor.open());
      expectOk(await actor.send(connection.id, textMessage('increment')));
      return actor.events.map(({ durationMs: _took, startedAt: _at, ...event }) => event);
    };
    const first = expectOk(await actor.load('minimal.wasm', exampleBytes('minimal')));
    const history = await converse();
    const again = expectOk(await actor.load('minimal.wasm', exampleBytes('minimal')));
    // The first load comes from jco or the run's component cache (scripts/vitest-setup.ts), never from compiled modules.
    expect([first.cache.kind === 'compiled', again.cache.kind]).toEqual([false, 'compiled']);
    expect(again.info).toEqual(first.info);
    expect(await converse()).toEqual(history);
    expectOk(await actor.componentCache(true));
    expect(expectOk(await actor.load('minimal.wasm', exampleBytes('minimal'))).cache.kind).not.toBe('compiled');
  });

  it('exports a chain of the whole history from the worker', async () => {
    const actor = client(5000);
    expectOk(await actor.load('echo.wasm', exampleBytes('echo')));
    expectOk(await actor.open());
    const chain = JSON.parse(expectOk(await actor.exportChain())) as unknown[];
    expect(chain).toHaveLength(2);
  });
});

describe('rewriting history', () => {
  it('edits a past input and re-runs what followed from the state before it', async () => {
    const actor = client(5000);
    expectOk(await actor.load('counter.wasm', exampleBytes('counter')));
    const { connection } = expectOk(await actor.open());
    for (const command of ['inc 2', 'inc 3', 'get']) expectOk(await actor.send(connection.id, textMessage(command)));
    const old = actor.snapshot().events;
    const edited = old.findIndex((e) => e.input?.text === 'inc 3');
    const inputs = old.slice(edited).map((e, i) => (i === 0 ? { ...e, input: textMessage('inc 10') } : e));
    const rerun = expectOk(await actor.rewrite(edited, inputs));
    expect(rerun.map((r) => r.event.responses[0]?.message.text)).toEqual(['count: 12', 'count: 12']);
    expect(actor.events.map((e) => e.seq)).toEqual(old.map((e) => e.seq));
    // The live actor carries on from the rewritten state, on the same connection.
    const next = expectOk(await actor.send(connection.id, textMessage('inc 1'))).event;
    expect(next.responses[0]!.message.text).toBe('count: 13');
  });

  it('forks: keeps the history up to an event and continues live from its state', async () => {
    const actor = client(5000);
    expectOk(await actor.load('counter.wasm', exampleBytes('counter')));
    const { connection } = expectOk(await actor.open());
    for (const command of ['inc 2', 'inc 3']) expectOk(await actor.send(connection.id, textMessage(command)));
    expectOk(await actor.rewrite(3, []));
    expect(actor.events).toHaveLength(3);
    expect(actor.connections).toEqual([{ id: connection.id, open: true }]);
    const next = expectOk(await actor.send(connection.id, textMessage('get'))).event;
    expect(next.seq).toBe(3);
    expect(next.responses[0]!.message.text).toBe('count: 2');
  });
});

describe('the actor id a history was recorded with (an ntwk:theater actor keeps its id in its state)', () => {
  it('is fed to a replay of the live history against a rebuilt copy, and kept when that copy adopts the history', async () => {
    const { bytes } = await generationActor('ntwk-2025-04');
    const recorder = client(5000);
    const { info } = expectOk(await recorder.load('ntwk.wasm', bytes));
    const { connection } = expectOk(await recorder.open());
    expectOk(await recorder.send(connection.id, textMessage('hello')));
    // Another hash, so another id of its own; the Replay button feeds the live actor's instead.
    const rebuilt = withCustomSection(bytes);
    const replayed = expectOk(await recorder.replay('rebuilt.wasm', rebuilt));
    expect(replayed.summary).toMatchObject({ total: 3, matched: 3, diverged: 0 });

    const actor = client(5000);
    expect(expectOk(await actor.load('rebuilt.wasm', rebuilt)).info.actorId).not.toBe(info.actorId);
    expect(expectOk(await actor.adoptHistory('rebuilt.wasm', rebuilt, recorder.snapshot())).actorId).toBe(info.actorId);
    const next = expectOk(await actor.send(connection.id, textMessage('again'))).event;
    expect(next.responses.map((r) => r.message.text)).toEqual([`${info.actorId}: again`]);
    expect(expectOk(await actor.replay('rebuilt.wasm', rebuilt)).summary).toMatchObject({ total: 4, diverged: 0 });
  });
});

describe('the spare worker kept for the next load', () => {
  it('loads the next actor in a worker that never held one: nothing of the previous actor carries over', async () => {
    let started = 0;
    const idle: Array<() => void> = [];
    const actor = new ActorClient({ createWorker: () => (started++, threadWorker()), callTimeoutMs: 5000, whenIdle: (work) => idle.push(work) });
    clients.push(actor);
    const first = expectOk(await actor.load('counter.wasm', exampleBytes('counter')));
    // The spare waits for the page to be idle after the load, then starts with jco loading.
    expect([started, idle.length]).toEqual([1, 1]);
    idle.shift()!();
    expect(started).toBe(2);
    const { connection } = expectOk(await actor.open());
    const replies = [];
    for (const text of ['increment', 'increment']) replies.push(expectOk(await actor.send(connection.id, textMessage(text))).event.responses);
    expect(actor.events).toHaveLength(4);

    const second = expectOk(await actor.load('counter.wasm', exampleBytes('counter')));
    expect(started).toBe(2);
    expect(actor.events.map((e) => e.kind)).toEqual(['init']);
    expect(actor.connections).toEqual([]);
    expect(second.init!.event.stateAfter).toBe(first.init!.event.stateAfter);
    const again = expectOk(await actor.open());
    expect(again.recorded.event.stateBefore).toBe(first.init!.event.stateAfter);
    // The count starts over: the first increment answers as the first one did before.
    expect(expectOk(await actor.send(again.connection.id, textMessage('increment'))).event.responses).toEqual(replies[0]);
    // Taking the spare asked for the next one.
    expect(idle).toHaveLength(1);
  });
});
