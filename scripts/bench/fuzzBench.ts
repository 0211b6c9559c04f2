import { chainSurface, componentSurface, sessionSurface, type FuzzSurface } from '../../src/testing/fuzz/fuzzSurfaces';
import { runFuzz, type FuzzReport } from '../../src/testing/fuzz/runFuzz';
import { round } from './stats';

/**
 * `npm run bench -- fuzz [--fuzz-runs=N] [--fuzz-seed=S]`: the fuzzer of `npm test`
 * (src/testing/fuzz/) for N cases a surface (10,000 unless asked) from seed S (a new one each run
 * unless asked, printed first so a hang can be replayed). Per surface: cases run, cases per
 * second, and the first failure with its seed and path; `npx vitest` cannot replay those, this
 * can: `--fuzz-seed=<seed> --fuzz-path=<path> --fuzz-runs=1`.
 */
export async function measureFuzz({ runs, seed, path }: { runs: number; seed: number; path?: string }): Promise<Record<string, Omit<FuzzReport, 'surface'>>> {
  console.log(`  seed ${seed}, ${runs} cases a surface${path ? `, path ${path}` : ''}`);
  const results: Record<string, Omit<FuzzReport, 'surface'>> = {};
  const record = async <T>(surface: FuzzSurface<T>) => {
    const { surface: name, cases, seconds, rate, failure } = await runFuzz(surface, { seed, runs, path });
    results[name] = { cases, seconds: round(seconds, 1), rate: round(rate, 1), ...(failure && { failure }) };
    if (failure) console.log(`  ✖ ${name}: ${failure.input}: ${failure.reason}\n    replay: npm run bench -- fuzz --fuzz-seed=${failure.seed} --fuzz-path=${failure.path} --fuzz-runs=1`);
  };
  await record(componentSurface());
  await record(await sessionSurface());
  await record(chainSurface());
  return results;
}
