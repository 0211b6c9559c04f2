import { describe, expect, it } from 'vitest';
import { fractionDone, phasesOf, type LoadProgress } from './loadProgress';

const progress = (change: Partial<LoadProgress>): LoadProgress => ({ id: 1, name: 'a', source: 'a.wasm', size: 10, done: [], outcome: 'running', totalMs: null, info: null, ...change });
const states = (p: LoadProgress) => phasesOf(p).map((phase) => `${phase.phase}:${phase.state}`);

describe('the stages of a load', () => {
  it('runs the first unfinished stage and waits on the rest', () => {
    const p = progress({ done: [{ phase: 'reading', ms: 3 }] });
    expect(states(p)).toEqual(['reading:done', 'inspecting:running', 'transpiling:pending', 'compiling:pending', 'instantiating:pending', 'init:pending']);
    expect(fractionDone(p)).toBeCloseTo(1 / 6);
  });

  it('marks where a failed load stopped', () => {
    expect(states(progress({ outcome: 'failed', done: [{ phase: 'reading', ms: 3 }] }))[1]).toBe('inspecting:failed');
  });

  it('marks init as not run when the actor has none', () => {
    const done = (['reading', 'inspecting', 'transpiling', 'compiling', 'instantiating'] as const).map((phase) => ({ phase, ms: 1 }));
    const p = progress({ outcome: 'loaded', done });
    expect(states(p).at(-1)).toBe('init:skipped');
    expect(fractionDone(p)).toBe(1);
  });

  it('marks the stages whose result was reused (no time reported) apart from those that ran', () => {
    const p = progress({ cache: { kind: 'hit' }, done: [{ phase: 'reading', ms: 3 }, { phase: 'inspecting', ms: null }, { phase: 'transpiling', ms: null }] });
    expect(states(p).slice(0, 4)).toEqual(['reading:done', 'inspecting:reused', 'transpiling:reused', 'compiling:running']);
    expect(fractionDone(p)).toBeCloseTo(3 / 6);
  });
});
