import type { CatalogSlice } from './catalogSlice';
import type { ComposerSlice } from './composerSlice';
import type { ConnectionsSlice } from './connectionsSlice';
import type { SessionSlice } from './sessionSlice';
import type { SessionsSlice } from './sessionsSlice';
import type { HistorySlice } from './historySlice';
import type { TimeTravelSlice } from './timeTravelSlice';
import type { TimelineSlice } from './timelineSlice';
import type { TimelineViewSlice } from './timelineViewSlice';
import type { UiSlice } from './uiSlice';
import type { StatesSlice } from './statesSlice';
import type { InspectorSlice } from './inspectorSlice';
import type { BridgeSlice } from './bridgeSlice';

/** The whole UI state: every slice, so any action can reach any other. */
export type PlaygroundState = SessionSlice & ConnectionsSlice & ComposerSlice & CatalogSlice & UiSlice & TimelineSlice & TimelineViewSlice & HistorySlice & TimeTravelSlice & StatesSlice & SessionsSlice & InspectorSlice & BridgeSlice;
