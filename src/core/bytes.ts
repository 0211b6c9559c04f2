/** Byte helpers shared by the engine, the inspector and the chain code. */

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

export const utf8 = (text: string): Uint8Array => utf8Encoder.encode(text);

/**
 * `text`'s UTF-8 length without encoding it (limits count every log line and response): a UTF-16
 * unit below 0x80 is 1 byte, below 0x800 2, a surrogate pair 4 together, any other unit 3 (a lone
 * surrogate too: the encoder writes U+FFFD for it).
 */
export function utf8ByteLength(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) bytes += 1;
    else if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** The text of `bytes` when they are valid UTF-8, else undefined (states are often binary). */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The parts one after another, in one new array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const hexDigits = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += hexDigits[bytes[i]!];
  return out;
}

/** Parses hex written with or without spaces; undefined when it is not whole bytes of hex. */
export function fromHex(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) return undefined;
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * The platform's own base64 (TC39's Uint8Array base64, in Chromium since 140; not in Node 20).
 * In Chromium 150 it encodes 3-100x faster than a binary string and btoa; it decodes 2-20x
 * faster from about 100 bytes up, and 2x slower below (measured in the page), where a session
 * file's many short frames sit (issue 10).
 */
const native = Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array };
const nativeToBase64 = (Uint8Array.prototype as { toBase64?: () => string }).toBase64;
/** Base64 texts at least this long are decoded by the platform's decoder when there is one. */
const NATIVE_DECODE_CHARS = 128;

/** Base64 of any size (btoa needs a binary string; built in chunks to stay off the call-stack limit). */
export function toBase64(bytes: Uint8Array): string {
  if (nativeToBase64) return nativeToBase64.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Bytes of base64 text (padding optional and whitespace skipped, as atob reads it); undefined when it is not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  try {
    if (native.fromBase64 && text.length >= NATIVE_DECODE_CHARS) return native.fromBase64(text);
    const binary = atob(text);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

/** Whether bytes start with gzip's magic number (1f 8b, RFC 1952): version 2 session files do. */
export const isGzip = (head: Uint8Array): boolean => head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
