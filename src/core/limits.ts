import { engineError, type EngineError, type LimitErrorCode } from './errors';
import { fail, ok, type Result } from './result';

/**
 * What the simulated server allows one actor, a Theater host's limits made explicit (issue 14).
 * Units are in the names: bytes, counts per call, milliseconds. Set in the page's `Server
 * settings → Limits`, on the command line as the `flag` of each in `LIMITS`, and kept with a
 * session's server settings.
 */
export interface Limits {
  /** The component file's size, checked before anything transpiles it. */
  componentBytes: number;
  /** The state a call commits. */
  stateBytes: number;
  /** Responses one call may send. */
  responsesPerCall: number;
  /** One response's payload: its text's UTF-8 bytes or its data's bytes. */
  responseBytes: number;
  /** Log lines (`runtime.log`) one call may write. */
  logLinesPerCall: number;
  /** The UTF-8 bytes of one call's log lines together. */
  logBytesPerCall: number;
  /** Calls to the host (logs, stubs, WASI's recorded calls) one call may make. */
  hostCallsPerCall: number;
  /** How long one call may run before its worker is stopped (the client's watchdog). */
  callTimeMs: number;
  /** The actor instance's linear memories together, measured after each call. */
  memoryBytes: number;
}
export type LimitKey = keyof Limits;

const MiB = 1024 * 1024;

/**
 * Each limit: its default (generous enough for every example, fixture and test actor: the
 * largest real component is a 12.5 MB SpiderMonkey one), the smallest value that makes sense,
 * its code when a call goes past it, what it is called in the page and messages, its
 * command-line flag (`npm run replay`), its unit and what it counts.
 */
export const LIMITS = {
  componentBytes: { fallback: 64 * MiB, min: 1, code: 'component-too-large', label: 'Component size', flag: 'max-component-bytes', unit: 'bytes', what: 'bytes a component file may have' },
  stateBytes: { fallback: 64 * MiB, min: 0, code: 'state-too-large', label: 'State size', flag: 'max-state-bytes', unit: 'bytes', what: 'bytes a committed state may have' },
  responsesPerCall: { fallback: 10_000, min: 0, code: 'too-many-responses', label: 'Responses per call', flag: 'max-responses', unit: 'responses', what: 'responses one call may send' },
  responseBytes: { fallback: 16 * MiB, min: 0, code: 'response-too-large', label: 'Bytes per response', flag: 'max-response-bytes', unit: 'bytes', what: 'bytes one response may carry' },
  logLinesPerCall: { fallback: 10_000, min: 0, code: 'too-many-log-lines', label: 'Log lines per call', flag: 'max-log-lines', unit: 'lines', what: 'log lines one call may write' },
  logBytesPerCall: { fallback: MiB, min: 0, code: 'log-too-large', label: 'Log bytes per call', flag: 'max-log-bytes', unit: 'bytes', what: 'bytes of log one call may write' },
  hostCallsPerCall: { fallback: 100_000, min: 0, code: 'too-many-host-calls', label: 'Host calls per call', flag: 'max-host-calls', unit: 'host calls', what: 'host calls one call may make' },
  callTimeMs: { fallback: 5000, min: 1, code: 'timeout', label: 'Call time', flag: 'timeout', unit: 'ms', what: 'milliseconds a call may run before it is stopped' },
  memoryBytes: { fallback: 1024 * MiB, min: 1, code: 'memory-too-large', label: 'Actor memory', flag: 'max-memory-bytes', unit: 'bytes', what: 'bytes of linear memory the actor may hold after a call' },
} as const satisfies Record<LimitKey, { fallback: number; min: number; code: LimitErrorCode; label: string; flag: string; unit: string; what: string }>;

/** The limits in the order the page and `--help` list them. */
export const LIMIT_KEYS = Object.keys(LIMITS) as LimitKey[];

/** The defaults: every example, fixture and test actor runs under them. */
export const DEFAULT_LIMITS: Limits = Object.fromEntries(LIMIT_KEYS.map((key) => [key, LIMITS[key].fallback])) as unknown as Limits;

/** The loosest setting (every check still runs, none can fail): the bench's baseline. */
export const LOOSEST_LIMITS: Limits = Object.fromEntries(LIMIT_KEYS.map((key) => [key, Number.MAX_SAFE_INTEGER])) as unknown as Limits;

/** Whether `value` can be the limit `key`: a whole number, its minimum or more. */
export const isLimitValue = (key: LimitKey, value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= LIMITS[key].min;

/**
 * What a whole-number setting takes, in the words the page's `Limits` and the command line's
 * numeric flags both say it: `a whole number of 0 or more`.
 */
export const wholeNumberFrom = (min: number): string => `a whole number of ${min} or more`;

/**
 * A whole number of `min` or more written as digits, as a person types it in the page or gives it
 * to a flag; undefined for anything else (`1.5`, `-5`, `1e3`, nothing, past 2^53).
 */
export function parseWholeNumber(text: string, min: number): number | undefined {
  const value = Number(text);
  return /^\d+$/.test(text) && Number.isSafeInteger(value) && value >= min ? value : undefined;
}

/**
 * A limit as typed in the page's `Server settings → Limits`: its value, or what is wrong with the
 * text (`Log lines per call takes a whole number of 0 or more, not "1.5".`), as `--max-log-lines` says it.
 */
export function parseLimit(key: LimitKey, text: string): Result<number, EngineError> {
  const { label, min } = LIMITS[key];
  const value = parseWholeNumber(text, min);
  if (value !== undefined) return ok(value);
  return engineError('invalid-request', `${label} takes ${wholeNumberFrom(min)}${text === '' ? '' : `, not ${JSON.stringify(text)}`}.`);
}

/** `given`'s valid values over the defaults (anything else, say from an older file, is ignored). */
export function limitsFrom(given: Partial<Record<LimitKey, unknown>> | undefined): Limits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of LIMIT_KEYS) {
    const value = given?.[key];
    if (isLimitValue(key, value)) limits[key] = value;
  }
  return limits;
}

/** An error for going past a limit: one of the limits' codes. */
export interface LimitError extends EngineError {
  code: LimitErrorCode;
}

/** A number with its unit as people read it: `10,000 bytes`, `1 response`. */
const counted = (n: number, unit: string) => `${n.toLocaleString('en-US')} ${n === 1 && unit !== 'ms' ? unit.replace(/s$/, '') : unit}`;

/**
 * The error for `value` past the limit `key`: its code, what went past which limit by how much,
 * and where to raise it (the page's `Server settings → Limits`, or the command line's flag).
 */
export function limitError<K extends LimitKey>(key: K, value: number, limits: Pick<Limits, K>): LimitError {
  const { code, label, flag, unit } = LIMITS[key];
  return {
    code,
    message: `${label} limit: ${counted(value, unit)} is past the limit of ${counted(limits[key], unit)}. Raise it in Server settings → Limits (${label}), or with --${flag} on the command line.`,
  };
}

/** Ok when `value` is within the limit `key`, else its specific error (`limitError`). */
export function checkLimit<K extends LimitKey>(key: K, value: number, limits: Pick<Limits, K>): Result<true, LimitError> {
  return value <= limits[key] ? ok(true) : fail(limitError(key, value, limits));
}
