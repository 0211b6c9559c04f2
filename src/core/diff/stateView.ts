import { decodeUtf8 } from '../bytes';
import { ABSENT } from './jsonDiff';

const EMPTY = new Uint8Array(0);
/** A JSON document starts with one of these (after blanks): anything else is not worth parsing. */
const JSON_START = /^\s*[[{"\-0-9tfn]/;

/**
 * One state as the diffs read it: its bytes, and its text and JSON value worked out once, when
 * first needed. Neighbouring events share a state, so stepping through a history of 16 MiB
 * states decodes and parses each of them once, not twice.
 */
export class StateView {
  #text: string | null | undefined;
  #value: { value: unknown } | null | undefined;
  #readable: boolean | undefined;

  /** `bytes` undefined: the state is `none`. */
  constructor(readonly bytes: Uint8Array | undefined) {}

  get present(): boolean {
    return this.bytes !== undefined;
  }

  /** The UTF-8 text (empty for `none`), or null when the bytes are not UTF-8. */
  text(): string | null {
    if (this.#text === undefined) this.#text = decodeUtf8(this.bytes ?? EMPTY) ?? null;
    return this.#text;
  }

  /** Text that starts like JSON, or `none`: worth offering the JSON view before parsing. */
  jsonLikely(): boolean {
    const text = this.text();
    return text !== null && (!this.present || JSON_START.test(text.slice(0, 1024)));
  }

  /** The parsed document (ABSENT for `none`), or null when it is not JSON. */
  json(): { value: unknown } | null {
    if (this.#value === undefined) this.#value = this.present ? parse(this.jsonLikely() ? this.text() : null) : { value: ABSENT };
    return this.#value;
  }

  /** Known to be JSON or not yet parsed: undefined until `json()` has run. */
  get parsed(): boolean | undefined {
    return this.#value === undefined ? undefined : this.#value !== null;
  }

  /**
   * UTF-8 without control characters other than tab and line breaks, C1 controls (C2 80–9F) or
   * U+FFFD (EF BF BD): text to read, not binary that happens to decode. Scanned as bytes: a
   * regular expression over a 16 MiB string costs ten times as much.
   */
  readable(): boolean {
    if (this.#readable === undefined) this.#readable = this.text() !== null && readableBytes(this.bytes ?? EMPTY);
    return this.#readable;
  }
}

function parse(text: string | null): { value: unknown } | null {
  if (text === null) return null;
  try {
    return { value: JSON.parse(text) };
  } catch {
    return null;
  }
}

function readableBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte >= 0x20 && byte < 0x7f) continue;
    if (byte < 0x20 ? byte !== 0x09 && byte !== 0x0a && byte !== 0x0d : byte === 0x7f) return false;
    if (byte === 0xc2 && bytes[i + 1]! >= 0x80 && bytes[i + 1]! <= 0x9f) return false;
    if (byte === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) return false;
  }
  return true;
}
