import { describe, expect, it } from 'vitest';
import { binaryMessage, textMessage } from './messages';
import { applyDelta, deltaOf, KEYFRAME_INTERVAL, StateChainWriter, type ChainedState } from './stateDelta';
import { expectOk, startExample } from '../runtime/testing/exampleActors';

/**
 * States a real history goes through: the counter's JSON growing (`burst` appends to its history),
 * shrinking (`reset`) and changing in place, then faulty's state growing to a MiB and back. Some
 * states a recording rarely shows are added around them: empty, binary, and one repeated.
 */
async function recordedStates(): Promise<Uint8Array[]> {
  const states: Uint8Array[] = [];
  for (const [example, messages] of [
    ['counter', ['inc 2', 'burst 5', 'inc 1', 'get', 'reset', 'inc 7', 'burst 40', 'dec 3', 'reset']],
    ['faulty', ['hello', 'huge 1', 'hello', 'huge 0', 'hello']],
  ] as const) {
    const { session } = await startExample(example);
    const { connection } = expectOk(await session.open());
    for (const text of messages) expectOk(await session.send(connection.id, textMessage(text)));
    expectOk(await session.send(connection.id, binaryMessage(Uint8Array.of(0, 255))));
    // The states in the order the events made them, repeats included (a `get` leaves it as it was).
    for (const event of session.events) if (event.stateAfter) states.push(session.state(event.stateAfter)!);
  }
  const binary = Uint8Array.from({ length: 300 }, (_, i) => (i * 151) & 255);
  return [new Uint8Array(0), ...states.slice(0, 8), new Uint8Array(0), binary, binary, ...states.slice(8), new Uint8Array(0)];
}

/** Rebuilds states from what the writer stored, each from the one before, as a reader of the chain does. */
function rebuild(stored: ChainedState[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const state of stored) out.push('key' in state ? state.key : applyDelta(out.at(-1)!, state.delta)!);
  return out;
}

describe('delta-encoded states', () => {
  it('reproduce every byte of a recorded history: states that grow, shrink, empty, binary, repeated', async () => {
    const states = await recordedStates();
    const writer = new StateChainWriter();
    const stored = states.map((bytes, i) => writer.next(`s${i}`, bytes));
    const back = rebuild(stored);
    expect(back).toHaveLength(states.length);
    for (let i = 0; i < states.length; i++) expect(Buffer.compare(back[i]!, states[i]!), `state ${i}`).toBe(0);
    // Most of a small change is shared: the stored deltas are far smaller than the states.
    const deltaBytes = stored.reduce((sum, s) => sum + ('key' in s ? s.key.length : s.delta.middle.length), 0);
    expect(deltaBytes).toBeLessThan(states.reduce((sum, s) => sum + s.length, 0) / 2);
  });

  it('store a keyframe at least every KEYFRAME_INTERVAL states, each delta naming the state before it', () => {
    const writer = new StateChainWriter();
    const base = new TextEncoder().encode(JSON.stringify({ items: Array.from({ length: 50 }, (_, i) => `item ${i}`) }));
    let depth = 0;
    let previous: string | undefined;
    for (let i = 0; i < 3 * KEYFRAME_INTERVAL; i++) {
      const next = base.slice();
      next[20] = i & 255;
      const stored = writer.next(`s${i}`, next);
      if ('key' in stored) depth = 0;
      else {
        expect(stored.base).toBe(previous);
        depth++;
      }
      expect(depth).toBeLessThan(KEYFRAME_INTERVAL);
      previous = `s${i}`;
    }
  });

  it('keeps a rewritten state whole, and a delta that does not fit its base is refused', () => {
    const writer = new StateChainWriter();
    writer.next('a', Uint8Array.of(1, 2, 3, 4, 5, 6));
    expect('key' in writer.next('b', Uint8Array.of(9, 8, 7, 6, 5, 4))).toBe(true);
    const delta = deltaOf(Uint8Array.of(1, 2, 3, 4), Uint8Array.of(1, 2, 9, 4));
    expect(delta).toEqual({ prefix: 2, suffix: 1, middle: Uint8Array.of(9) });
    expect(applyDelta(Uint8Array.of(1, 2), delta)).toBeUndefined();
  });
});
