import { describe, expect, it } from 'vitest';
import { bigintsAsDigits, jsonText, parseJson } from './exactJson';

describe('JSON with exact integers', () => {
  it('keeps every digit of an integer past 2^53, either sign, wherever it is', () => {
    expect(parseJson('{"U64":18446744073709551615}')).toEqual({ U64: 18446744073709551615n });
    expect(parseJson('[12529243227765134399, -9223372036854775808, 9007199254740991, 9007199254740992]')).toEqual([12529243227765134399n, -9223372036854775808n, 9007199254740991, 9007199254740992n]);
    expect(parseJson(' {"a" : [ {"b": 1234567890123456789} ] , "c" : null } ')).toEqual({ a: [{ b: 1234567890123456789n }], c: null });
    // Not integers, or integers a double holds exactly: numbers, as JSON.parse gives them.
    const notIntegers = '[12345678901234567.5, 1e300, 12345678901234567e3, -0]';
    expect(parseJson(notIntegers)).toEqual(JSON.parse(notIntegers));
  });

  it('reads everything else exactly as JSON.parse does, long digit runs in strings included', () => {
    const texts = [
      '{"text":"12345678901234567890","esc":"a\\"b\\\\c\\u00e9\\n\\/","t":true,"f":false,"n":null,"e":{},"l":[]}',
      '["99999999999999999999 in a string", 1.5e-7, -12, 0]',
      '"12345678901234567890"',
    ];
    for (const text of texts) {
      expect(parseJson(text)).toEqual(JSON.parse(text));
      expect(jsonText(parseJson(text))).toBe(JSON.stringify(JSON.parse(text)));
    }
    // A key `__proto__` is the object's own key, as JSON.parse makes it, not its prototype.
    const own = parseJson('{"__proto__":{"x":1},"n":12345678901234567890}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(own)).toBe(Object.prototype);
    expect(Object.keys(own)).toEqual(['__proto__', 'n']);
  });

  it('refuses text that is not JSON with a SyntaxError, as JSON.parse does', () => {
    for (const text of ['[12345678901234567890', '[12345678901234567890,]', '{"a" 12345678901234567890}', '[012345678901234567890]', '12345678901234567890 x', '["\t1234567890123456789"]', '[tru, 12345678901234567890]']) {
      expect(() => parseJson(text), text).toThrow(SyntaxError);
    }
  });

  it('writes integers back digit for digit, and as digits where a value must stay JSON-safe', () => {
    const text = '{"Result":{"Ok":[{"U64":18446744073709551615},null,"x"]}}';
    expect(jsonText(parseJson(text))).toBe(text);
    expect(bigintsAsDigits(parseJson(text))).toEqual({ Result: { Ok: [{ U64: '18446744073709551615' }, null, 'x'] } });
  });
});
