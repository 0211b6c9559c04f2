import { useStore } from 'zustand';
import { browserWorker } from '../host/browserWorker';
import { createPlaygroundStore } from './createPlaygroundStore';
import type { PlaygroundState } from './playgroundState';

/** The page's store: one per page, with the engine in a Web Worker. */
export const playgroundStore = createPlaygroundStore({ createWorker: browserWorker });

/** Reads the store from a component. Selectors must return stable values (a field, not a new array). */
export const usePlayground = <T>(selector: (state: PlaygroundState) => T): T => useStore(playgroundStore, selector);

export type { PlaygroundState } from './playgroundState';
export type { ActorUiStatus } from './status';
export type { ConnectionView } from './mirror';
export type { CatalogEntry } from '../features/actor/catalogSlice';
export type { PlaygroundAlert } from './alert';
export { BODY_FORMATS, isMessageKind, type Draft } from '../features/chat/draft';
export { draftOf } from '../features/chat/composerSlice';
export { transcriptOf, type TranscriptLine } from '../features/chat/transcriptLines';
export { functionsOf, isStubbedImport, missingFunctions } from '../features/interface/interfaceInfo';
export { cursorOf } from './cursor';
export { buildMessage } from '../features/chat/draft';
export type { ReplayRun } from '../features/history/timeTravelSlice';
export { stateSizeAtCursor } from '../features/inspector/statesSlice';
export { themeOf, type SideTab } from '../features/page/uiSlice';
export type { Theme } from '../features/page/themePreference';
