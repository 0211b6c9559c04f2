import { describeThrown } from '../core/errors';
import { inspect } from './inspect';
import { warmJco } from './jco/tools';
import { LoadedComponent } from './loader';

/**
 * A component to run jco on once, where the worker finds one: `bytes` is undefined when there is
 * none, or when there is no need (jco already ran in this browser); `warmed` is told once it ran.
 */
export interface WarmSample {
  bytes(): Promise<Uint8Array | undefined>;
  warmed(): Promise<void>;
}

/** Transpiles of the sample at most (about 0.5 s of jco's work for `minimal`): after them an unseen echo transpiled in 0.2-0.4 s instead of 1.4-1.6 s. */
const WARM_ROUNDS = 20;

/**
 * Readies jco for the next load: loads both tools, then, given a `sample` component (a tiny one),
 * inspects and transpiles it over and over (WARM_ROUNDS times) and throws the results away.
 * Loading alone is not enough: V8 runs jco's 6 MB of wasm unoptimised at first and optimises its
 * hot code only once it has run for a while; a page whose default actor came prebuilt has never
 * run jco, so the first component it had never seen paid for that (transpiling echo took 1.4-1.6 s
 * instead of 0.2-0.4 s in Chromium). Small rounds, because a load that comes meanwhile
 * (`stopped` turns true) must not wait behind a long one: the rounds stop there. Never fails: a
 * sample that cannot be had or transpiled leaves the load to do what it would anyway.
 */
export async function warmUp(sample: WarmSample | undefined, stopped: () => boolean = () => false): Promise<void> {
  warmJco();
  const bytes = await sample?.bytes().catch(() => undefined);
  if (!sample || !bytes) return;
  try {
    const info = await inspect(bytes);
    if (!info.ok) return;
    for (let round = 0; round < WARM_ROUNDS; round++) {
      if (stopped()) return;
      if (!(await LoadedComponent.transpile(bytes, info.value, 'the warm-up sample')).ok) return;
      // A task boundary, so a load that arrived during this round is seen before the next one.
      await new Promise((resolve) => setTimeout(resolve));
    }
    await sample.warmed();
  } catch (thrown) {
    // Only a bug of ours (or a store refusing the mark) would throw here; a warm-up is no place to report it.
    console.warn(`jco warm-up: ${describeThrown(thrown)}`);
  }
}
