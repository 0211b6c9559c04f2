import { describe, expect, it } from 'vitest';
import { ActorSession } from '../../runtime/session';
import { exampleBytes, expectOk, startExample } from '../../runtime/testing/exampleActors';
import type { SessionSnapshot } from '../actorSnapshot';
import { connectionsAfter } from '../connections';
import type { ActorEvent } from '../events';
import { textMessage } from '../messages';
import { findBranch, planEdit, planFork, reduceBranches, rewriteReportOf, type Branch, type EditPlan } from './timeTravel';

/** A real counter history: init (#0), the connection opening (#1), then one event per command. */
async function counterHistory(commands: string[]): Promise<{ session: ActorSession; connectionId: number }> {
  const { session } = await startExample('counter');
  const { connection } = expectOk(await session.open());
  for (const command of commands) expectOk(await session.send(connection.id, textMessage(command)));
  return { session, connectionId: connection.id };
}

/** Runs a plan as the client does: keep the first `from` events, re-run the inputs in a fresh session. */
async function runPlan(history: SessionSnapshot, plan: EditPlan): Promise<ActorSession> {
  const kept = history.events.slice(0, plan.from);
  const session = expectOk(await ActorSession.restore(exampleBytes('counter'), { ...history, events: kept, connections: connectionsAfter(kept) }, { name: 'counter.wasm' }));
  for (const input of plan.inputs) await session.rerun(input);
  return session;
}

const inputsOf = (events: readonly ActorEvent[]) => events.map((e) => e.input?.text ?? e.kind);
const answersOf = (session: ActorSession) => session.events.flatMap((e) => e.responses.map((r) => r.message.text));

describe('planEdit', () => {
  it('edits an input in the middle and re-runs what followed from the state before it', async () => {
    const { session } = await counterHistory(['inc 2', 'inc 3', 'get']);
    const plan = expectOk(planEdit(session.events, { kind: 'edit', seq: 3, input: textMessage('inc 10') }));
    expect(plan).toMatchObject({ from: 3, label: 'before edit at #3' });
    expect(inputsOf(plan.inputs)).toEqual(['inc 10', 'get']);
    // The edited input's recorded host calls belonged to the old input: none are fed to its re-run.
    expect(plan.inputs[0]!.hostCalls).toEqual([]);
    const rerun = await runPlan(session.snapshot(), plan);
    expect(answersOf(rerun).at(-1)).toBe('count: 12');
  });

  it('edits the first event after init and the last event', async () => {
    const { session } = await counterHistory(['inc 2', 'inc 3']);
    const first = expectOk(planEdit(session.events, { kind: 'edit', seq: 2, input: textMessage('inc 5') }));
    expect(first.from).toBe(2);
    expect(answersOf(await runPlan(session.snapshot(), first)).at(-1)).toBe('count: 8');
    const last = expectOk(planEdit(session.events, { kind: 'edit', seq: 3, input: textMessage('get') }));
    expect(last.from).toBe(3);
    expect(inputsOf(last.inputs)).toEqual(['get']);
    expect(answersOf(await runPlan(session.snapshot(), last)).at(-1)).toBe('count: 2');
  });

  it('deletes an event at the start, in the middle and at the end', async () => {
    const { session } = await counterHistory(['inc 1', 'inc 10', 'inc 100']);
    const events = session.events;
    expect(inputsOf(expectOk(planEdit(events, { kind: 'delete', seq: 2 })).inputs)).toEqual(['inc 10', 'inc 100']);
    const middle = expectOk(planEdit(events, { kind: 'delete', seq: 3 }));
    expect(middle).toMatchObject({ from: 3, label: 'before delete at #3' });
    expect(answersOf(await runPlan(session.snapshot(), middle)).at(-1)).toBe('count: 101');
    const end = expectOk(planEdit(events, { kind: 'delete', seq: 4 }));
    expect(end).toMatchObject({ from: 4, inputs: [] });
  });

  it('inserts after an event: the new input runs first, on the connection given, then the rest', async () => {
    const { session, connectionId } = await counterHistory(['inc 2', 'get']);
    const plan = expectOk(planEdit(session.events, { kind: 'insert-after', seq: 2, connectionId, input: textMessage('inc 40') }));
    expect(plan.from).toBe(3);
    expect(plan.inputs[0]).toMatchObject({ kind: 'message', connectionId, hostCalls: [] });
    expect(inputsOf(plan.inputs)).toEqual(['inc 40', 'get']);
    expect(answersOf(await runPlan(session.snapshot(), plan)).slice(-2)).toEqual(['count: 42', 'count: 42']);
    // After the last event: the inserted input is all there is to run.
    expect(inputsOf(expectOk(planEdit(session.events, { kind: 'insert-after', seq: 3, connectionId, input: textMessage('inc 1') })).inputs)).toEqual(['inc 1']);
  });

  it('moves an event past the next one', async () => {
    const { session } = await counterHistory(['get', 'inc 7', 'inc 1']);
    const plan = expectOk(planEdit(session.events, { kind: 'move-later', seq: 2 }));
    expect(plan).toMatchObject({ from: 2, label: 'before move-later at #2' });
    expect(inputsOf(plan.inputs)).toEqual(['inc 7', 'get', 'inc 1']);
    expect(answersOf(await runPlan(session.snapshot(), plan))).toContain('count: 7');
  });

  it('answers positions that name no event, and a move past the end, with no-such-event', async () => {
    const { session } = await counterHistory(['inc 1']);
    const events = session.events;
    for (const seq of [-1, 3, 1.5, Number.NaN]) {
      const planned = planEdit(events, { kind: 'delete', seq });
      expect(planned).toMatchObject({ ok: false, error: { code: 'no-such-event', message: expect.stringContaining('#0 to #2') } });
    }
    expect(planEdit([], { kind: 'delete', seq: 0 })).toMatchObject({ ok: false, error: { code: 'no-such-event', message: expect.stringContaining('empty') } });
    expect(planEdit(events, { kind: 'move-later', seq: 2 })).toMatchObject({ ok: false, error: { code: 'no-such-event', message: expect.stringContaining('last one') } });
  });
});

describe('planFork', () => {
  it('keeps the events up to the fork and re-runs nothing, at the start and in the middle', async () => {
    const { session } = await counterHistory(['inc 2', 'inc 3']);
    expect(expectOk(planFork(session.events, 0))).toEqual({ from: 1, inputs: [], label: 'before fork at #0' });
    const middle = expectOk(planFork(session.events, 2));
    expect(middle).toEqual({ from: 3, inputs: [], label: 'before fork at #2' });
    const forked = await runPlan(session.snapshot(), middle);
    expect(forked.events).toHaveLength(3);
    const { connection } = expectOk(await forked.open());
    expectOk(await forked.send(connection.id, textMessage('get')));
    expect(answersOf(forked).at(-1)).toBe('count: 2');
  });

  it('refuses the last event (nothing follows it) and positions that name no event', async () => {
    const { session } = await counterHistory(['inc 2']);
    expect(planFork(session.events, 2)).toMatchObject({ ok: false, error: { code: 'no-such-event', message: expect.stringContaining('last one') } });
    expect(planFork(session.events, 7)).toMatchObject({ ok: false, error: { code: 'no-such-event' } });
  });
});

describe('branches', () => {
  it('keeps histories numbered after the highest kept, and swaps one back in losing nothing', async () => {
    const { session, connectionId } = await counterHistory(['inc 2', 'inc 3']);
    const before = session.snapshot();
    // A saved session restored with branches 4 and 2: the next one is 5, whatever the order.
    const restored: Branch[] = [
      { id: 4, label: 'before fork at #1', snapshot: before },
      { id: 2, label: 'before edit at #2', snapshot: before },
    ];
    const kept = expectOk(reduceBranches(restored, { kind: 'keep', label: 'before delete at #3', snapshot: before }));
    expect(kept.map((b) => b.id)).toEqual([4, 2, 5]);
    expect(restored).toHaveLength(2);
    expect(expectOk(reduceBranches([], { kind: 'keep', label: 'first', snapshot: before }))[0]!.id).toBe(1);

    // Live history moves on; switching to branch 5 keeps the live one in its place.
    expectOk(await session.send(connectionId, textMessage('inc 100')));
    const live = session.snapshot();
    expect(expectOk(findBranch(kept, 5)).snapshot.events).toHaveLength(4);
    const swapped = expectOk(reduceBranches(kept, { kind: 'swap', id: 5, current: live }));
    expect(swapped.map((b) => b.id)).toEqual([4, 2, 5]);
    expect(swapped[2]).toEqual({ id: 5, label: 'switched away at 5 events', snapshot: live });
    expect(swapped.slice(0, 2)).toEqual(kept.slice(0, 2));
    // Switching back restores the history left behind, events and all.
    expect(expectOk(reduceBranches(swapped, { kind: 'swap', id: 5, current: before }))[2]!.snapshot).toBe(before);
  });

  it('answers a branch that is not kept with no-such-branch and changes nothing', async () => {
    const { session } = await counterHistory([]);
    const branches: Branch[] = [{ id: 1, label: 'before fork at #0', snapshot: session.snapshot() }];
    expect(findBranch(branches, 2)).toMatchObject({ ok: false, error: { code: 'no-such-branch', message: expect.stringContaining('no branch 2') } });
    expect(reduceBranches(branches, { kind: 'swap', id: 9, current: session.snapshot() })).toMatchObject({ ok: false, error: { code: 'no-such-branch' } });
    expect(branches).toHaveLength(1);
  });
});

describe('rewriteReportOf', () => {
  it('compares each re-run event with the one it replaced, and names new events', async () => {
    const { session, connectionId } = await counterHistory(['inc 2', 'get']);
    const old = session.events.slice();
    const plan = expectOk(planEdit(old, { kind: 'insert-after', seq: 2, connectionId, input: textMessage('inc 1') }));
    const rerun = await runPlan(session.snapshot(), plan);
    const report = rewriteReportOf(old, plan.from, rerun.events.slice(plan.from));
    expect(report.from).toBe(3);
    expect(report.changes.map((c) => c.seq)).toEqual([3, 4]);
    // #3 was `get` and is now `inc 1`; #4 is new.
    expect(report.changes[0]!.differences.length).toBeGreaterThan(0);
    expect(report.changes[1]!.differences).toEqual([{ aspect: 'outcome', recorded: 'no event', replayed: 'new event' }]);
  });
});
