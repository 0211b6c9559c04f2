import { describe, expect, it } from 'vitest';
import { MAX_SEED, parseSeed, parseStart, wasiSettingsSchema, DEFAULT_WASI_SETTINGS } from './wasiSettings';

describe('WASI settings', () => {
  it('takes whole seeds from 0 to 2^32 - 1 and says what a seed is otherwise', () => {
    expect(parseSeed(' 42 ')).toEqual({ ok: true, value: 42 });
    expect(parseSeed(String(MAX_SEED))).toEqual({ ok: true, value: MAX_SEED });
    for (const bad of ['', '-1', '1.5', 'abc', String(MAX_SEED + 1)]) {
      expect(parseSeed(bad)).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('is not a whole number from 0 to 4294967295') } });
    }
  });

  it('reads a start time as UTC unless it names a zone, and refuses what is not a date', () => {
    expect(parseStart('2030-06-01T12:00:00')).toEqual({ ok: true, value: Date.UTC(2030, 5, 1, 12) });
    expect(parseStart('2030-06-01T12:00:00+02:00')).toEqual({ ok: true, value: Date.UTC(2030, 5, 1, 10) });
    expect(parseStart('soon')).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('give one such as 2025-01-01T00:00:00Z') } });
  });

  it('checks settings read from a file', () => {
    expect(wasiSettingsSchema.safeParse(DEFAULT_WASI_SETTINGS).success).toBe(true);
    expect(wasiSettingsSchema.safeParse({ ...DEFAULT_WASI_SETTINGS, seed: -1 }).success).toBe(false);
  });
});
