// The store's public surface. No store is made here: the page makes its own (`src/main.tsx`),
// each component test another, and components read the one their provider gives them.
export { createPlaygroundStore, type StoreOptions } from './createPlaygroundStore';
export { PlaygroundProvider, usePlayground, usePlaygroundStore } from './PlaygroundProvider';

export type { PlaygroundState } from './playgroundState';
export { shownStatusOf, type ActorUiStatus, type ShownStatus } from './status';
export type { ConnectionView } from './mirror';
export type { CatalogEntry } from '../features/actor/catalogSlice';
export type { PlaygroundAlert } from './alert';
export { BODY_FORMATS, isMessageKind, type Draft } from '../features/chat/draft';
export { draftOf } from '../features/chat/composerSlice';
export { TranscriptLines, type TranscriptLine } from '../features/chat/transcriptLines';
export { pendingInput, type PendingCall } from '../features/chat/pendingCalls';
export { closeExplanation } from '../features/bridge/client/closeCodes';
export { functionsOf, isStubbedImport, missingFunctions } from '../features/interface/interfaceInfo';
export { cursorOf } from './cursor';
export { buildMessage, draftProblem } from '../features/chat/draft';
export type { ReplayRun } from '../features/history/timeTravelSlice';
export { stateSizeAtCursor } from '../features/inspector/statesSlice';
export { themeOf, type SideTab } from '../features/page/uiSlice';
export type { Theme } from '../features/page/themePreference';
export { TOUR_STEPS, type TourStepId } from '../features/tour/tourSteps';
