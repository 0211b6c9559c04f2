import { expect } from 'vitest';
import type { StoreApi } from 'zustand/vanilla';
import type { EngineErrorCode } from '../../core/errors';
import { textMessage } from '../../core/messages';
import type { PlaygroundState } from '../../store/playgroundState';
import { counterWithConnection } from '../../store/testing/nodeStore';

/** What a kind of bad input must give: its error code, and a message that says what it is. */
export interface Expected {
  kind: string;
  code: EngineErrorCode;
  message: RegExp;
}

/**
 * Test support: the counter loaded in `store` (over the real actor worker), a connection, one
 * `inc`. `expectUnharmed` feeds it one bad input (`attempt`) and checks what the corpus promises: the alert
 * has the kind's code and message, the counter is still loaded and ready with the same history,
 * and it still answers from the same state (the count goes on).
 */
export async function counterBed(store: StoreApi<PlaygroundState>): Promise<{ expectUnharmed(expected: Expected, attempt: () => Promise<unknown>): Promise<void> }> {
  const connection = await counterWithConnection(store);
  await store.getState().send(connection, textMessage('inc'));
  let count = 1;
  return {
    async expectUnharmed({ kind, code, message }, attempt) {
      // A copy: the history grows in place as events come.
      const before = [...store.getState().events];
      // An import answers whether it took the file; a load answers nothing (the alert says).
      const taken = await attempt();
      const { alert, actorName, status, events } = store.getState();
      expect([kind, taken === true, alert?.code], alert?.message).toEqual([kind, false, code]);
      expect(alert?.message, kind).toMatch(message);
      expect([actorName, status], kind).toEqual(['counter', 'ready']);
      expect(events, kind).toEqual(before);
      expect(await store.getState().send(connection, textMessage('inc')), kind).toBe(true);
      expect(store.getState().events.at(-1)?.responses[0]?.message.text, kind).toBe(`count: ${++count}`);
    },
  };
}
