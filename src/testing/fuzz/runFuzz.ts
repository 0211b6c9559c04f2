import fc from 'fast-check';
import { ENGINE_ERROR_CODES, type EngineError } from '../../core/errors';
import type { Result } from '../../core/result';
import type { FuzzSurface } from './fuzzSurfaces';

/** What a run of one surface did: how many cases, how fast, and the first failure with how to replay it. */
export interface FuzzReport {
  surface: string;
  cases: number;
  seconds: number;
  /** Cases per second. */
  rate: number;
  /** The failing case, shrunk: what it was, why it failed, and the seed and path that replay it. */
  failure?: { seed: number; path: string; input: string; reason: string };
}

/** What a person should see of an answer: a specific, stable error code and a message. */
function judge(result: Result<unknown, EngineError>): string | undefined {
  if (result.ok) return undefined;
  const { code, message } = result.error;
  if (!(ENGINE_ERROR_CODES as readonly string[]).includes(code)) return `unknown error code ${code}`;
  if (code === 'internal-error') return `an internal error (a bug): ${message}`;
  if (message.trim().length < 20) return `a message that says nothing: ${JSON.stringify(message)}`;
  return undefined;
}

/**
 * Feeds `runs` cases of `surface` from `seed`. A case fails when it throws, when its answer does
 * not come within `boundMs` (a hang), when it leaves an unhandled rejection or uncaught
 * exception behind, or when its error is no specific value (`judge`). Replay a failure with the
 * same seed and its `path` (fast-check's `seed`/`path` parameters).
 */
export async function runFuzz<T>(surface: FuzzSurface<T>, { seed, runs, boundMs = 30_000, path }: { seed: number; runs: number; boundMs?: number; path?: string }): Promise<FuzzReport> {
  const stray: unknown[] = [];
  const onStray = (thrown: unknown) => stray.push(thrown);
  process.on('unhandledRejection', onStray);
  process.on('uncaughtException', onStray);
  const started = performance.now();
  try {
    const details = await fc.check(
      fc.asyncProperty(surface.cases, async ({ value }) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${boundMs} ms: a hang`)), boundMs)));
        try {
          const verdict = judge(await Promise.race([surface.run(value), hang]));
          // Give a stray rejection of this case the turn it needs to surface before the next case.
          await new Promise((resolve) => setImmediate(resolve));
          if (stray.length > 0) throw new Error(`an unhandled rejection or uncaught exception: ${String(stray.splice(0)[0])}`);
          if (verdict) throw new Error(verdict);
        } finally {
          clearTimeout(timer);
        }
      }),
      { seed, numRuns: runs, path, endOnFailure: false },
    );
    const seconds = (performance.now() - started) / 1000;
    const report: FuzzReport = { surface: surface.name, cases: details.numRuns, seconds, rate: details.numRuns / seconds };
    if (details.failed) {
      const [input] = (details.counterexample ?? [{ what: '?' }]) as Array<{ what: string }>;
      const reason = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      report.failure = { seed: details.seed, path: details.counterexamplePath ?? '', input: input?.what ?? '?', reason };
    }
    return report;
  } finally {
    process.off('unhandledRejection', onStray);
    process.off('uncaughtException', onStray);
  }
}
