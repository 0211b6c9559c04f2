/**
 * The WASI functions the playground answers itself and records as host calls, as Theater's
 * handlers record them (crates/deprecated/theater-handler-random and -timing: the interface as
 * the actor imports it, versioned, e.g. `wasi:random/random@0.2.3` and `get-random-bytes`, with
 * the length in and the bytes out). A replay answers them from the recording. Every other WASI
 * function (streams, files, polls, the monotonic clock's `subscribe-*`) stays the sandboxed shim's,
 * unrecorded: it gives the actor nothing from outside (no preopens, no network).
 */
import type { FunctionDecl, InterfaceTypes } from '../dtsTypes';
import { wasiSourceText } from '../../core/wasiSettings';
import { fromRecorded, toRecorded } from '../recordedValues';
import type { HostFunction, StubEnvironment } from '../stubCalls';
import type { WasiSources } from './wasiSources';

type Answer = (sources: WasiSources, args: readonly unknown[]) => unknown;

/** The most bytes one `get-random-bytes` may ask for: more is an actor's bug, and would take the worker's memory. */
export const MAX_RANDOM_BYTES = 1 << 24;

const randomBytes: Answer = (sources, [length]) => {
  const n = Number(length);
  if (!(n >= 0 && n <= MAX_RANDOM_BYTES)) throw new Error(`the actor asked WASI for ${String(length)} random bytes; the playground gives at most ${MAX_RANDOM_BYTES} a call`);
  return sources.bytes(n);
};

/** What each recorded function answers, by unversioned interface and WIT function name. */
const RECORDED: Record<string, Record<string, Answer>> = {
  'wasi:clocks/wall-clock': { now: (s) => s.wallNow(), resolution: (s) => s.wallResolution() },
  'wasi:clocks/monotonic-clock': { now: (s) => s.monotonicNow(), resolution: (s) => s.monotonicResolution() },
  'wasi:random/random': { 'get-random-bytes': randomBytes, 'get-random-u64': (s) => s.u64() },
  'wasi:random/insecure': { 'get-insecure-random-bytes': randomBytes, 'get-insecure-random-u64': (s) => s.u64() },
  'wasi:random/insecure-seed': { 'insecure-seed': (s) => [s.u64(), s.u64()] },
  // Never the real ones, whatever the settings: no variables, the one argument `actor`, no working directory.
  'wasi:cli/environment': { 'get-environment': () => [], 'get-arguments': () => ['actor'], 'initial-cwd': () => undefined },
};

/** What the import list says of a recorded function under these sources. */
export function recordedDetail(iface: string, fn: string, sources: WasiSources): string | undefined {
  if (!RECORDED[iface]?.[fn]) return undefined;
  if (iface === 'wasi:cli/environment') return 'recorded: no environment variables, arguments ["actor"], no working directory';
  return `recorded WASI (${wasiSourceText(sources.source)})`;
}

/**
 * The recorded functions of one WASI interface, by jco's names, to lay over the shim's object.
 * `iface` is unversioned (jco's key), `imported` the name as the actor imports it (recorded).
 */
export function recordedWasi(iface: string, imported: string, declared: InterfaceTypes, env: StubEnvironment, sources: WasiSources): Record<string, HostFunction> {
  const answers = RECORDED[iface] ?? {};
  const functions: Record<string, HostFunction> = {};
  for (const decl of declared.functions) {
    const answer = answers[decl.witName];
    if (answer) functions[decl.name] = recorded(imported, decl, answer, env, sources);
  }
  return functions;
}

function recorded(imported: string, decl: FunctionDecl, answer: Answer, { recorder, context }: StubEnvironment, sources: WasiSources): HostFunction {
  return (...args) => {
    // A replay hands back what the recording saw; a call the recording lacks gets a live answer.
    const scripted = recorder.scripted(imported, decl.witName);
    const value = scripted ? fromRecorded(scripted.result, decl.result, context) : answer(sources, args);
    recorder.record({ interface: imported, function: decl.witName, args: args.map(toRecorded), result: toRecorded(value), stubbed: false, wasi: sources.source });
    return value;
  };
}
