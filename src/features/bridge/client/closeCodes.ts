import { utf8ByteLength } from '../../../core';
import { CLOSE_REASON_BYTES } from '../../../protocols/bridgeControl';

/** What the close codes a person commonly meets mean (RFC 6455 §7.4.1), in words they can act on. */
const MEANINGS: Readonly<Record<number, string>> = {
  1000: 'normal closure',
  1001: 'going away',
  1002: 'protocol error',
  1003: 'unsupported data',
  1005: 'no status code in the close frame',
  1006: 'the connection dropped without a close frame: the server is down, refused the handshake (wrong path, origin or subprotocol), or the network failed',
  1007: 'invalid data (for example text that is not UTF-8)',
  1008: 'policy violation',
  1009: 'a message was too big',
  1010: 'a required extension is missing',
  1011: 'the server hit an internal error',
  1012: 'the server is restarting',
  1013: 'try again later',
  1015: 'the TLS handshake failed',
};

/** `4001 "go away"`, with what a standard code means. */
export function closeExplanation(code: number, reason: string): string {
  const meaning = MEANINGS[code];
  const said = reason === '' ? '' : ` ${JSON.stringify(reason)}`;
  return `close code ${code}${said}${meaning ? ` (${meaning})` : ''}`;
}

/**
 * `text` as a close frame's reason: whole when it fits, else cut at a character boundary and ended
 * with `…`. The bridge refuses a longer reason (and then closes nothing), so an engine's message
 * sent to a real client must go through this.
 */
export function fitCloseReason(text: string): string {
  if (utf8ByteLength(text) <= CLOSE_REASON_BYTES) return text;
  const room = CLOSE_REASON_BYTES - utf8ByteLength('…');
  let cut = '';
  let used = 0;
  for (const char of text) {
    used += utf8ByteLength(char);
    if (used > room) break;
    cut += char;
  }
  return `${cut}…`;
}
