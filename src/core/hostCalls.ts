import { utf8ByteLength } from './bytes';
import { providerOf } from './interfaceNames';
import { checkLimit, DEFAULT_LIMITS, type LimitError, type Limits } from './limits';

/** One call the actor made to its host, as recorded on the event that was running. */
export interface HostCall {
  /**
   * Unversioned interface name, e.g. `theater:simple/runtime` (`world` for a bare function import);
   * a recorded WASI call's carries the version the actor imports, as Theater's chains write it
   * (`wasi:random/random@0.2.3`).
   */
  interface: string;
  /**
   * As Theater's chains name it: `log`, `get-chain`, and for resources `[constructor]expat`,
   * `[method]expat.parse`, `[static]expat.name`, `[resource-drop]expat` (WIT's kebab-case names).
   */
  function: string;
  /**
   * The WIT arguments in order, a method's `self` first, as recorded (see recordedValues.ts):
   * u64s as numbers, a resource as its handle number.
   */
  args: unknown[];
  /** What the host returned, recorded the same way (undefined for functions without a result). */
  result: unknown;
  /** True when the playground does not implement the import and a default was returned. */
  stubbed: boolean;
  /**
   * Set on a call read from a Theater chain: its input and output exactly as the chain holds them,
   * each one JSON value's compact text (serde's JSON, `null` for none or no arguments, or a Pack
   * tagged value such as `{"U64":1}`; integers past 2^53 digit for digit). `args` and `result` are
   * read from them, for replays; a display shows these (hostCallText.ts).
   */
  written?: { input: string; output: string };
  /**
   * Set on a WASI call the playground answered itself (runtime/wasi/): the seed of the
   * deterministic clock and random that answered, or `real` when the real ones were granted
   * (core/wasiSettings.ts). Not compared by a replay: the recorded result is what counts.
   */
  wasi?: number | 'real';
}

/** What the host saw during one call into the actor. */
export interface CallTrace {
  hostCalls: HostCall[];
  /** Set when the actor called `runtime.shutdown`: the actor stops after this call. */
  shutdown?: { data: Uint8Array | undefined };
  /** Set when a host call went past one of `CallLimits`: the call was stopped there, and fails with this. */
  limit?: LimitError;
}

/** What one call's host calls may add up to (core/limits.ts). */
export type CallLimits = Pick<Limits, 'hostCallsPerCall' | 'logLinesPerCall' | 'logBytesPerCall'>;

/**
 * Thrown from a host import past a limit: it unwinds through the guest, which cannot go on (the
 * engine replaces the instance), and the trace's `limit` says why the call failed.
 */
export class LimitExceeded extends Error {
  constructor(readonly error: LimitError) {
    super(error.message);
  }
}

/**
 * Where host functions record what they are asked. The engine opens a trace before each call
 * into the actor and closes it after; a call outside any trace (during instantiation, say) goes
 * to a trace of its own that the next event picks up, so nothing is lost.
 */
export class CallRecorder {
  #trace: CallTrace = { hostCalls: [] };
  #script: HostCall[] = [];
  #limits: CallLimits = DEFAULT_LIMITS;
  /** The log lines and their UTF-8 bytes so far in this trace. */
  #logLines = 0;
  #logBytes = 0;

  /** The limits from the next call on (the session's). */
  limit(limits: CallLimits): void {
    this.#limits = limits;
  }

  /**
   * During a replay, the host results recorded for the event being re-run: stubs answer from
   * these (in order, per function) instead of their defaults, so a replay sees what the
   * recording saw and any difference comes from the component.
   */
  script(calls: readonly HostCall[]): void {
    this.#script = [...calls];
  }

  /** The recorded result for the next call to `iface.fn`, when the replay script has one. */
  scripted(iface: string, fn: string): { result: unknown } | undefined {
    const index = this.#script.findIndex((call) => call.interface === iface && call.function === fn);
    if (index < 0) return undefined;
    const [call] = this.#script.splice(index, 1);
    return { result: call!.result };
  }

  /** What the call under way has recorded so far (Theater's `get-chain` sees these entries). */
  current(): readonly HostCall[] {
    return this.#trace.hostCalls;
  }

  /** Records `call`, or throws `LimitExceeded` when it goes past a limit (and every call after it in this trace). */
  record(call: HostCall): void {
    const trace = this.#trace;
    trace.limit ??= this.#pastLimit(call, trace);
    if (trace.limit) throw new LimitExceeded(trace.limit);
    trace.hostCalls.push(call);
  }

  #pastLimit(call: HostCall, trace: CallTrace): LimitError | undefined {
    const calls = checkLimit('hostCallsPerCall', trace.hostCalls.length + 1, this.#limits);
    if (!calls.ok) return calls.error;
    if (!isLogCall(call)) return undefined;
    const lines = checkLimit('logLinesPerCall', ++this.#logLines, this.#limits);
    if (!lines.ok) return lines.error;
    this.#logBytes += utf8ByteLength(String(call.args[0]));
    const bytes = checkLimit('logBytesPerCall', this.#logBytes, this.#limits);
    return bytes.ok ? undefined : bytes.error;
  }

  requestShutdown(data: Uint8Array | undefined): void {
    this.#trace.shutdown = { data };
  }

  /** Returns everything recorded since the last take, and starts afresh. */
  take(): CallTrace {
    const trace = this.#trace;
    this.#trace = { hostCalls: [] };
    this.#script = [];
    this.#logLines = 0;
    this.#logBytes = 0;
    return trace;
  }
}

/** Whether a host call is a log line: `log` on Theater's runtime, under any package name Theater used. */
export const isLogCall = (call: HostCall): boolean => call.function === 'log' && providerOf(call.interface) === 'theater';

/** The log lines of a trace, in order (logs are host calls to `runtime.log`). */
export const logsOf = (calls: readonly HostCall[]): string[] => calls.filter(isLogCall).map((c) => String(c.args[0]));
