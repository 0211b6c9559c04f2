import { utf8Length } from '../../core';
import { thrownMessage } from '../../store/alert';
import { buildMessage, draftProblem, EMPTY_DRAFT, formattedJson, recall, remember, type Draft, type SentEntry } from './draft';
import type { Slice } from '../../store/context';

/** A composer writes for one connection, or for every open one at once. */
export type ComposerTarget = number | 'all';

/** One draft and one history per composer, so switching between clients never loses what was typed. */
export interface ComposerSlice {
  drafts: Record<string, Draft>;
  /** What each composer sent, oldest first, for ↑ to bring back. */
  sentHistory: Record<string, readonly SentEntry[]>;
  editDraft(target: ComposerTarget, change: Partial<Draft>): void;
  /** Brings back an earlier (or later) message; false when the box holds new text or there is none. */
  recallDraft(target: ComposerTarget, direction: 'older' | 'newer'): boolean;
  /**
   * Lays out the draft's JSON, which changes the text sent: returns the new text and its size in
   * UTF-8 bytes before and after, for the composer to say so; null when it does not parse (the
   * composer says why).
   */
  formatDraft(target: ComposerTarget): { body: string; before: number; after: number } | null;
  /** Reads a file as the draft's binary payload. */
  attachFile(target: ComposerTarget, file: File): Promise<void>;
  /** Sends the draft; clears the body once the actor has it, unless the person typed on meanwhile. */
  sendDraft(target: ComposerTarget): Promise<void>;
}

export const draftOf = (drafts: Record<string, Draft>, target: ComposerTarget): Draft => drafts[target] ?? EMPTY_DRAFT;
export const historyOf = (history: Record<string, readonly SentEntry[]>, target: ComposerTarget): readonly SentEntry[] => history[target] ?? [];

export const createComposerSlice = (): Slice<ComposerSlice> => (set, get) => ({
  drafts: {},
  sentHistory: {},
  editDraft(target, change) {
    set((state) => ({ drafts: { ...state.drafts, [target]: { ...draftOf(state.drafts, target), ...change } } }));
  },
  recallDraft(target, direction) {
    const state = get();
    const recalled = recall(draftOf(state.drafts, target), historyOf(state.sentHistory, target), direction);
    if (recalled) set({ drafts: { ...state.drafts, [target]: recalled } });
    return recalled !== null;
  },
  formatDraft(target) {
    const { body } = draftOf(get().drafts, target);
    const formatted = formattedJson(body);
    if (formatted === undefined) return null;
    get().editDraft(target, { body: formatted });
    return { body: formatted, before: utf8Length(body), after: utf8Length(formatted) };
  },
  async attachFile(target, file) {
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      get().editDraft(target, { file: { name: file.name, bytes } });
    } catch (thrown) {
      get().showAlert({ code: 'read-failed', message: `Could not read ${file.name}: ${thrownMessage(thrown)}. Choose the file again.` });
    }
  },
  async sendDraft(target) {
    const draft = draftOf(get().drafts, target);
    // What cannot be sent (invalid JSON, bytes that do not read) is already explained beside the
    // box, and Send is disabled; Enter still lands here, and an alert would only repeat it.
    if (draftProblem(draft)) return;
    const message = buildMessage(draft);
    if (!message.ok) {
      get().showAlert(message.error);
      return;
    }
    const delivered = target === 'all' ? await get().sendToAll(message.value) : await get().send(target, message.value);
    if (!delivered) return;
    set((state) => {
      const now = draftOf(state.drafts, target);
      const untouched = now.body === draft.body && now.file === draft.file;
      return {
        drafts: untouched ? { ...state.drafts, [target]: { ...now, body: '', file: null, recalled: null } } : state.drafts,
        sentHistory: { ...state.sentHistory, [target]: remember(historyOf(state.sentHistory, target), draft) },
      };
    });
  },
});

// This slice's part of the store's state (see store/playgroundState.ts).
declare module '../../store/playgroundState' {
  interface PlaygroundState extends ComposerSlice {}
}
