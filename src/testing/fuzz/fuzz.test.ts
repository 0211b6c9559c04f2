import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { engineError } from '../../core/errors';
import { chainSurface, componentSurface, sessionSurface } from './fuzzSurfaces';
import { runFuzz } from './runFuzz';

/**
 * A fixed seed and a small count per surface in `npm test` (a few seconds in all); `npm run bench
 * -- fuzz --fuzz-runs=N --fuzz-seed=S` runs as many as asked. A failure prints its seed and path.
 */
const SEED = 14;

describe('the seeded fuzzer: every mutated input ends in a value, in time, with nothing thrown', () => {
  it('components (the minimal example, mutated, started and sent a message)', async () => {
    expect((await runFuzz(componentSurface(), { seed: SEED, runs: 100 })).failure).toBeUndefined();
  });

  it('session files (the counter, mutated as JSON, text and gzip, read for import)', async () => {
    expect((await runFuzz(await sessionSurface(), { seed: SEED, runs: 600 })).failure).toBeUndefined();
  });

  it("chains (Theater's fixtures, mutated and hashed again, or mutated as text)", async () => {
    expect((await runFuzz(chainSurface(), { seed: SEED, runs: 1000 })).failure).toBeUndefined();
  });
});

describe('the fuzzer itself', () => {
  it('reports a case that throws, hangs or answers with no specific error as a failure, with the seed and path that replay it', async () => {
    const faults = ['throws', 'hangs', 'internal', 'rejects later', 'fine'] as const;
    const surface = (fault: (typeof faults)[number]) => ({
      name: fault,
      cases: fc.nat({ max: 9 }).map((n) => ({ what: `case ${n}`, value: n })),
      async run(n: number) {
        if (n < 7 || fault === 'fine') return engineError('invalid-session', 'A specific message that says what to do.');
        if (fault === 'throws') throw new Error('a bug');
        if (fault === 'hangs') return new Promise<never>(() => {});
        if (fault === 'rejects later') void Promise.reject(new Error('stray'));
        return engineError('internal-error', 'oops');
      },
    });
    for (const fault of faults) {
      const report = await runFuzz(surface(fault), { seed: SEED, runs: 50, boundMs: 200 });
      if (fault === 'fine') {
        expect(report.failure).toBeUndefined();
        continue;
      }
      expect(report.failure, fault).toMatchObject({ seed: SEED, input: expect.stringMatching(/^case [7-9]$/) });
      expect(report.failure?.reason, fault).toMatch({ throws: /a bug/, hangs: /a hang/, internal: /internal error/, 'rejects later': /unhandled rejection/ }[fault]);
      // The seed and path replay that one case first.
      const again = await runFuzz(surface(fault), { seed: SEED, runs: 1, boundMs: 200, path: report.failure!.path });
      expect(again.failure?.input, fault).toBe(report.failure!.input);
    }
  });
});
