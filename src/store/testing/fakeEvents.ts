import type { ActorEvent, WebsocketMessage } from '../../core';

/**
 * Test support: a recorded `message` event with `input`, everything else neutral (ok, no state,
 * no responses), for tests of what the store derives from a history without running an actor.
 */
export const messageEvent = (seq: number, input: WebsocketMessage, change: Partial<ActorEvent> = {}): ActorEvent => ({
  seq,
  kind: 'message',
  connectionId: 1,
  startedAt: 0,
  durationMs: 0.1,
  input,
  stateBefore: null,
  stateAfter: null,
  outcome: { kind: 'ok' },
  responses: [],
  hostCalls: [],
  shutdown: false,
  ...change,
});
