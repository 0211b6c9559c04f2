import { buildMessage, EMPTY_DRAFT, type Draft } from './composer';
import type { Slice } from './context';

/** One draft per connection, so switching between clients never loses what was typed. */
export interface ComposerSlice {
  drafts: Record<number, Draft>;
  editDraft(connectionId: number, change: Partial<Draft>): void;
  /** Sends the connection's draft; clears the body once the actor has it. */
  sendDraft(connectionId: number): Promise<void>;
}

export const draftOf = (drafts: Record<number, Draft>, connectionId: number): Draft => drafts[connectionId] ?? EMPTY_DRAFT;

export const createComposerSlice = (): Slice<ComposerSlice> => (set, get) => ({
  drafts: {},
  editDraft(connectionId, change) {
    set((state) => ({ drafts: { ...state.drafts, [connectionId]: { ...draftOf(state.drafts, connectionId), ...change } } }));
  },
  async sendDraft(connectionId) {
    const draft = draftOf(get().drafts, connectionId);
    const message = buildMessage(draft);
    if (!message.ok) {
      get().showAlert(message.error);
      return;
    }
    if (await get().send(connectionId, message.value)) get().editDraft(connectionId, { body: '' });
  },
});
