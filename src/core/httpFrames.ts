import type { MessageKind, WebsocketMessage } from './messages';

/** The message types a client of an http-framework actor can send it: data frames only. */
export const HTTP_FRAME_KINDS: readonly MessageKind[] = ['text', 'binary'];

/**
 * Why an http-framework actor can never receive `message` as a client's frame, or undefined when
 * it can (text and binary). Theater's http-framework server answers ping and pong itself and ends
 * the connection on a close frame (then calls disconnect); `connect` and `other` are no frames.
 * The engine refuses such a send with it, and so does an edit of the history.
 */
export function httpFrameRefusal(message: Pick<WebsocketMessage, 'ty'>): string | undefined {
  const ty = message.ty;
  if (HTTP_FRAME_KINDS.includes(ty.tag)) return undefined;
  if (ty.tag === 'ping' || ty.tag === 'pong') return `An http-framework actor is never told of ${ty.tag} frames: Theater's server answers them itself.`;
  return `An http-framework actor receives only text and binary frames; \`${ty.tag === 'other' ? `other(${ty.val})` : ty.tag}\` is not a frame a client sends (use Close connection to end it).`;
}
