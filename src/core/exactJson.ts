/**
 * JSON read and written without losing integers. Theater's chains hold u64s (and i64s) as plain
 * JSON numbers, serde's way (`{"U64":18446744073709551615}`, or the bytes of
 * `12529243227765134399`): `JSON.parse` rounds any past 2^53 to the nearest double
 * (18446744073709552000). Here an integer outside JavaScript's safe range becomes a bigint, and
 * `jsonText` writes it back digit for digit. Node 20 has no `JSON.parse` source access, hence the
 * small reader below; text without a long run of digits still goes through `JSON.parse`.
 */

/** 16 digits is the shortest an unsafe integer can be written (2^53 = 9007199254740992). */
const LONG_DIGITS = /\d{16}/;
const SPACE = /[ \t\n\r]*/y;
// JSON's own grammar for a string and a number; `JSON.parse` decodes a matched string's escapes.
// eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/**
 * `JSON.parse(text)`, except that an integer literal beyond `Number.MAX_SAFE_INTEGER` (either
 * sign, no fraction or exponent) becomes a bigint of exactly its digits. Throws a SyntaxError
 * for text that is not JSON, as `JSON.parse` does.
 */
export function parseJson(text: string): unknown {
  if (!LONG_DIGITS.test(text)) return JSON.parse(text);
  const reader = new Reader(text);
  const value = reader.value();
  reader.end();
  return value;
}

class Reader {
  #at = 0;
  constructor(private readonly text: string) {}

  end(): void {
    this.#space();
    if (this.#at < this.text.length) this.#fail();
  }

  value(): unknown {
    this.#space();
    switch (this.text[this.#at]) {
      case '{':
        return this.#object();
      case '[':
        return this.#array();
      case '"':
        return this.#string();
      case 't':
        return this.#word('true', true);
      case 'f':
        return this.#word('false', false);
      case 'n':
        return this.#word('null', null);
      default:
        return this.#number();
    }
  }

  #object(): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    this.#at++;
    if (this.#next('}')) return object;
    do {
      this.#space();
      const key = this.#string();
      this.#expect(':');
      // Defined, not assigned: a key `__proto__` is an own property, as `JSON.parse` makes it.
      Object.defineProperty(object, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
    } while (this.#next(','));
    this.#expect('}');
    return object;
  }

  #array(): unknown[] {
    const array: unknown[] = [];
    this.#at++;
    if (this.#next(']')) return array;
    do array.push(this.value());
    while (this.#next(','));
    this.#expect(']');
    return array;
  }

  #string(): string {
    return JSON.parse(this.#match(STRING)) as string;
  }

  #number(): number | bigint {
    const literal = this.#match(NUMBER);
    const number = Number(literal);
    const integer = !/[.eE]/.test(literal);
    return integer && !Number.isSafeInteger(number) ? BigInt(literal) : number;
  }

  #word<T>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.#at)) this.#fail();
    this.#at += word.length;
    return value;
  }

  #match(pattern: RegExp): string {
    pattern.lastIndex = this.#at;
    const match = pattern.exec(this.text);
    if (!match) this.#fail();
    this.#at = pattern.lastIndex;
    return match[0];
  }

  /** Skips spaces, then takes `token` when it comes next. */
  #next(token: string): boolean {
    this.#space();
    if (this.text[this.#at] !== token) return false;
    this.#at++;
    return true;
  }

  #expect(token: string): void {
    if (!this.#next(token)) this.#fail();
  }

  #space(): void {
    SPACE.lastIndex = this.#at;
    SPACE.exec(this.text);
    this.#at = SPACE.lastIndex;
  }

  #fail(): never {
    throw new SyntaxError(`Unexpected ${this.#at < this.text.length ? `character ${JSON.stringify(this.text[this.#at])}` : 'end of JSON input'} at position ${this.#at}`);
  }
}

/** Compact JSON of a value `parseJson` returned: `JSON.stringify`, with bigints written as their digits. */
export function jsonText(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (typeof value === 'object' && value !== null) return `{${Object.entries(value).map(([key, field]) => `${JSON.stringify(key)}:${jsonText(field)}`).join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/**
 * A value `parseJson` returned, JSON-safe: each bigint as its decimal digits, the way the
 * playground records a u64 past 2^53 (recordedValues.ts), so a replay hands the exact integer back.
 */
export function bigintsAsDigits(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(bigintsAsDigits);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, bigintsAsDigits(field)]));
  return value;
}
