/**
 * The close code ws sends when a peer breaks the protocol or a limit. ws then drops the socket
 * without waiting for the peer's reply, so its own close event says 1006; the page should hear
 * the code the peer was actually sent (1009 for an oversized frame).
 */
const SENT_CLOSE_CODE: Record<string, number> = {
  WS_ERR_UNSUPPORTED_MESSAGE_LENGTH: 1009,
  WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH: 1009,
  WS_ERR_INVALID_UTF8: 1007,
  WS_ERR_TOO_MANY_BUFFERED_PARTS: 1008,
};
const PROTOCOL_ERROR = 1002;

/** The close ws sent for `error` (its code, and its message as the reason), or null for a network error (no close was sent). */
export function sentCloseOf(error: Error & { code?: string }): { code: number; reason: string } | null {
  if (!error.code?.startsWith('WS_ERR_')) return null;
  return { code: SENT_CLOSE_CODE[error.code] ?? PROTOCOL_ERROR, reason: error.message };
}
