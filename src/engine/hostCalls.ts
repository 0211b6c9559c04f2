/** One call the actor made to its host, as recorded on the event that was running. */
export interface HostCall {
  /** Unversioned interface name, e.g. `theater:simple/runtime`. */
  interface: string;
  function: string;
  args: unknown[];
  /** What the host returned (undefined for functions without a result). */
  result: unknown;
  /** True when the playground does not implement the import and a default was returned. */
  stubbed: boolean;
}

/** What the host saw during one call into the actor. */
export interface CallTrace {
  hostCalls: HostCall[];
  /** Set when the actor called `runtime.shutdown`: the actor stops after this call. */
  shutdown?: { data: Uint8Array | undefined };
}

/**
 * Where host functions record what they are asked. The engine opens a trace before each call
 * into the actor and closes it after; a call outside any trace (during instantiation, say) goes
 * to a trace of its own that the next event picks up, so nothing is lost.
 */
export class CallRecorder {
  #trace: CallTrace = { hostCalls: [] };

  record(call: HostCall): void {
    this.#trace.hostCalls.push(call);
  }

  requestShutdown(data: Uint8Array | undefined): void {
    this.#trace.shutdown = { data };
  }

  /** Returns everything recorded since the last take, and starts afresh. */
  take(): CallTrace {
    const trace = this.#trace;
    this.#trace = { hostCalls: [] };
    return trace;
  }
}

export const LOG = { interface: 'theater:simple/runtime', function: 'log' } as const;

/** The log lines of a trace, in order (logs are host calls to `runtime.log`). */
export const logsOf = (calls: readonly HostCall[]): string[] =>
  calls.filter((c) => c.interface === LOG.interface && c.function === LOG.function).map((c) => String(c.args[0]));
