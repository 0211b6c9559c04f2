import { describe, expect, it } from 'vitest';
import { CLOSE_REASON_BYTES, parsePageFrame } from '../../../protocols/bridgeControl';
import { fitCloseReason } from './closeCodes';

const bytes = (text: string): number => new TextEncoder().encode(text).length;
/** What the bridge server makes of a `close-client` with this reason: accepted, or refused. */
const accepted = (reason: string): boolean => parsePageFrame(JSON.stringify({ type: 'close-client', client: 1, code: 1000, reason }))[0]!.ok;

describe('a close reason for a real client', () => {
  it('keeps a message that fits whole', () => {
    const message = 'The actor serves WebSockets on `/chat`, not on `/nope`: pick one of those.';
    expect(fitCloseReason(message)).toBe(message);
  });

  it('cuts a longer one to what the bridge accepts, at a character boundary, and marks the cut', () => {
    const long = 'The actor has enabled no WebSocket path: an http-framework actor accepts clients only on paths it enables with `http-framework.enable-websocket`.';
    expect(accepted(long)).toBe(false);
    const cut = fitCloseReason(long);
    expect(bytes(cut)).toBeLessThanOrEqual(CLOSE_REASON_BYTES);
    expect(cut).toMatch(/^The actor has enabled no WebSocket path: .*…$/);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(accepted(cut)).toBe(true);
    // Two-byte and four-byte characters are never split into invalid UTF-8.
    for (const char of ['é', '🎭']) {
      const fitted = fitCloseReason(char.repeat(100));
      expect(fitted).toMatch(new RegExp(`^(${char})+…$`, 'u'));
      expect(accepted(fitted)).toBe(true);
    }
  });
});
