import { messageEvent } from '../store/testing/fakeEvents';
import { describe, expect, it } from 'vitest';
import { bridgeFrameOf } from './bridgeFrame';
import type { ActorEvent, BridgeInfo } from './events';
import { binaryMessage, makeMessage, textMessage, type WebsocketMessage } from './messages';

const event = (input: WebsocketMessage, bridge: BridgeInfo, kind: ActorEvent['kind'] = 'bridge'): ActorEvent =>
  messageEvent(3, input, { kind, connectionId: -2, startedAt: 1_700_000_000_000, durationMs: 0, bridge });

const URL = 'ws://127.0.0.1:9/echo';

describe('a bridge event read as a frame', () => {
  it('names the opcode, the direction, the bridge connection and the size on the wire', () => {
    expect(bridgeFrameOf(event(textMessage('héllo'), { direction: 'sent', endpoint: URL }))).toMatchObject({ direction: 'sent', opcode: 'text', size: 6, endpoint: URL, bridgeNumber: 2 });
    expect(bridgeFrameOf(event(binaryMessage(new Uint8Array([1, 2, 255])), { direction: 'received', endpoint: URL }))).toMatchObject({ direction: 'received', opcode: 'binary', size: 3 });
    expect(bridgeFrameOf(event(makeMessage('connect'), { direction: 'sent', endpoint: URL }))).toMatchObject({ opcode: 'open', size: 0 });
  });

  it('counts a close frame as its two-byte code and its reason, and nothing without a code', () => {
    expect(bridgeFrameOf(event(makeMessage('close'), { direction: 'received', endpoint: URL, closeCode: 4001, closeReason: 'go away' }))).toMatchObject({ opcode: 'close', size: 9, closeCode: 4001, closeReason: 'go away' });
    expect(bridgeFrameOf(event(makeMessage('close'), { direction: 'sent', endpoint: URL }))).toMatchObject({ opcode: 'close', size: 0 });
  });

  it('is no frame for a call into the actor', () => {
    expect(bridgeFrameOf({ ...event(textMessage('hi'), { direction: 'sent', endpoint: URL }, 'message'), bridge: undefined })).toBeUndefined();
  });
});
