import type { CatalogSlice } from '../features/actor/catalogSlice';
import type { ComposerSlice } from '../features/chat/composerSlice';
import type { ConnectionsSlice } from '../features/chat/connectionsSlice';
import type { SessionSlice } from '../features/actor/sessionSlice';
import type { SessionsSlice } from '../features/sessions/sessionsSlice';
import type { HistorySlice } from '../features/history/historySlice';
import type { TimeTravelSlice } from '../features/history/timeTravelSlice';
import type { TimelineSlice } from '../features/timeline/timelineSlice';
import type { TimelineViewSlice } from '../features/timeline/timelineViewSlice';
import type { UiSlice } from '../features/page/uiSlice';
import type { StatesSlice } from '../features/inspector/statesSlice';
import type { InspectorSlice } from '../features/inspector/inspectorSlice';
import type { BridgeSlice } from '../features/bridge/bridgeSlice';

/** The whole UI state: every slice, so any action can reach any other. */
export type PlaygroundState = SessionSlice & ConnectionsSlice & ComposerSlice & CatalogSlice & UiSlice & TimelineSlice & TimelineViewSlice & HistorySlice & TimeTravelSlice & StatesSlice & SessionsSlice & InspectorSlice & BridgeSlice;
