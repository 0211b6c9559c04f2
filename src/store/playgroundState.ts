import type { CatalogSlice } from './catalogSlice';
import type { ComposerSlice } from './composerSlice';
import type { ConnectionsSlice } from './connectionsSlice';
import type { SessionSlice } from './sessionSlice';
import type { HistorySlice } from './historySlice';
import type { TimelineSlice } from './timelineSlice';
import type { UiSlice } from './uiSlice';

/** The whole UI state: every slice, so any action can reach any other. */
export type PlaygroundState = SessionSlice & ConnectionsSlice & ComposerSlice & CatalogSlice & UiSlice & TimelineSlice & HistorySlice;
