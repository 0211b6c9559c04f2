import { z } from 'zod';
import { engineError, type EngineError } from './errors';
import { ok, type Result } from './result';

/**
 * How the simulated server answers an actor's WASI clocks and random (a server setting, chosen in
 * `Server settings`, saved with the session and given to the command line as `--seed`,
 * `--start` and `--real-wasi`). The playground's own addition: Theater's host answers these with
 * the real clock and the operating system's random.
 */
export interface WasiSettings {
  /** Seeds every event's random stream (an unsigned 32-bit integer). */
  seed: number;
  /** The virtual wall clock's reading at the first event, in milliseconds since the Unix epoch (UTC). */
  startMs: number;
  /**
   * Grants the real wall clock, monotonic clock and random source instead of the seeded ones:
   * then two runs differ, and only the recording (replay feeds it back) reproduces a run.
   */
  real: boolean;
}

/** The largest seed: seeds are unsigned 32-bit integers, what the seeded generator takes. */
export const MAX_SEED = 0xffff_ffff;

/** Seed 1, starting at 2025-01-01T00:00:00Z, nothing real: the same for everyone, so sessions shared between machines agree. */
export const DEFAULT_WASI_SETTINGS: WasiSettings = { seed: 1, startMs: Date.UTC(2025, 0, 1), real: false };

/** Latest virtual start the settings take (9999-12-31), so every reading stays a valid date. */
const MAX_START_MS = Date.UTC(9999, 11, 31);

/** The settings as a session file and the saved sessions hold them (`server.wasi`). */
export const wasiSettingsSchema = z.object({
  seed: z.number().int().min(0).max(MAX_SEED),
  startMs: z.number().int().min(0).max(MAX_START_MS),
  real: z.boolean(),
});

/** Checks a seed typed by a person or given on the command line (`invalid-request` says what a seed is). */
export function parseSeed(text: string): Result<number, EngineError> {
  const seed = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) return engineError('invalid-request', `The seed "${text}" is not a whole number from 0 to ${MAX_SEED}: give one such as 1 or 42.`);
  return ok(seed);
}

/** Checks a start instant (an ISO 8601 date and time, UTC when it names no zone) and gives its milliseconds since the epoch. */
export function parseStart(text: string): Result<number, EngineError> {
  const trimmed = text.trim();
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(trimmed) || !trimmed.includes('T') ? trimmed : `${trimmed}Z`;
  const ms = Date.parse(withZone);
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_START_MS) return engineError('invalid-request', `The start time "${text}" is not a date and time from 1970 to 9999: give one such as 2025-01-01T00:00:00Z.`);
  return ok(ms);
}

/** How the Inspector and the import list name the source of a WASI answer. */
export const wasiSourceText = (source: number | 'real'): string => (source === 'real' ? 'real clock and random, not reproducible' : `deterministic, seed ${source}`);
