import { bytesEqual, toHex } from './bytes';
import type { CallOutcome, ShadowVerdict } from './events';
import type { WebsocketMessage } from './messages';
import type { WireOutcome } from './wire';

/**
 * Shadow mode's rule (bridge out, proxy mode, and the replay of a proxied conversation): what an
 * endpoint answered a message, compared with what the actor put on the wire for the same message.
 */

/** The in-page actor's answer to the message that was also sent to the endpoint. */
export interface ActorAnswer {
  seq: number;
  outcome: CallOutcome;
  responses: readonly WireOutcome[];
}

/** The verdict on a whole exchange (for the sent frame), and on each frame the endpoint sent back (none on a ping or pong). */
export interface ExchangeVerdict {
  exchange: ShadowVerdict;
  frames: Array<ShadowVerdict | undefined>;
}

/** A frame as both sides can be compared: what a page's WebSocket can see. */
interface Seen {
  kind: 'text' | 'binary' | 'close';
  text?: string;
  data?: Uint8Array;
}

/** At most this many differences are spelled out; the rest are counted. */
const SPELLED_OUT = 3;

/**
 * The actor's frames a page could see. Dropped messages never reach the wire; ping and pong do,
 * but a browser's WebSocket answers and swallows them itself, so the endpoint's could never be
 * seen to compare with.
 */
function actorFrames(responses: readonly WireOutcome[]): Seen[] {
  return responses.flatMap(({ frame }): Seen[] => {
    if (frame === null) return [];
    switch (frame.frame) {
      case 'text':
        return [{ kind: 'text', text: frame.text }];
      case 'binary':
        return [{ kind: 'binary', data: frame.data }];
      case 'close':
        return [{ kind: 'close' }];
      case 'ping':
      case 'pong':
        return [];
      default: {
        const exhaustive: never = frame;
        return exhaustive;
      }
    }
  });
}

function endpointFrame(message: WebsocketMessage): Seen {
  const tag = message.ty.tag;
  if (tag === 'text') return { kind: 'text', text: message.text ?? '' };
  if (tag === 'close') return { kind: 'close' };
  return { kind: 'binary', data: message.data ?? new Uint8Array(0) };
}

/** A close matches a close whatever its code: the actor's `close` response carries none. */
const same = (a: Seen, b: Seen): boolean =>
  a.kind === b.kind && (a.kind === 'text' ? a.text === b.text : a.kind === 'close' || bytesEqual(a.data!, b.data!));

function describe(frame: Seen): string {
  switch (frame.kind) {
    case 'text': {
      const text = frame.text!;
      return `text ${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)}`;
    }
    case 'binary': {
      const data = frame.data!;
      return `binary ${data.length} bytes${data.length > 0 ? ` (${toHex(data.subarray(0, 8))}${data.length > 8 ? ' …' : ''})` : ''}`;
    }
    case 'close':
      return 'a close frame';
    default: {
      const exhaustive: never = frame.kind;
      return exhaustive;
    }
  }
}

const failure = (outcome: CallOutcome): string | null => {
  switch (outcome.kind) {
    case 'ok':
      return null;
    case 'err':
    case 'trap':
      return `the actor's call ended in ${outcome.kind}: ${outcome.message}`;
    case 'timeout':
      return `the actor's call timed out after ${outcome.afterMs} ms`;
    default: {
      const exhaustive: never = outcome;
      return exhaustive;
    }
  }
};

/** The endpoint's ping and pong frames are compared with nothing: the actor's are never seen (see actorFrames). */
const isControl = (message: WebsocketMessage): boolean => message.ty.tag === 'ping' || message.ty.tag === 'pong';

/**
 * Compares what the endpoint sent back after a message with what the in-page actor would have
 * put on the wire for the same message, frame by frame in order (kind and payload); the
 * endpoint's pings and pongs get no verdict (`frames[i]` undefined). `peer` is what the details call
 * the other side (`endpoint`, or a proxy's `upstream`).
 */
export function compareExchange(endpoint: readonly WebsocketMessage[], actor: ActorAnswer, peer = 'endpoint'): ExchangeVerdict {
  const ours = actorFrames(actor.responses);
  const differences: string[] = [];
  const failed = failure(actor.outcome);
  if (failed) differences.push(failed);
  let i = -1;
  const frames = endpoint.map((message): ShadowVerdict | undefined => {
    if (isControl(message)) return undefined;
    i++;
    const frame = endpointFrame(message);
    const expected = ours[i];
    if (expected && same(frame, expected)) return { actorSeq: actor.seq, match: true };
    const detail = `frame ${i + 1}: the ${peer} sent ${describe(frame)}, the actor ${expected ? `would send ${describe(expected)}` : 'would send nothing more'}`;
    differences.push(detail);
    return { actorSeq: actor.seq, match: false, detail };
  });
  for (const missing of ours.slice(i + 1)) differences.push(`the actor would also send ${describe(missing)}, which the ${peer} did not send`);
  const match = differences.length === 0;
  const spelled = differences.slice(0, SPELLED_OUT).join('; ');
  const more = differences.length > SPELLED_OUT ? `; and ${differences.length - SPELLED_OUT} more` : '';
  return { exchange: match ? { actorSeq: actor.seq, match } : { actorSeq: actor.seq, match, detail: spelled + more }, frames };
}

const listed = (frames: Seen[]): string => (frames.length === 0 ? 'nothing' : frames.map(describe).join(', '));

/** The frames an endpoint answered with, as a difference's one line ("text \"hi\", a close frame"; its pings and pongs left out). */
export const endpointAnswerText = (endpoint: readonly WebsocketMessage[]): string => listed(endpoint.filter((m) => !isControl(m)).map(endpointFrame));

/** The frames the actor put on the wire, as `endpointAnswerText` writes the endpoint's. */
export const actorAnswerText = (responses: readonly WireOutcome[]): string => listed(actorFrames(responses));
