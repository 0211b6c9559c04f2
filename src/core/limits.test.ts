import { describe, expect, it } from 'vitest';
import { utf8, utf8ByteLength } from './bytes';
import { checkLimit, DEFAULT_LIMITS, LIMIT_KEYS, LIMITS, limitError, limitsFrom, parseLimit, parseWholeNumber } from './limits';

describe('limits', () => {
  it('passes a value at the limit and names the limit, the value and where to raise it past it', () => {
    expect(checkLimit('stateBytes', 1000, { stateBytes: 1000 })).toEqual({ ok: true, value: true });
    expect(checkLimit('stateBytes', 1001, { stateBytes: 1000 })).toEqual({
      ok: false,
      error: {
        code: 'state-too-large',
        message: 'State size limit: 1,001 bytes is past the limit of 1,000 bytes. Raise it in Server settings → Limits (State size), or with --max-state-bytes on the command line.',
      },
    });
  });

  it('gives every limit its own code and flag', () => {
    expect(new Set(LIMIT_KEYS.map((key) => LIMITS[key].code)).size).toBe(LIMIT_KEYS.length);
    expect(new Set(LIMIT_KEYS.map((key) => LIMITS[key].flag)).size).toBe(LIMIT_KEYS.length);
    expect(limitError('callTimeMs', 6000, DEFAULT_LIMITS).message).toContain('--timeout');
  });

  it('takes a typed limit only as a whole number of its minimum or more, and says so in the command line\'s words otherwise', () => {
    expect(parseLimit('logLinesPerCall', '0')).toEqual({ ok: true, value: 0 });
    expect(parseLimit('logLinesPerCall', '250')).toEqual({ ok: true, value: 250 });
    for (const text of ['1.5', '-5', '1e3', ' 5', 'abc']) {
      expect(parseLimit('logLinesPerCall', text)).toEqual({ ok: false, error: { code: 'invalid-request', message: `Log lines per call takes a whole number of 0 or more, not ${JSON.stringify(text)}.` } });
    }
    expect(parseLimit('logLinesPerCall', '')).toMatchObject({ ok: false, error: { message: 'Log lines per call takes a whole number of 0 or more.' } });
    expect(parseLimit('callTimeMs', '0')).toMatchObject({ ok: false, error: { message: 'Call time takes a whole number of 1 or more, not "0".' } });
    expect(parseWholeNumber(String(2 ** 53), 0)).toBeUndefined();
  });

  it('reads the valid values given over the defaults and ignores the rest', () => {
    expect(limitsFrom(undefined)).toEqual(DEFAULT_LIMITS);
    expect(limitsFrom({ stateBytes: 10, responsesPerCall: -1, callTimeMs: 0, logLinesPerCall: 1.5, memoryBytes: '5' })).toEqual({ ...DEFAULT_LIMITS, stateBytes: 10 });
  });

  it("counts a text's UTF-8 bytes as the encoder writes them", () => {
    for (const text of ['', 'ascii', 'é', '€', '😀 pair', '\ud800 lone', 'x\udc00']) expect(utf8ByteLength(text)).toBe(utf8(text).length);
  });
});
