import { utf8ByteLength } from './bytes';
import { providerOf } from './interfaceNames';
import { checkLimit, DEFAULT_LIMITS, type LimitError, type Limits } from './limits';
import type { HostCall } from './hostCall';

export type { HostCall } from './hostCall';

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
