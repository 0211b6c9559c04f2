import { utf8 } from '../bytes';

/**
 * Writes chain entries' JSON in chunks. Theater nests JSON documents as byte arrays (a result's
 * state bytes inside an entry's `data`, `data` inside the hashed entry), so each level roughly
 * triples in size: a 16 MiB state becomes about 200 MB of entry text. Writing it through a small
 * buffer lets SHA-1 (or an export) consume it without any of it in memory.
 */

/** JSON for WIT values: bytes as arrays of numbers (as serde writes `Vec<u8>`), none as null. */
export function valueJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Uint8Array) return Array.from(v);
    if (typeof v === 'bigint') return v.toString();
    return v === undefined ? null : v;
  });
}

/** A field written as the UTF-8 bytes of `valueJson(value)`, those bytes as a JSON number array. */
export class JsonBytes {
  constructor(readonly value: unknown) {}
}

const CHUNK = 64 * 1024;
/**
 * Expansions are written as whole 32-bit words, up to `MAX_WORDS` a byte (depth 3: `,255` becomes
 * 36 bytes); the words past a text's length are padding the next byte's text overwrites.
 */
const MAX_WORDS = 9;
// Writing is synchronous and never re-entered, so one buffer serves every call. Its tail past
// CHUNK takes the padding of the chunk's last expansion.
const buffer = new Uint8Array(CHUNK + 4 * MAX_WORDS);
const view = new DataView(buffer.buffer);
const DIGITS = Array.from({ length: 256 }, (_, b) => utf8(String(b)));
const COMMA_DIGITS = Array.from({ length: 256 }, (_, b) => utf8(`,${b}`));

/** UTF-8 of `text`. Entries are mostly many short ASCII strings, which TextEncoder is slow to start on. */
function encode(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return utf8(text);
    out[i] = c;
  }
  return out;
}

/**
 * What one byte written at `depth` (after the first of its array) becomes in the outermost text:
 * `,b` at depth 1, each character of that as `,c` one level out at depth 2, and so on. Each byte's
 * text is kept as `words` little-endian 32-bit words, so a state turns into entry text by a few
 * word stores a byte instead of a copy loop over its characters.
 */
interface Expansion {
  /** Byte b's text in words b·words to (b+1)·words, zero-padded. */
  table: Uint32Array;
  /** Byte b's text length, in bytes. */
  lengths: Uint8Array;
  /** 1, 3 or 9 (depths 1, 2, 3). */
  words: 1 | 3 | 9;
  /** The longest text, in bytes. */
  max: number;
}
const expansions: Expansion[] = [];

const textAt = (b: number, depth: number): string => (depth === 1 ? `,${b}` : [...textAt(b, depth - 1)].map((c) => `,${c.charCodeAt(0)}`).join(''));

/** The expansion for `depth` 1 to 3; deeper bytes are written through their parent (see Level). */
function expansion(depth: 1 | 2 | 3): Expansion {
  if (expansions[depth]) return expansions[depth];
  const texts = Array.from({ length: 256 }, (_, b) => encode(textAt(b, depth)));
  const words = ({ 1: 1, 2: 3, 3: 9 } as const)[depth];
  const bytes = new Uint8Array(256 * words * 4);
  texts.forEach((text, b) => bytes.set(text, b * words * 4));
  const packed = new DataView(bytes.buffer);
  const table = Uint32Array.from({ length: 256 * words }, (_, w) => packed.getUint32(w * 4, true));
  return (expansions[depth] = { table, lengths: Uint8Array.from(texts, (t) => t.length), words, max: Math.max(...texts.map((t) => t.length)) });
}

/** The outermost text: buffered, handed to `sink` a chunk at a time (the chunk is reused after). */
class Output {
  #pos = 0;
  constructor(readonly sink: (chunk: Uint8Array) => void) {}

  raw(bytes: Uint8Array): void {
    let pos = this.#pos;
    for (let i = 0; i < bytes.length; i++) {
      if (pos === CHUNK) {
        this.#pos = pos;
        this.flush();
        pos = 0;
      }
      buffer[pos++] = bytes[i]!;
    }
    this.#pos = pos;
  }

  /** Writes the expansion of `bytes` from `from` on: the hot loop, hundreds of MB for a large state. */
  expand(bytes: Uint8Array, from: number, { table, lengths, words, max }: Expansion): void {
    let pos = this.#pos;
    let i = from;
    while (i < bytes.length) {
      if (CHUNK - pos < max) {
        this.#pos = pos;
        this.flush();
        pos = 0;
      }
      // Every byte up to `stop` fits in the chunk whatever its value, so the loop checks nothing else.
      const stop = Math.min(bytes.length, i + Math.floor((CHUNK - pos) / max));
      for (; i < stop; i++) {
        const b = bytes[i]!;
        const w = b * words;
        view.setUint32(pos, table[w]!, true);
        if (words > 1) {
          view.setUint32(pos + 4, table[w + 1]!, true);
          view.setUint32(pos + 8, table[w + 2]!, true);
          if (words > 3) {
            view.setUint32(pos + 12, table[w + 3]!, true);
            view.setUint32(pos + 16, table[w + 4]!, true);
            view.setUint32(pos + 20, table[w + 5]!, true);
            view.setUint32(pos + 24, table[w + 6]!, true);
            view.setUint32(pos + 28, table[w + 7]!, true);
            view.setUint32(pos + 32, table[w + 8]!, true);
          }
        }
        pos += lengths[b]!;
      }
    }
    this.#pos = pos;
  }

  flush(): void {
    if (this.#pos > 0) this.sink(buffer.subarray(0, this.#pos));
    this.#pos = 0;
  }
}

/** Bytes at one nesting depth: depth 0 is the outermost text, deeper ones are number arrays in it. */
class Level {
  #first = true;
  readonly #expansion: Expansion | undefined;
  constructor(
    readonly out: Output,
    readonly depth: number,
    readonly parent?: Level,
  ) {
    this.#expansion = depth >= 1 && depth <= 3 ? expansion(depth as 1 | 2 | 3) : undefined;
  }

  write(bytes: Uint8Array): void {
    if (!this.parent) return this.out.raw(bytes);
    if (bytes.length === 0) return;
    // Only the first number of an array goes without a comma; every other byte is a table copy.
    let from = 0;
    if (this.#first) {
      this.#first = false;
      this.parent.write(DIGITS[bytes[0]!]!);
      from = 1;
    }
    if (this.#expansion) return this.out.expand(bytes, from, this.#expansion);
    // Deeper than any chain Theater writes: each number goes through the level above, slowly but the same.
    for (let i = from; i < bytes.length; i++) this.parent.write(COMMA_DIGITS[bytes[i]!]!);
  }

  text(text: string): void {
    this.write(encode(text));
  }

  /** Writes `[`, then what `fill` writes as the numbers of a byte array, then `]`. */
  nested(fill: (inner: Level) => void): void {
    this.text('[');
    fill(new Level(this.out, this.depth + 1, this));
    this.text(']');
  }
}

const hasToJson = (v: object) => typeof (v as { toJSON?: unknown }).toJSON === 'function';
const isPlainObject = (v: object): v is Record<string, unknown> => {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};
/** Whether this walk writes `v` itself; everything else (and anything with toJSON) goes to valueJson. */
const walked = (v: unknown): v is object =>
  typeof v === 'object' && v !== null && !hasToJson(v) && (v instanceof Uint8Array || v instanceof JsonBytes || Array.isArray(v) || isPlainObject(v));
/** The text of what the walk leaves to JSON.stringify: undefined when it has none (a function, a symbol). */
function leafJson(v: unknown): string | undefined {
  if (v === null || v === undefined) return 'null';
  // Plain values skip the replacer, which would return them unchanged: the common case, made cheap.
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v);
  return valueJson(v);
}

/**
 * Writes `valueJson(value)` with JsonBytes fields nested. Walks what JSON.stringify would walk
 * (arrays, plain objects) in its order and leaves the rest to it, so the text is the same byte for byte.
 */
function writeValue(value: unknown, level: Level): void {
  // A value without JSON becomes null in an array (and at the top, where valueJson's replacer put it).
  if (!walked(value)) level.text(leafJson(value) ?? 'null');
  else if (value instanceof Uint8Array) level.nested((inner) => inner.write(value));
  else if (value instanceof JsonBytes) level.nested((inner) => writeValue(value.value, inner));
  else if (Array.isArray(value)) {
    level.text('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) level.text(',');
      writeValue(value[i], level);
    }
    level.text(']');
  } else {
    let first = true;
    level.text('{');
    for (const [key, v] of Object.entries(value)) {
      // '' (never JSON text) marks a value walked below; a property without JSON is left out.
      const leaf = walked(v) ? '' : leafJson(v);
      if (leaf === undefined) continue;
      level.text(`${first ? '' : ','}${JSON.stringify(key)}:${leaf}`);
      if (leaf === '') writeValue(v, level);
      first = false;
    }
    level.text('}');
  }
}

/** Streams the UTF-8 of `valueJson(value)` (with JsonBytes nested) to `sink`, a reused chunk at a time. */
export function writeJson(value: unknown, sink: (chunk: Uint8Array) => void): void {
  const out = new Output(sink);
  writeValue(value, new Level(out, 0));
  out.flush();
}
