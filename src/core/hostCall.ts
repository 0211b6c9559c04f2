// HostCall in a file that imports nothing, so errors.ts can name it: hostCalls.ts imports the limits, which import errors.ts.
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
